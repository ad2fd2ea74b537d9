import { describe, expect, it } from 'vitest';
import { loadCatalogText } from '../src/load.js';
import type { Catalog } from '../src/model/catalog.js';
import { ALL_CATALOGS, mustLoad } from './helpers.js';

describe('every shipped catalog', () => {
  it.each(ALL_CATALOGS)('%s loads with no diagnostics', async (file) => {
    const catalog = await mustLoad(file);
    expect(catalog.entries.length).toBeGreaterThan(0);
  });
});

interface SeedFacts {
  file: string;
  kind: Catalog['envelope']['kind'];
  codes: (string | number)[];
  statuses: number[];
  statusOnly: number[];
  check?: (catalog: Catalog) => void;
}

/** An entry's retry policy at its first status. */
const retryOf = (found: Catalog['entries'][number]) => found.responses[0]?.retry;

const entry = (catalog: Catalog, code: string | number) => {
  const found = catalog.entries.find((e) => e.code === code);
  if (!found) throw new Error(`no entry ${code}`);
  return found;
};

// What each seed page says, checked against what its catalog became.
const seeds: SeedFacts[] = [
  {
    file: 'specs/sensor-data/errors.yaml',
    kind: 'codeless',
    codes: ['bad_request', 'forbidden', 'not_found', 'server_error'],
    statuses: [400, 403, 404, 500, 502, 503, 504],
    statusOnly: [],
    check: (c) => {
      expect(c.envelope.levels).toEqual([]);
      expect(c.envelope.message?.name).toBe('detail');
      expect(retryOf(entry(c, 'server_error'))).toEqual({ strategy: 'backoff', maxAttempts: 4, baseDelayMs: 1000, factor: 2, maxDelayMs: 4000, jitter: 'none' });
      expect(retryOf(entry(c, 'not_found'))).toEqual({ strategy: 'never' });
      expect(entry(c, 'bad_request').responses[0]?.examples[0]?.body).toEqual({ detail: 'Detail not found. You likely forgot to include a /data_uuid in your URI.' });
    },
  },
  {
    file: 'specs/device-readings/errors.yaml',
    kind: 'wrapped',
    codes: [
      'missing_api_key', 'invalid_api_key', 'api_key_revoked', 'api_key_expired', 'insufficient_scope', 'rate_limit_exceeded',
      'invalid_cursor', 'cursor_team_mismatch', 'cursor_device_mismatch', 'time_range_too_large', 'invalid_time_range',
      'device_not_found', 'assignment_not_found', 'invalid_request', 'not_implemented', 'internal_error',
    ],
    statuses: [400, 401, 403, 404, 413, 422, 429, 500, 501],
    statusOnly: [413],
    check: (c) => {
      expect(entry(c, 'invalid_request').statuses).toEqual([400, 422]);
      expect(entry(c, 'rate_limit_exceeded').headers).toEqual(['X-Request-Id', 'Retry-After']);
      expect(retryOf(entry(c, 'rate_limit_exceeded'))).toMatchObject({ strategy: 'retry-after', hints: [{ at: { source: 'header', header: 'Retry-After' }, format: 'delay' }] });
      expect(retryOf(entry(c, 'not_implemented'))).toEqual({ strategy: 'never' });
      expect(retryOf(entry(c, 'internal_error'))?.strategy).toBe('backoff');
      expect(entry(c, 'device_not_found').docUrl).toBe('https://dev.1st.app/errors/device_not_found');
      expect(c.headers.find((h) => h.name === 'X-Request-Id')?.everyError).toBe(true);
      expect(c.fields.map((f) => f.name)).toEqual(['type', 'param', 'doc_url', 'request_id']);
    },
  },
  {
    file: 'specs/prompts/errors.yaml',
    kind: 'wrapped',
    codes: ['INVALID_PARAM', 'UNAUTHORIZED', 'DISPUTED', 'PAST_DUE', 'API_NOT_ALLOWED', 'NOT_FOUND', 'RATE_LIMITED', 'INTERNAL_ERROR'],
    statuses: [400, 401, 402, 403, 404, 429, 500],
    statusOnly: [],
    check: (c) => {
      expect(c.statuses.find((s) => s.status === 402)?.codes).toEqual(['DISPUTED', 'PAST_DUE']);
      expect(retryOf(entry(c, 'INTERNAL_ERROR'))).toMatchObject({ strategy: 'backoff', maxAttempts: 4, jitter: 'full' });
      expect(retryOf(entry(c, 'RATE_LIMITED'))).toMatchObject({ strategy: 'retry-after', hints: [{ at: { source: 'header', header: 'Retry-After' }, format: 'delay' }] });
      expect(retryOf(entry(c, 'PAST_DUE'))).toEqual({ strategy: 'never' });
      expect(entry(c, 'NOT_FOUND').name).toBe('NotFound');
    },
  },
  {
    file: 'specs/tasks/errors.yaml',
    kind: 'flat',
    codes: ['token_missing', 'token_invalid', 'project_required', 'request_invalid', 'url_required', 'format_unsupported', 'task_not_found', 'run_not_found', 'automation_not_found', 'payment_required', 'internal_error'],
    statuses: [400, 401, 402, 403, 404, 405, 408, 429, 500, 502, 503],
    statusOnly: [405, 408, 429, 502, 503],
    check: (c) => {
      expect(c.envelope.levels.map((l) => [l.name, l.at])).toEqual([['kind', { source: 'body', path: ['kind'] }]]);
      expect(c.statuses.find((s) => s.status === 405)?.title).toBe('Method Not Allowed');
    },
  },
  {
    file: 'specs/sandbox/errors.yaml',
    kind: 'wrapped',
    codes: ['invalid_request', 'unauthorized', 'forbidden', 'not_found', 'rate_limit_exceeded', 'sandbox_error', 'budget_exceeded', 'stream_active'],
    statuses: [400, 401, 403, 404, 409, 429, 500, 503],
    statusOnly: [503],
    check: (c) => {
      expect(entry(c, 'rate_limit_exceeded').fields.map((f) => f.name)).toEqual(['retryAfter']);
      expect(retryOf(entry(c, 'rate_limit_exceeded'))).toMatchObject({ strategy: 'retry-after', hints: [{ at: { source: 'body', path: ['retryAfter'] }, format: 'seconds' }] });
      expect(c.fields[0]).toMatchObject({ name: 'status', value: { kind: 'status' } });
    },
  },
];

