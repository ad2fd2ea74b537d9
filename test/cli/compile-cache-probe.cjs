// Preloaded with `node --require` by test/cli/imports.test.ts: stands in for Node 22's
// module.enableCompileCache (Node 20 has none) and appends to $ERRCAT_COMPILE_CACHE_LOG, at each
// call, whether ts-morph was loaded already.
const { appendFileSync } = require('node:fs');
require('node:module').enableCompileCache = () => {
  const loaded = Object.keys(require.cache).some((file) => file.includes('/node_modules/ts-morph/'));
  appendFileSync(process.env.ERRCAT_COMPILE_CACHE_LOG, loaded ? 'after ts-morph\n' : 'before ts-morph\n');
  return { status: 0 };
};
