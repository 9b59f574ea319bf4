declare const __VERSION__: string;
/** Set by the build (scripts/build.mjs); "0.0.0-dev" when running from source. */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
