import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, SPEC_CATALOGS } from '../../helpers.js';
import { ComponentNames, openApiDocument } from '../../../src/emit/openapi/index.js';
import { tmpDir, tscErrors } from '../../judges.js';
import { hasBodyWrapper, typeName } from '../../../src/model/names.js';
import { ALL_CATALOGS } from '../../helpers.js';
import { generatedModule } from './modules.js';
import { writeMocksModule } from './mocks-module.js';
import { narrowingFile, operationAssignabilityFile } from './operation-types.js';

const dir = tmpDir('types');
const importPath = (file: string) => relative(dir, file).replace(/\\/g, '/').replace(/\.ts$/, '.js').replace(/^(?!\.)/, './');

describe('generated TypeScript under tsc --strict', () => {
  it('compiles the module of every catalog (specs/ and fixtures) and the runtime they inline with the strictest flags, unused locals included', async () => {
    const files: string[] = [];
    for (const file of ALL_CATALOGS) {
      const { path, text } = await generatedModule(file);
      // errors.ts keeps its tables (ERRORS, BUILD_ROWS) as JSON text, which tsc does not read: a copy
      // with each table as an object literal holds their data to their declared types.
      const tables = [...text.matchAll(/JSON\.parse\(String\.raw`/g)].length;
      expect(tables, file).toBeGreaterThanOrEqual(2);
      const literal = path.replace(/\.ts$/, '.tables.ts');
      writeFileSync(literal, text.replace(/JSON\.parse\(String\.raw`([^`]*)`\)/g, '($1)'));
      files.push(path, literal);
    }
    const runtime = join(ROOT, 'src/runtime');
    files.push(...readdirSync(runtime).map((f) => join(runtime, f)));
    expect(tscErrors(files)).toBe('');
  });

});

/** A file that compiles only if errors.ts narrows on codes and rejects what the catalog does not allow. */
async function codeNarrowingFile(): Promise<string> {
  const fixture = async (name: string) => importPath((await generatedModule(`test/fixtures/valid/${name}.yaml`)).path);
  const sandbox = importPath((await generatedModule('specs/sandbox/errors.yaml')).path);
  const readings = importPath((await generatedModule('specs/device-readings/errors.yaml')).path);
  const [stripe, google, microsoft, github] = await Promise.all(['levels-stripe', 'levels-google', 'levels-microsoft', 'codeless-github'].map(fixture));
  const file = join(dir, 'narrowing.ts');
  writeFileSync(
    file,
    `import { hasErrorCode, classifyError, createRateLimitExceededError, ERRORS, isErrorCode, type ErrorCode, type ErrorFor } from ${JSON.stringify(sandbox)};
import * as readings from ${JSON.stringify(readings)};
import * as stripe from ${JSON.stringify(stripe)};
import * as google from ${JSON.stringify(google)};
import * as microsoft from ${JSON.stringify(microsoft)};
import * as github from ${JSON.stringify(github)};

declare const body: unknown;
if (hasErrorCode(body, "rate_limit_exceeded")) {
  const seconds: number = body.error.retryAfter;
  const status: 429 = body.error.status;
  void seconds; void status;
}
if (hasErrorCode(body, "not_found")) {
  // @ts-expect-error not_found carries no retryAfter
  void body.error.retryAfter;
  const code: "not_found" = body.error.code;
  void code;
}
// @ts-expect-error not a code of this catalog
hasErrorCode(body, "no_such_code");

const result = classifyError(429, body);
if (result.known && result.code === "rate_limit_exceeded") {
  const seconds: number = result.error.retryAfter;
  void seconds;
}
if (!result.known) {
  // The raw code of a body that is not a documented error.
  const raw: string | undefined = result.code;
  void raw;
}
const response = createRateLimitExceededError({ retryAfter: 30 });
const limited: ErrorFor<"rate_limit_exceeded"> = response.body.error;
void limited;
// @ts-expect-error retryAfter is required
createRateLimitExceededError({});
const title: "Too many requests in a short period" = ERRORS.rate_limit_exceeded.title;
void title;
declare const anything: unknown;
if (isErrorCode(anything)) {
  const code: ErrorCode = anything;
  void code;
}
const invalid = readings.createInvalidRequestError({ param: "cursor", type: "invalid_request_error", request_id: "req_1" }, { status: 422, headers: { "X-Request-Id": "req_1" } });
void invalid;
// @ts-expect-error invalid_request is answered with 400 or 422 only
readings.createInvalidRequestError({ param: null, type: "t", request_id: "r" }, { status: 500, headers: { "X-Request-Id": "r" } });
// @ts-expect-error the catalog marks X-Request-Id required: the server must send it
readings.createInvalidRequestError({ param: null, type: "t", request_id: "r" }, { status: 400 });

// Levels: each entry's pinned values are literal types; the classifier reports every level.
if (stripe.hasErrorCode(body, "insufficient_funds")) {
  const type: "card_error" = body.error.type;
  const code: "card_declined" = body.error.code;
  void type; void code;
}
const charged = stripe.classifyError(402, body);
const declineCode: "insufficient_funds" | (string & {}) | undefined = charged.codes.decline_code;
void declineCode;
// @ts-expect-error not a level of this catalog
void charged.codes.reason;
stripe.createCardDeclinedError({ decline_code: "do_not_honor", message: "Declined." });
// @ts-expect-error the caller cannot change a pinned level
stripe.createCardDeclinedError({ code: "other" });
const retry: boolean = stripe.shouldRetry(charged, 1, new Headers());
void retry;

// Named types, unions discriminated by @type, typed maps, extensible item codes.
const info: google.ErrorInfo = { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "ANY_NEW_REASON", domain: "d", metadata: { service: "s" } };
// @ts-expect-error map values are strings
const badMap: google.ErrorInfo = { ...info, metadata: { service: 1 } };
void badMap;
const detail: google.ErrorInfo | google.RetryInfo = { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1s" };
google.createRateLimitExceededError({ details: [info, detail] });
// @ts-expect-error a details item is one of the union's members
google.createRateLimitExceededError({ details: [{ "@type": "other" }] });
const reason: google.ErrorLevels["reason"] = "RATE_LIMIT_EXCEEDED";
void reason;

// Recursive types and closed item codes.
const inner: microsoft.InnerError = { code: "a", innererror: { code: "b", innererror: {} } };
void inner;
const itemCode: microsoft.ItemCode = "NullValue";
void itemCode;
// @ts-expect-error not a documented item code
const otherItemCode: microsoft.ItemCode = "Other";
void otherItemCode;
const known = microsoft.classifyError(400, body, { "x-ms-error-code": "BadArgument" });
if (known.known && known.code === "PasswordTooShort") {
  const details: { code: "NullValue" | "TooLong" | "Malformed" }[] | undefined = known.error.details;
  void details;
}
const items: readonly (github.ItemCode | (string & {}) | (number & {}))[] = github.classifyError(422, body).itemCodes;
void items;
`,
  );
  return file;
}

/** Writes, for one catalog, a file that compiles only if both sides' types assign to each other. */
async function assignabilityFile(spec: string): Promise<string> {
  const api = spec.split('/')[1] as string;
  const { catalog, path } = await generatedModule(spec);
  const theirs = join(dir, `${api}.openapi.ts`);
  // `{ type: object }` allows any members: openapi-typescript says so with `emptyObjectsUnknown`.
  writeFileSync(theirs, astToString(await openapiTS(openApiDocument(catalog, '3.1') as never, { emptyObjectsUnknown: true })));
  const names = new ComponentNames(catalog, '3.1');
  const pairs: [string, string][] = [
    [hasBodyWrapper(catalog.envelope) ? names.errorBody() : names.documentedError(), 'ErrorBody'],
    [names.documentedError(), 'DocumentedError'],
    [names.errorShape(), 'ErrorShape'],
    ...catalog.types.map((t): [string, string] => [names.namedType(t.name), t.name]),
    ...catalog.entries.map((e): [string, string] => [names.entry(e), typeName(catalog, e)]),
  ];
  const file = join(dir, `${api}.assign.ts`);
  writeFileSync(
    file,
    `import type { components } from ${JSON.stringify(importPath(theirs))};
import type * as Ours from ${JSON.stringify(importPath(path))};
type Theirs = components["schemas"];
${pairs.map(([t, o], i) => `export const to${i} = (x: Theirs[${JSON.stringify(t)}]): Ours.${o} => x;\nexport const from${i} = (x: Ours.${o}): Theirs[${JSON.stringify(t)}] => x;`).join('\n')}
`,
  );
  return file;
}

// One tsc run judges the types below: it is the costly part.
describe('errors.ts and the types openapi-typescript makes', () => {
  it("from the emitted 3.1 spec: the body types assign to each other, code by code and type by type; from each merged spec: each operation's error types and OperationStatusErrors/OperationErrors do, status by status, for every catalog in specs/; errors.ts narrows on codes, and by operation, status and code, rejecting what the catalog does not allow; the MSW mocks compile", async () => {
    const bodies = await Promise.all(SPEC_CATALOGS.map(assignabilityFile));
    const operations = await Promise.all(SPEC_CATALOGS.map(operationAssignabilityFile));
    for (const [i, result] of operations.entries()) expect(result.compared, SPEC_CATALOGS[i]).toBeGreaterThan(0);
    const mocks = await writeMocksModule(tmpDir('mocks-types'));
    expect(tscErrors([...bodies, ...operations.map((r) => r.file), narrowingFile(), await codeNarrowingFile(), ...mocks])).toBe('');
  });
});
