import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogText } from '../../src/load.js';
import { attachedStatuses, listOperations } from '../../src/merge/operations.js';
import type { ImportResult } from '../../src/import/import.js';
import type { Catalog } from '../../src/model/catalog.js';
import { ROOT } from '../helpers.js';
import { describeFindings, mustImport, roundTrip } from './roundtrip.js';

const GITHUB = join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');

// GitHub's published spec (OpenAPI 3.0.3, 13 MB, ~1,200 operations): a real import.
describe("importing GitHub's published spec", () => {
  let text: string;
  let spec: Record<string, unknown>;
  let result: ImportResult & { catalog: Catalog; text: string };
  beforeAll(() => {
    text = readFileSync(GITHUB, 'utf8');
    spec = JSON.parse(text) as Record<string, unknown>;
    result = mustImport(GITHUB, text);
  }, 120_000);

  it('gives a catalog that lints clean', () => {
    const linted = loadCatalogText('github.errors.yaml', result.text);
    expect(linted.diagnostics).toEqual([]);
    // No code is documented: errors are told apart by status, a `message` on (almost) every body.
    expect(result.catalog.envelope.kind).toBe('codeless');
    expect(result.catalog.envelope.message).toEqual({ name: 'message', required: false });
    expect(result.catalog.entries.map((e) => [e.code, e.statuses])).toContainEqual(['not_found', [404]]);
    expect(result.catalog.entries.length).toBeGreaterThanOrEqual(10);
  });

  it('reports what it could not read and each guess, located in the spec', () => {
    const codes = new Set(result.diagnostics.map((d) => d.code));
    expect(codes.has('import-no-body')).toBe(true);
    expect(codes.has('import-field-merged')).toBe(true);
    for (const d of result.diagnostics) {
      expect(d.file).toBe(GITHUB);
      expect(d.start.line).toBeGreaterThan(1);
      expect(['warning', 'info']).toContain(d.severity);
    }
  });

  it('gives every operation exactly the error statuses it documents with a JSON body, in few rules', () => {
    type Responses = Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
    const components = (spec['components'] as { responses: Responses }).responses;
    const paths = spec['paths'] as Record<string, Record<string, { responses?: Responses }>>;
    const operations = listOperations(spec);
    expect(operations.length).toBeGreaterThan(1000);
    for (const op of operations) {
      const documented = Object.entries(paths[op.path]?.[op.method]?.responses ?? {})
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .filter(([, r]) => {
          const response = r.$ref ? components[r.$ref.split('/').pop() as string] : r;
          return response?.content?.['application/json']?.schema !== undefined;
        })
        .map(([status]) => Number(status));
      expect({ op: `${op.method} ${op.path}`, statuses: attachedStatuses(result.catalog, op).map((a) => a.status) }).toEqual({ op: `${op.method} ${op.path}`, statuses: documented.sort() });
    }
    expect(result.catalog.operations.length).toBeLessThan(operations.length / 20);
  });

  it('round-trips: merged into the spec and imported again, the contract does not change', async () => {
    const trip = await roundTrip(result.catalog, GITHUB, text, spec, { validate: false });
    expect(describeFindings(trip.findings)).toEqual([]);
  }, 120_000);
});
