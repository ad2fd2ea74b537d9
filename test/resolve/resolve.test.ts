import { describe, expect, it } from 'vitest';
import { loadCatalogText } from '../../src/load.js';
import type { Catalog } from '../../src/model/catalog.js';

function load(text: string): { catalog?: Catalog; codes: string[] } {
  const result = loadCatalogText('fixture.yaml', text);
  return { ...(result.catalog ? { catalog: result.catalog } : {}), codes: result.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`) };
}

const HEAD = `errcat: 2
info: { title: Fixture API, version: 1.0.0 }
envelope: { kind: wrapped }
`;

describe('the resolve phase', () => {
  it('keeps and checks written examples when the catalog has only warnings (bug a)', () => {
    const { catalog, codes } = load(`${HEAD}errors:
  untitled: { status: 400 }
  shown:
    status: 404
    title: Shown
    examples:
      - body: { error: { code: shown, message: Here } }
`);
    expect(codes).toEqual(['missing-description 5:3']);
    const response = catalog?.entries.find((e) => e.code === 'shown')?.responses[0];
    expect(response?.examples.map((e) => [e.derived, e.body])).toEqual([[false, { error: { code: 'shown', message: 'Here' } }]]);
    // And a wrong one next to a warning is still reported.
    expect(load(`${HEAD}errors:
  untitled: { status: 400 }
  shown:
    status: 404
    title: Shown
    examples:
      - body: { error: { code: other, message: Here } }
`).codes).toContain('example-invalid 10:32');
  });

  it("gives an entry its status's retry policy, and says where it came from (bug b)", () => {
    const { catalog } = load(`${HEAD}retry: { 5xx: never }
statuses:
  503: { retry: { strategy: backoff, maxAttempts: 7 } }
errors:
  unavailable: { status: [503, 500], title: Down }
  own: { status: 503, title: Own, retry: { strategy: backoff, maxAttempts: 2 } }
`);
    const [at503, at500] = catalog?.entries[0]?.responses ?? [];
    expect(at503?.retry).toMatchObject({ strategy: 'backoff', maxAttempts: 7 });
    expect(at503?.origins.retry).toEqual({ path: ['statuses', '503', 'retry'] });
    expect(at500?.retry).toEqual({ strategy: 'never' });
    expect(at500?.origins.retry).toEqual({ path: ['retry', '5xx'] });
    expect(catalog?.entries[1]?.responses[0]?.retry).toMatchObject({ maxAttempts: 2 });
    expect(catalog?.entries[1]?.responses[0]?.origins.retry).toEqual({ path: ['errors', 'own', 'retry'] });
  });

  it('lets a status-level retry-after read a shared field (bug c)', () => {
    const { catalog, codes } = load(`${HEAD}fields:
  retry_after: { type: integer }
statuses:
  429: { retry: { strategy: retry-after, field: retry_after } }
errors:
  slow_down: { status: 429, title: Slow down }
`);
    expect(codes).toEqual([]);
    expect(catalog?.entries[0]?.responses[0]?.retry).toMatchObject({ strategy: 'retry-after', hints: [{ at: { source: 'body', path: ['retry_after'] }, format: 'seconds' }] });
  });

  it('resolves facts per status: title, retry, headers, conditions and the examples of each status', () => {
    const { catalog, codes } = load(`errcat: 2
info: { title: Fixture API, version: 1.0.0 }
envelope: { kind: codeless }
fields:
  status: { type: integer, value: status }
headers:
  x-ratelimit-remaining: { type: integer }
  retry-after: { type: integer }
errors:
  rate_limited:
    title: Rate limited
    status:
      429: { retry: { strategy: retry-after, header: retry-after }, headers: [retry-after] }
      403: { title: Rate limited (old style), when: { header: x-ratelimit-remaining, equals: "0" } }
    examples:
      - status: 403
        body: { message: API rate limit exceeded, status: 403 }
  forbidden: { status: 403, title: Forbidden }
`);
    expect(codes).toEqual([]);
    // A mapping of statuses resolves in numeric order.
    const [at403, at429] = catalog?.entries[0]?.responses ?? [];
    expect(at429).toMatchObject({ status: 429, title: 'Rate limited', retry: { strategy: 'retry-after' }, headers: [{ name: 'retry-after', required: false }], when: [], values: { status: 429 } });
    expect(at429?.examples.map((e) => [e.derived, e.body])).toEqual([[true, { message: 'Rate limited', status: 429 }]]);
    expect(at403).toMatchObject({ status: 403, title: 'Rate limited (old style)', retry: { strategy: 'never' }, headers: [], when: [{ source: 'header', header: 'x-ratelimit-remaining', equals: '0' }] });
    expect(at403?.origins.title).toEqual({ path: ['errors', 'rate_limited', 'status', '403', 'title'] });
    expect(at403?.examples.map((e) => [e.derived, e.status])).toEqual([[false, 403]]);
    expect(catalog?.statuses.find((s) => s.status === 403)?.codes).toEqual(['rate_limited', 'forbidden']);
  });

  it('refuses an example for a status the entry is not answered with', () => {
    expect(load(`${HEAD}errors:
  shown:
    status: 404
    title: Shown
    examples:
      - { status: 410, body: { error: { code: shown, message: Here } } }
`).codes).toEqual(['unknown-status 9:19']);
  });

  it('pins every level of an entry and of its parents, and derives bodies that carry them', () => {
    const { catalog, codes } = load(`errcat: 2
info: { title: Fixture API, version: 1.0.0 }
envelope:
  kind: wrapped
  levels:
    - { name: type, field: type }
    - { name: code, field: code, optional: true }
    - { name: reason, in: details, where: { kind: info }, field: reason, optional: true }
  defaultLevel: code
fields:
  details: { type: array, items: { type: object, properties: { kind: { type: string, required: true }, reason: { type: string } } } }
errors:
  card_error: { level: type, status: 402, title: Card }
  card_declined: { parent: card_error, status: 402, title: Declined }
  no_funds: { level: reason, parent: card_declined, status: 402, title: No funds }
`);
    expect(codes).toEqual([]);
    const entry = catalog?.entries[2];
    expect(entry?.pins).toEqual({ type: 'card_error', code: 'card_declined', reason: 'no_funds' });
    expect(entry?.responses[0]?.examples[0]?.body).toEqual({ error: { type: 'card_error', code: 'card_declined', message: 'No funds', details: [{ kind: 'info', reason: 'no_funds' }] } });
  });

  it('refuses a parent that is not at a coarser level, and an unknown one', () => {
    const text = (parent: string) => `errcat: 2
info: { title: Fixture API, version: 1.0.0 }
envelope:
  kind: wrapped
  levels: [{ name: type, field: type }, { name: code, field: code }]
errors:
  card_error: { level: type, status: 402, title: Card }
  card_declined: { status: 402, title: Declined }
  expired: { status: 402, title: Expired, parent: ${parent} }
`;
    expect(load(text('card_declined')).codes).toEqual(['invalid-value 9:51']);
    expect(load(text('card_eror')).codes).toEqual(['unknown-code 9:51']);
  });
});
