// Bundles the CLI for a fast cold start: one small entry, commands and heavy libraries in lazily
// loaded chunks. tsx is for development only.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// zh-TW strings are derived from zh-CN before bundling (see scripts/zh-tw.mjs)
await import('./zh-tw.mjs').then(async (m) => {
  const { writeFileSync } = await import('node:fs');
  for (const f of m.derive()) writeFileSync(new URL(`../${f.path}`, import.meta.url), f.content);
});

/**
 * A library's own text replaced in the bundle, pinned: the build fails if `from` is not in the file
 * (a new version of the library: look again), rather than bundling the library unchanged unnoticed.
 */
function pinnedPatch(name, filter, from, to, what) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(from)) throw new Error(`${args.path}: ${what} is not as scripts/build.mjs expects; check the ${name} plugin`);
        return { contents: source.replace(from, to), loader: 'js' };
      });
    },
  };
}

/**
 * pg's lib/stream.js asks, as it loads, whether it runs in a Cloudflare Worker: on Node 20, which has no
 * `navigator`, by constructing a `Response`, and that loads Node's fetch (undici): 27-44 ms of every
 * team database command's start, before a byte is sent. pg has no option for it (its `stream` option
 * is read after the probe), so the bundle keeps pg's own Node.js branch and drops the probe.
 */
const pgNodeStreams = pinnedPatch(
  'pg-node-streams',
  /[\\/]pg[\\/]lib[\\/]stream\.js$/,
  'function getStreamFuncs() {\n  if (isCloudflareRuntime()) {',
  'function getStreamFuncs() {\n  if (false) {',
  "pg's Cloudflare probe",
);

/**
 * commander requires node:child_process as it loads, for executable subcommands (`git-style` commands
 * in files of their own), which this program has none of: 5-7 ms of every command's start on this
 * machine (child_process brings dgram and the socket list with it). commander has no option for it, so
 * the bundle requires it when a subcommand would be spawned, never otherwise.
 */
const commanderLazyChildProcess = pinnedPatch(
  'commander-lazy-child-process',
  /[\\/]commander[\\/]lib[\\/]command\.js$/,
  "const childProcess = require('node:child_process');",
  "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };",
  "commander's child_process import",
);

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // smaller files parse faster: cold start matters more here than readable output (the map has the source)
  minify: process.env.NO_MINIFY !== "1",
  legalComments: 'none',
  // yaml and js-yaml are required lazily at run time (only by commands that read YAML), so they stay
  // out of the bundle and out of the first question's start-up; vega and vega-lite (large, only for
  // `report`) are imported at run time from node_modules by the report's charts
  // clipboardy (only for --copy) runs its bundled xsel from its own folder, so it stays a package
  external: ['better-sqlite3', 'yaml', 'js-yaml', 'vega', 'vega-lite', 'clipboardy'],
  define: { __VERSION__: JSON.stringify(pkg.version), __JS_YAML__: JSON.stringify('./js-yaml.cjs'), __UNICODE_TEXT__: JSON.stringify('./unicode-text.cjs') },
  // some bundled CommonJS dependencies require() node built-ins
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [pgNodeStreams, commanderLazyChildProcess],
  logLevel: 'warning',
});

/** A package (or two) bundled into one CommonJS file of its own, required by the code when it is first needed. */
function oneFile(contents, sourcefile, outfile) {
  return build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('..', import.meta.url)), sourcefile },
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: process.env.NO_MINIFY !== '1',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// js-yaml's reader as one file of its own, required when a command first reads YAML: the package is
// twenty CommonJS files (its writer and every type among them), which cost `playbook validate` about
// 9 ms to find and compile, against 3 ms for this. Kept out of the chunks above, which the first
// question of a session loads without reading any YAML.
await oneFile("export { load, CORE_SCHEMA } from 'js-yaml';", 'js-yaml-reader.mjs', 'dist/js-yaml.cjs');

// the Unicode line breaker and string-width, required by layout.ts the first time a text is not
// printable ASCII: linebreak decodes its class table as it loads (about 25 ms), which a review in
// English never needs
await oneFile("export { LineBreaker } from 'linebreak'; export { default as stringWidth } from 'string-width';", 'unicode-text.mjs', 'dist/unicode-text.cjs');
