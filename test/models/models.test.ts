import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { documentValidator } from '../judges.js';

/**
 * The eight bundled real-world models, judged on their APIs' published error bodies: each case's
 * expected classification is a reading of the API's documentation, written by hand
 * (test/models/<api>.bodies.json), not errcat's output.
 */
interface Case {
  source: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  expect: { known?: boolean; code?: string | number; codes?: Record<string, string | number>; itemCodes?: (string | number)[]; error?: null };
}

interface Generated {
  classifyError(status: number, body: unknown, headers?: Record<string, string>): { known: boolean; code: unknown; codes: Record<string, unknown>; itemCodes: readonly unknown[]; error: unknown };
  isErrorBody(body: unknown): boolean;
}

const MODELS = readdirSync(join(ROOT, 'test/models'))
  .filter((f) => f.endsWith('.bodies.json'))
  .map((f) => f.replace('.bodies.json', ''))
  .sort();

describe.each(MODELS)('the %s model on its published bodies', (api) => {
  const cases = JSON.parse(readFileSync(join(ROOT, 'test/models', `${api}.bodies.json`), 'utf8')) as Case[];
  const load = async () => (await import(pathToFileURL(join(ROOT, 'generated', api, 'errors.ts')).href)) as Generated;

  it('classifies each as the API documents it: the entry, every code level, every item code', async () => {
    const { classifyError } = await load();
    for (const c of cases) {
      const result = classifyError(c.status, c.body, c.headers);
      const where = `${c.status} ${JSON.stringify(c.body).slice(0, 120)} (${c.source.slice(0, 80)})`;
      if (c.expect.error === null) {
        expect(result.error, where).toBeUndefined();
        expect(result.known, where).toBe(false);
        continue;
      }
      const got: Record<string, unknown> = { known: result.known, code: result.code, codes: result.codes, itemCodes: [...result.itemCodes] };
      expect(Object.fromEntries(Object.keys(c.expect).map((k) => [k, got[k]])), where).toEqual(c.expect);
    }
  });

  it('has guards that accept exactly what ajv accepts on the emitted schema', async () => {
    const { isErrorBody } = await load();
    const document = parse(readFileSync(join(ROOT, 'generated', api, 'openapi.yaml'), 'utf8')) as Record<string, unknown>;
    const validate = documentValidator(document);
    const schemas = (document['components'] as { schemas: Record<string, unknown> }).schemas;
    const prefix = Object.keys(schemas).find((k) => k.endsWith('UnknownError') || k.endsWith('ErrorShape'))?.replace(/(UnknownError|ErrorShape)$/, '') ?? '';
    const body = `#/components/schemas/${prefix}${Object.hasOwn(schemas, `${prefix}ErrorBody`) ? 'ErrorBody' : 'ApiError'}`;
    for (const c of cases) expect(isErrorBody(c.body), JSON.stringify(c.body).slice(0, 200)).toBe(validate(body, c.body).length === 0);
  });
});
