import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/emit/openapi/index.js';
import { mustLoad, ROOT, SPEC_CATALOGS } from '../../helpers.js';
import { documentValidator } from '../../judges.js';
import { generatedModule } from './modules.js';

interface Case {
  source: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** JSON has no undefined: `error: null` says there is no error object. */
  expect: { known: boolean; code?: unknown; codes: Record<string, unknown>; itemCodes: unknown[]; error?: unknown };
  note?: string;
}

/**
 * RFC 9457 and JSON:API tell clients to ignore a member of the wrong type; the language's
 * classifier does not (LANG2: the entry's guard accepts the error object), so such a body is not
 * a documented error, and keeps its raw code.
 */
const IGNORES_MEMBERS = /MUST (be )?ignore/;

// The bodies each bundled model's API publishes, with what its clients branch on.
const models = SPEC_CATALOGS.map((file) => ({ file, bodies: join(ROOT, 'test/models', `${file.split('/')[1]}.bodies.json`) })).filter((m) => existsSync(m.bodies));

describe.each(models)('$file: the published bodies', ({ file, bodies }) => {
  const cases = JSON.parse(readFileSync(bodies, 'utf8')) as Case[];

  it(`classify to the entry, every level and every item code (${cases.length} bodies)`, async () => {
    const { module } = await generatedModule(file);
    for (const [i, c] of cases.entries()) {
      const label = `#${i} ${c.status} ${c.note ?? c.source}`;
      const result = module.classifyError(c.status, c.body, c.headers);
      const ignoring = c.expect.known && IGNORES_MEMBERS.test(c.note ?? '');
      const expected = ignoring ? { known: false, code: Object.values(c.expect.codes).at(-1) } : { known: c.expect.known, code: c.expect.code };
      expect({ known: result.known, code: result.code, codes: result.codes, itemCodes: result.itemCodes }, label).toEqual({ ...expected, codes: c.expect.codes, itemCodes: c.expect.itemCodes });
      if (c.expect.error !== undefined) expect(result.error, label).toEqual(c.expect.error ?? undefined);
      // A body classified as a documented error passes its guards.
      if (result.known) expect(module.isDocumentedError(result.error), label).toBe(true);
    }
  });
});

describe.each(models)('$file: guards and ajv on the published bodies', ({ file, bodies }) => {
  it('accept exactly the same bodies', async () => {
    const cases = JSON.parse(readFileSync(bodies, 'utf8')) as Case[];
    const { module } = await generatedModule(file);
    const catalog = await mustLoad(file);
    const document = openApiDocument(catalog, '3.1') as Record<string, unknown>;
    const validate = documentValidator(document);
    const schemas = (document['components'] as { schemas: Record<string, unknown> }).schemas;
    const prefix = catalog.naming.componentPrefix;
    const body = `#/components/schemas/${prefix}${Object.hasOwn(schemas, `${prefix}ErrorBody`) ? 'ErrorBody' : 'DocumentedError'}`;
    for (const [i, c] of cases.entries()) expect(module.isErrorBody(c.body), `#${i} ${c.note ?? c.source}`).toBe(validate(body, c.body).length === 0);
  });
});
