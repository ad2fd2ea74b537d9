// Writes dist/bundle/: the CLI (dist/cli.js and what it imports, errcat's own modules and its small
// dependencies) bundled by esbuild into a few files, one chunk per lazily imported command. A
// one-shot `errcat lint` otherwise spends about a third of its time resolving, reading and linking
// some two hundred modules. Run by `npm run build` after tsc; `bin` points here, while the
// library (`dist/index.js`) stays unbundled for those who import it.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist`;
export const BUNDLE_DIR = `${DIST}/bundle`;

// Loaded by a runtime require (createRequire) or only on rarer paths, and heavy: they stay packages
// of their own, resolved from errcat's node_modules as before.
const EXTERNAL = ['ts-morph', 'typescript', '@apidevtools/swagger-parser', 'handlebars', 'jiti'];

/**
 * errcat's modules find files beside them (schemas, templates, the runtime, package.json) from
 * their own `import.meta.url`. Inside a chunk that URL is the chunk's, so each module's is
 * rewritten to its original place under dist/, relative to the chunk directory.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'js' };
      const fromChunk = relative(BUNDLE_DIR, args.path).split(sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

rmSync(BUNDLE_DIR, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { cli: `${DIST}/cli.js` },
  outdir: BUNDLE_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages that ship both prefer their ES module build (jsonc-parser's UMD one requires by path).
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  minify: true,
  // Stack traces of an internal error keep their function names; the maps give their places
  // (node --enable-source-maps).
  keepNames: true,
  sourcemap: 'linked',
  legalComments: 'none',
  metafile: true,
  plugins: [keepModuleUrls],
  // Bundled CommonJS packages that call require (ajv's generated code) get Node's own.
  banner: { js: "import { createRequire as __errcatRequire } from 'node:module'; const require = __errcatRequire(import.meta.url);" },
  logLevel: 'warning',
});
// Which chunk holds which module: the import test reads it to tell what a command loaded.
writeFileSync(`${BUNDLE_DIR}/meta.json`, `${JSON.stringify(result.metafile)}\n`);
chmodSync(`${BUNDLE_DIR}/cli.js`, 0o755);
