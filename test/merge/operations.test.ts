import { describe, expect, it } from 'vitest';
import { attachedStatuses, listOperations, pathMatches, selects, type SpecOperation } from '../../src/merge/operations.js';
import { mustLoad } from '../helpers.js';

describe('pathMatches', () => {
  it.each([
    ['/v1/devices', '/v1/devices', true],
    ['/v1/devices', '/v1/devices/{id}', false],
    ['/v1/devices/*', '/v1/devices/{id}', true],
    ['/v1/devices/*', '/v1/devices/{id}/assignments', false],
    ['/v1/devices/**', '/v1/devices/{id}/assignments/{aid}', true],
    ['/v1/devices/**', '/v1/devices', true],
    ['/v1/devices/{device_id}/**', '/v1/devices/{id}/assignments', true],
    ['/v1/devices/{device_id}', '/v1/devices/list', false],
    ['/public/deployment/data/**', '/public/deployment/{slug}', false],
    ['/**/export', '/v1/readings/export', true],
    ['/**/**/a/**', '/a', true],
    ['/v1/**/*/x', '/v1/x', false],
    ['/v1/**/*/x', '/v1/y/x', true],
  ])('%s ~ %s: %s', (pattern, path, expected) => expect(pathMatches(pattern, path)).toBe(expected));

  it('takes time in the product of the lengths, not exponential in the `**`s (a backtracking matcher would not finish)', () => {
    const path = `/${Array(60).fill('a').join('/')}`;
    expect(pathMatches(`/${Array(25).fill('**').join('/')}/b`, path)).toBe(false);
    expect(pathMatches(`/${Array(25).fill('**/a').join('/')}/**`, path)).toBe(true);
  });
});

describe('selects', () => {
  const op: SpecOperation = { path: '/v1/devices/{id}', method: 'patch', operationId: 'updateDevice', tags: ['devices'] };
  const none = { all: false, tags: [], paths: [], methods: [], operationIds: [] };
  it.each([
    ['all', { ...none, all: true }, true],
    ['a tag it has', { ...none, tags: ['billing', 'devices'] }, true],
    ['a tag it lacks', { ...none, tags: ['billing'] }, false],
    ['path and method', { ...none, paths: ['/v1/devices/*'], methods: ['patch'] }, true],
    ['path but another method', { ...none, paths: ['/v1/devices/*'], methods: ['get'] }, false],
    ['its operationId', { ...none, operationIds: ['updateDevice'] }, true],
    ['nothing at all', none, false],
  ])('%s → %s', (_, selector, expected) => expect(selects(selector, op)).toBe(expected));
});

describe('attachedStatuses', () => {
  it('adds up the rules of a seed catalog for one operation', async () => {
    const catalog = await mustLoad('specs/device-readings/errors.yaml');
    const attached = attachedStatuses(catalog, { path: '/v1/devices/{id}', method: 'patch', tags: [] });
    expect(attached).toEqual([
      { status: 400, codes: ['invalid_request'], replace: false },
      { status: 401, codes: ['missing_api_key', 'invalid_api_key', 'api_key_revoked', 'api_key_expired'], replace: false },
      { status: 403, codes: ['insufficient_scope'], replace: false },
      { status: 404, codes: ['device_not_found'], replace: false },
      { status: 422, codes: ['invalid_request'], replace: false },
      { status: 429, codes: ['rate_limit_exceeded'], replace: false },
      { status: 500, codes: ['internal_error'], replace: false },
      { status: 501, codes: ['not_implemented'], replace: false },
    ]);
  });

  it('attaches a status with no code of its own, and every code of a listed status', async () => {
    const catalog = await mustLoad('specs/tasks/errors.yaml');
    const attached = attachedStatuses(catalog, { path: '/v1/health', method: 'get', tags: [] });
    expect(attached.map((a) => [a.status, a.codes])).toEqual([
      [401, ['token_missing', 'token_invalid']],
      [402, ['payment_required']],
      [405, []],
      [408, []],
      [429, []],
      [500, ['internal_error']],
      [502, []],
      [503, []],
    ]);
  });

  it('honours exclusions and replace', async () => {
    const { catalog } = await import('../../src/load.js').then((m) =>
      m.loadCatalogText(
        'c.yaml',
        'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 401, title: A }\n  b: { status: 404, title: B }\noperations:\n  - match: { all: true }\n    exclude: { operationIds: [health] }\n    errors: [a]\n  - match: { methods: [get] }\n    errors: [b]\n    replace: true\n',
      ),
    );
    if (!catalog) throw new Error('no catalog');
    expect(attachedStatuses(catalog, { path: '/health', method: 'get', operationId: 'health', tags: [] })).toEqual([{ status: 404, codes: ['b'], replace: true }]);
    expect(attachedStatuses(catalog, { path: '/x', method: 'post', tags: [] })).toEqual([{ status: 401, codes: ['a'], replace: false }]);
  });
});

describe('listOperations', () => {
  it('lists methods under paths, skipping path-level keys', () => {
    const spec = { paths: { '/a': { parameters: [], get: { operationId: 'getA', tags: ['t'] }, post: {} }, '/b': { summary: 'x', delete: { tags: [1, 'u'] } } } };
    expect(listOperations(spec)).toEqual([
      { path: '/a', method: 'get', operationId: 'getA', tags: ['t'] },
      { path: '/a', method: 'post', tags: [] },
      { path: '/b', method: 'delete', tags: ['u'] },
    ]);
  });
});
