import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, SPEC_CATALOGS, mustLoad } from '../../helpers.js';
import { tmpDir, tscErrors } from '../../judges.js';
import { typeName } from '../../../src/model/names.js';
import { ALL_CATALOGS } from '../../helpers.js';
import { generatedModule } from './modules.js';

const dir = tmpDir('types');
const importPath = (file: string) => relative(dir, file).replace(/\\/g, '/').replace(/\.ts$/, '.js').replace(/^(?!\.)/, './');

describe('generated TypeScript under tsc --strict', () => {
  it('compiles every generated/ module and every fixture module with the strictest flags, unused locals included', async () => {
    const files = SPEC_CATALOGS.map((f) => join(ROOT, 'generated', f.split('/')[1] as string, 'errors.ts'));
    for (const file of ALL_CATALOGS) files.push((await generatedModule(file)).path);
    expect(tscErrors(files)).toBe('');
  });

  it('narrows on codes, and rejects what the catalog does not allow', () => {
    const sandbox = importPath(join(ROOT, 'generated/sandbox/errors.ts'));
    const readings = importPath(join(ROOT, 'generated/device-readings/errors.ts'));
    const file = join(dir, 'narrowing.ts');
    writeFileSync(
      file,
      `import { hasErrorCode, classifyError, createRateLimitExceededError, ERRORS, isErrorCode, type ErrorCode, type ErrorFor } from ${JSON.stringify(sandbox)};
import * as readings from ${JSON.stringify(readings)};

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
  const nothing: undefined = result.code;
  void nothing;
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
const invalid = readings.createInvalidRequestError({ param: "cursor", type: "invalid_request_error", request_id: "req_1" }, { status: 422 });
void invalid;
// @ts-expect-error invalid_request is answered with 400 or 422 only
readings.createInvalidRequestError({ param: null, type: "t", request_id: "r" }, { status: 500 });
`,
    );
    expect(tscErrors([file])).toBe('');
  });
});

/** Writes, for one catalog, a file that compiles only if both sides' types assign to each other. */
async function assignabilityFile(spec: string): Promise<string> {
  {
    const api = spec.split('/')[1] as string;
    const catalog = await mustLoad(spec);
    const openapi = parse(await import('node:fs').then((fs) => fs.readFileSync(join(ROOT, 'generated', api, 'openapi.yaml'), 'utf8'))) as object;
    const theirs = join(dir, `${api}.openapi.ts`);
    writeFileSync(theirs, astToString(await openapiTS(openapi as never)));
    const prefix = catalog.naming.componentPrefix;
    const wrapped = catalog.envelope.key !== undefined;
    const pairs: [string, string][] = [
      [wrapped ? `${prefix}ErrorBody` : `${prefix}ApiError`, 'ErrorBody'],
      [`${prefix}ApiError`, 'ApiError'],
      [`${prefix}UnknownError`, 'UnknownError'],
      ...catalog.entries.map((e): [string, string] => [`${prefix}${typeName(catalog, e)}`, typeName(catalog, e)]),
    ];
    const file = join(dir, `${api}.assign.ts`);
    writeFileSync(
      file,
      `import type { components } from ${JSON.stringify(importPath(theirs))};
import type * as Ours from ${JSON.stringify(importPath(join(ROOT, 'generated', api, 'errors.ts')))};
type Theirs = components["schemas"];
${pairs.map(([t, o], i) => `export const to${i} = (x: Theirs[${JSON.stringify(t)}]): Ours.${o} => x;\nexport const from${i} = (x: Ours.${o}): Theirs[${JSON.stringify(t)}] => x;`).join('\n')}
`,
    );
    return file;
  }
}

describe('the body types and the types openapi-typescript makes from the emitted 3.1 spec', () => {
  it('are mutually assignable, code by code, for every catalog in specs/', async () => {
    const files = await Promise.all(SPEC_CATALOGS.map(assignabilityFile));
    expect(tscErrors(files)).toBe('');
  });
});
