// Preloaded with `node --import` by test/cli/imports.test.ts: appends the URL of every module the
// process resolves (ESM imports and the CommonJS packages they import) to $ERRCAT_IMPORT_LOG.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.ERRCAT_IMPORT_LOG, resolved.url + '\\n');
  return resolved;
}`)}`,
);