describe('seed catalogs say what their pages say', () => {
  it.each(seeds)('$file', async ({ file, kind, codes, statuses, statusOnly, check }) => {
    const catalog = await mustLoad(file);
    expect(catalog.envelope.kind).toBe(kind);
    expect(catalog.entries.map((e) => e.code)).toEqual(codes);
    expect(catalog.statuses.map((s) => s.status)).toEqual(statuses);
    expect(catalog.statuses.filter((s) => s.statusOnly).map((s) => s.status)).toEqual(statusOnly);
    check?.(catalog);
  });
});

describe('loadCatalogText', () => {
  const base = 'errcat: 1\ninfo: { title: T, version: "1" }\n';

  it('reads JSON with the same model as YAML', () => {
    const yaml = loadCatalogText('c.yaml', `${base}envelope: { kind: flat }\nerrors:\n  a: { status: 400, title: A }\n`);
    const json = loadCatalogText('c.json', JSON.stringify({ errcat: 1, info: { title: 'T', version: '1' }, envelope: { kind: 'flat' }, errors: { a: { status: 400, title: 'A' } } }));
    expect(json.diagnostics).toEqual([]);
    expect({ ...json.catalog, source: '' }).toEqual({ ...yaml.catalog, source: '' });
  });

  it('keeps hostile strings exactly', () => {
    const hostile = '*/ ${x} {{y}} | `z` "q" \'s\' <script>alert(1)</script> \u2028 end';
    const text = `${base}envelope: { kind: flat }\nerrors:\n  a:\n    status: 400\n    title: ${JSON.stringify(hostile)}\n    fix: ${JSON.stringify(`${hostile}\nline two`)}\n`;
    const result = loadCatalogText('c.yaml', text);
    expect(result.diagnostics).toEqual([]);
    expect(result.catalog?.entries[0]?.title).toBe(hostile);
    expect(result.catalog?.entries[0]?.fix).toBe(`${hostile}\nline two`);
  });

  it('derives an example for an entry without one, filled from computed values', async () => {
    const catalog = await mustLoad('test/fixtures/valid/problem-json.yaml');
    const example = entry(catalog, 'unauthenticated').responses[0]?.examples[0];
    expect(example?.derived).toBe(true);
    expect(example?.body).toEqual({
      code: 'unauthenticated',
      detail: 'Sign in first.',
      type: 'https://billing.example.com/problems/unauthenticated',
      title: 'Sign in first.',
      status: 401,
      category: 'auth',
    });
  });

  it.each([
    ['a code written twice', 'errors:\n  a: { status: 400, title: A }\n  a: { status: 401, title: B }\n', 'duplicate-code 6:3'],
    ['a key written twice elsewhere', 'errors:\n  a: { status: 400, title: A, title: B }\n', 'duplicate-key 5:31'],
  ])('reports %s where it repeats', (_, tail, expected) => {
    const { diagnostics } = loadCatalogText('c.yaml', `${base}envelope: { kind: flat }\n${tail}`);
    expect(diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toEqual([expected]);
  });

  it('reports every problem of a catalog at once, in position order', () => {
    const text = `${base}envelope: { kind: flat }\nerrors:\n  a: { status: 400, titel: A }\n  b: { status: 999 }\n`;
    const { diagnostics } = loadCatalogText('c.yaml', text);
    expect(diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.code}`)).toEqual(['5:21 unknown-key', '6:16 invalid-value']);
  });
});
