/**
 * Colour at the edge only: the core returns data, these turn it into terminal text. Layout by display
 * width (string-width, wrap-ansi: slow to load) lives in layout.ts, loaded only to render.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { OutputStream } from './fits.js';

export type { OutputStream } from './fits.js';

export interface Env {
  [key: string]: string | undefined;
}

/** Colour on for a terminal, off with NO_COLOR (any value), --no-color, or when piped. */
export function makeChalk(stream: OutputStream, env: Env, noColor = false): ChalkInstance {
  const off = noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || !stream.isTTY || env.TERM === 'dumb';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && !noColor && !env.NO_COLOR;
  return new Chalk({ level: forced ? 1 : off ? 0 : 1 });
}

// in fits.ts, which a session's first question loads without chalk
export { widthOf } from './fits.js';
