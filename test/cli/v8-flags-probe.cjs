// Preloaded with `node --require` by test/cli/imports.test.ts: appends each V8 flag string the
// launcher sets to $ERRCAT_V8_FLAGS_LOG, then sets it as asked, or throws with
// $ERRCAT_V8_FLAGS_REFUSED set (a runtime that has no such flags).
const v8 = require('node:v8');
const { appendFileSync } = require('node:fs');
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  appendFileSync(process.env.ERRCAT_V8_FLAGS_LOG, `${flags}\n`);
  if (process.env.ERRCAT_V8_FLAGS_REFUSED) throw new Error('no such flag here');
  setFlags(flags);
};
