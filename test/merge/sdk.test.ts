import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/emit/openapi/index.js';
import { mergeSpec } from '../../src/merge/merge.js';
import { attachedStatuses, listOperations } from '../../src/merge/operations.js';
import { mustLoad, ROOT } from '../helpers.js';
import { documentValidator, swaggerParserErrors } from '../judges.js';

type Json = Record<string, any>;
const specFile = join(ROOT, 'specs/sandbox/openapi.yaml');

describe('SDK extensions, opt-in', () => {
  it("Speakeasy's x-speakeasy-errors and x-speakeasy-retries per operation of a merged spec, from the catalog; gone again when not asked for", async () => {
    const catalog = await mustLoad('specs/sandbox/errors.yaml');
    const base = readFileSync(specFile, 'utf8');
    const result = await mergeSpec(catalog, specFile, base, { sdk: { speakeasy: true, extensibleCodes: true } });
    const doc = parse(result.text as string) as Json;
    expect(await swaggerParserErrors(doc)).toBe('');
    for (const operation of listOperations(doc)) {
      const statuses = attachedStatuses(catalog, operation).map((a) => String(a.status));
      expect(doc['paths'][operation.path][operation.method]['x-speakeasy-errors'], operation.path).toEqual({ statusCodes: statuses });
    }
    // 429 first: its retry-after policy's fallback backoff (1 s, ×2, up to 30 s, 4 attempts: 1 + 2 + 4 s in all).
    expect(doc['paths']['/v1/sandboxes'].post['x-speakeasy-retries']).toEqual({
      strategy: 'backoff',
      backoff: { initialInterval: 1000, maxInterval: 30000, maxElapsedTime: 7000, exponent: 2 },
      statusCodes: ['429', '500', '503'],
      retryConnectionErrors: false,
    });
    expect(doc['components'].schemas.SandboxErrorCode).toMatchObject({ enum: expect.any(Array), 'x-extensible-enum': expect.any(Array), 'x-speakeasy-unknown-values': 'allow' });
    const plain = await mergeSpec(catalog, specFile, result.text as string);
    const fresh = await mergeSpec(catalog, specFile, base);
    expect(parse(plain.text as string)).toEqual(parse(fresh.text as string));
  });

  it('extensible codes: the code enum documents its values and accepts a code added later', async () => {
    const catalog = await mustLoad('specs/sandbox/errors.yaml');
    const doc = openApiDocument(catalog, '3.1', { extensibleCodes: true }) as Json;
    const codes = doc['components'].schemas.SandboxErrorCode as Json;
    expect(codes['enum']).toBeUndefined();
    expect(codes['x-extensible-enum']).toContain('not_found');
    const validate = documentValidator(doc);
    expect(validate('#/components/schemas/SandboxErrorCode', 'a_code_added_later')).toEqual([]);
    expect(validate('#/components/schemas/SandboxErrorCode', 42)).not.toEqual([]);
    const closed = documentValidator(openApiDocument(catalog, '3.1') as Json);
    expect(closed('#/components/schemas/SandboxErrorCode', 'a_code_added_later')).not.toEqual([]);
  });

  it("a components document carries Speakeasy's errors on its paths and retries at its root, and stays valid in every version", async () => {
    const catalog = await mustLoad('specs/sandbox/errors.yaml');
    for (const version of ['3.1', '3.0', '2.0'] as const) {
      const doc = openApiDocument(catalog, version, { speakeasy: true }) as Json;
      expect(doc['paths']['x-speakeasy-errors'].statusCodes).toEqual(catalog.statuses.map((s) => String(s.status)));
      expect(doc['x-speakeasy-retries'].statusCodes).toEqual(['429', '500', '503']);
      expect(await swaggerParserErrors(doc), version).toBe('');
    }
  });
});
