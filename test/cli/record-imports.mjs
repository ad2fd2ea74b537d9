// Preloaded with `node --import` by test/cli/imports.test.ts: appends to $ERRCAT_IMPORT_LOG the
// URL of every module the process resolves through import (ESM, and CommonJS packages imported),
// and on exit every CommonJS module loaded through require (require.cache).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.ERRCAT_IMPORT_LOG, resolved.url + '\\n');
  return resolved;
}`)}`,
);

const required = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(process.env.ERRCAT_IMPORT_LOG, Object.keys(required).map((file) => `${pathToFileURL(file).href}\n`).join('')));
