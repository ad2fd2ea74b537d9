import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { attachedStatuses, listOperations } from '../../src/merge/operations.js';
import type { Catalog } from '../../src/model/catalog.js';
import { ROOT } from '../helpers.js';
import { describeFindings, mustImport, roundTrip } from './roundtrip.js';

const DIR = 'test/fixtures/import';
const read = (name: string) => ({ file: join(ROOT, DIR, name), text: readFileSync(join(ROOT, DIR, name), 'utf8') });
const codes = (catalog: Catalog) => Object.fromEntries(catalog.entries.map((e) => [String(e.code), e.statuses]));
const levels = (catalog: Catalog) => catalog.envelope.levels.map((l) => ({ name: l.name, at: l.at.source === 'body' ? l.at.path.join('.') : l.at.header, type: l.type, optional: l.optional }));

interface EnvelopeCase {
  name: string;
  kind: string;
  key?: string;
  contentType: string;
  levels: ReturnType<typeof levels>;
  message: string | undefined;
  codes: Record<string, number[]>;
  fields: string[];
  diagnostics: string[];
}

const CASES: EnvelopeCase[] = [
  {
    name: 'flat.yaml',
    kind: 'flat',
    contentType: 'application/json',
    levels: [{ name: 'code', at: 'code', type: 'string', optional: false }],
    message: 'message',
    codes: { invalid_sku: [400], missing_quantity: [400], rate_limited: [429], order_not_found: [404] },
    fields: ['request_id'],
    diagnostics: ['import-guess', 'import-guess', 'import-status-guess'],
  },
  {
    name: 'wrapped.yaml',
    kind: 'wrapped',
    key: 'error',
    contentType: 'application/json',
    levels: [{ name: 'code', at: 'code', type: 'string', optional: false }],
    message: 'message',
    codes: { card_declined: [402], insufficient_funds: [402], invoice_not_found: [404] },
    fields: [],
    diagnostics: ['import-guess'],
  },
  {
    name: 'list.yaml',
    kind: 'list',
    key: 'errors',
    contentType: 'application/vnd.api+json',
    levels: [{ name: 'code', at: 'code', type: 'string', optional: false }],
    message: 'detail',
    codes: { blank: [422], too_long: [422], taken: [422] },
    fields: ['source'],
    diagnostics: ['import-guess'],
  },
  {
    name: 'problem.yaml',
    kind: 'problem',
    contentType: 'application/problem+json',
    levels: [{ name: 'type', at: 'type', type: 'string', optional: false }],
    message: 'detail',
    codes: { 'https://example.com/probs/out-of-credit': [403], 'https://example.com/probs/no-account': [404] },
    fields: ['title', 'status', 'instance'],
    diagnostics: ['import-guess'],
  },
  {
    name: 'array.yaml',
    kind: 'array',
    contentType: 'application/json',
    levels: [{ name: 'errorCode', at: 'errorCode', type: 'integer', optional: false }],
    message: 'errorMessage',
    codes: { '1001': [400, 500], '1002': [400, 500], '5000': [400, 500] },
    fields: [],
    diagnostics: ['import-guess'],
  },
  {
    name: 'codeless.yaml',
    kind: 'codeless',
    contentType: 'application/json',
    levels: [],
    message: 'message',
    codes: { forbidden: [403], not_found: [404], unprocessable_entity: [422] },
    fields: ['documentation_url'],
    diagnostics: ['import-no-body'],
  },
];

describe('import, per envelope kind', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const { file, text } = read(name);
    const result = mustImport(file, text);
    const { catalog } = result;
    expect({ kind: catalog.envelope.kind, key: catalog.envelope.key, contentType: catalog.envelope.contentType }).toEqual({ kind: c.kind, key: c.key, contentType: c.contentType });
    expect(levels(catalog)).toEqual(c.levels);
    expect(catalog.envelope.message?.name).toBe(c.message);
    expect(codes(catalog)).toEqual(c.codes);
    expect(catalog.fields.map((f) => f.name)).toEqual(c.fields);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual([...c.diagnostics].sort());
    for (const d of result.diagnostics) expect(d.file).toBe(file);
    // Each operation answers the statuses it did (`default` read as 500), those the catalog imported.
    const spec = load(text) as Record<string, unknown>;
    const imported = new Set(catalog.statuses.map((s) => String(s.status)));
    for (const op of listOperations(spec)) {
      const responses = Object.keys((spec['paths'] as Record<string, Record<string, { responses: object }>>)[op.path]?.[op.method]?.responses ?? {});
      const expected = responses.map((k) => (k === 'default' ? '500' : k)).filter((k) => imported.has(k));
      expect(attachedStatuses(catalog, op).map((a) => String(a.status))).toEqual(expected.sort());
    }
    const trip = await roundTrip(catalog, file, text, spec);
    expect(describeFindings(trip.findings)).toEqual([]);
  });

  it('writes the same bytes for the same spec', () => {
    for (const { name } of CASES) {
      const { file, text } = read(name);
      expect(mustImport(file, text).text).toBe(mustImport(file, text).text);
    }
  });

  it('reads a discriminated union as one entry per member, each with its own fields', () => {
    const { file, text } = read('wrapped.yaml');
    const { catalog } = mustImport(file, text);
    const declined = catalog.entries.find((e) => e.code === 'card_declined');
    expect(declined?.title).toBe('The card was declined.');
    expect(declined?.fields.map((f) => [f.name, f.required, f.enum])).toEqual([['decline_code', true, ['insufficient_funds', 'lost_card', 'stolen_card']]]);
  });

  it('keeps the examples that fit, headers per status, and a Retry-After as a retry hint', () => {
    const { file, text } = read('flat.yaml');
    const result = mustImport(file, text);
    const sku = result.catalog.entries.find((e) => e.code === 'invalid_sku');
    expect(sku?.responses[0]?.examples.map((e) => [e.name, e.derived])).toEqual([['sku', false]]);
    const status429 = result.catalog.statuses.find((s) => s.status === 429);
    expect(status429?.retry).toMatchObject({ strategy: 'retry-after', hints: [{ at: { source: 'header', header: 'Retry-After' } }] });
    expect(status429?.headers).toEqual([{ name: 'Retry-After', required: false }]);
    expect(result.text).toContain('# Guessed from the Retry-After header: honour it before retrying.');
  });

  it('compresses the operation mapping: by tag, by path, all but what is left out', () => {
    const { file, text } = read('flat.yaml');
    const { catalog } = mustImport(file, text);
    expect(catalog.operations.map((r) => [r.match, r.statuses])).toEqual([
      [{ all: false, tags: ['orders'], paths: [], methods: [], operationIds: [] }, [429, 500]],
      [{ all: false, tags: [], paths: ['/orders'], methods: [], operationIds: [] }, [400]],
      [{ all: false, tags: [], paths: ['/orders/{id}'], methods: [], operationIds: [] }, [404]],
    ]);
  });

  it('reports a spec it cannot import, with its position', async () => {
    const { importSpec } = await import('../../src/import/import.js');
    const empty = importSpec('empty.yaml', 'openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "404": { description: Missing. }\n');
    expect(empty.catalog).toBeUndefined();
    expect(empty.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toEqual(['import-no-body 7:16', 'import-no-errors 7:16']);
    const notSpec = importSpec('x.yaml', 'asyncapi: 2.0.0\n');
    expect(notSpec.diagnostics.map((d) => d.code)).toEqual(['unsupported-spec']);
  });
});
