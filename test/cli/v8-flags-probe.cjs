// Preloaded with `node --require` by test/cli/imports.test.ts: appends each V8 flag string the
// launcher sets to $ERRCAT_V8_FLAGS_LOG, then sets it as asked.
const v8 = require('node:v8');
const { appendFileSync } = require('node:fs');
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  appendFileSync(process.env.ERRCAT_V8_FLAGS_LOG, `${flags}\n`);
  setFlags(flags);
};
