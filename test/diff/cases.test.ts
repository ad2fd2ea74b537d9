import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import { diffCatalogs } from '../../src/diff/diff.js';
import { FINDING_KINDS, type FindingKind, type Impact } from '../../src/diff/kinds.js';
import { loadCatalogText } from '../../src/load.js';
import type { Catalog } from '../../src/model/catalog.js';
import { ROOT } from '../helpers.js';

const BASE = readFileSync(join(ROOT, 'test/fixtures/diff/base.yaml'), 'utf8');
const SPEC = load(readFileSync(join(ROOT, 'test/fixtures/diff/spec.yaml'), 'utf8')) as Record<string, unknown>;

type Edit = (doc: Document) => void;

interface Case {
  kind: FindingKind;
  clients: Impact;
  servers: Impact;
  /** Applied to the base: `change` for NEW, `old` for OLD (when the change needs another start). */
  change: Edit;
  old?: Edit;
  /** Other findings the change brings, by kind, when it brings any. */
  also?: FindingKind[];
  /** Attach both catalogs to the spec's operations (else the rules are compared). */
  spec?: boolean;
}

const set = (path: (string | number)[], value: unknown): Edit => (doc) => doc.setIn(path, doc.createNode(value));
const del = (path: (string | number)[]): Edit => (doc) => doc.deleteIn(path);
const all = (...edits: Edit[]): Edit => (doc) => edits.forEach((e) => e(doc));
const FINE_LEVEL = all(set(['envelope', 'levels', 2], { name: 'decline_code', field: 'decline_code', optional: true }), set(['envelope', 'defaultLevel'], 'code'));
const RESET_HINTS = set(['retry', 429], { strategy: 'retry-after', hints: [{ header: 'Retry-After' }, { header: 'X-Reset', format: 'epoch-seconds' }], maxAttempts: 4 });
const X_RESET = set(['headers', 'X-Reset'], { type: 'integer', description: 'When the limit resets.' });

/** One case per kind: the change, and what it means for clients and for servers. */
const CASES: Case[] = [
  // The envelope.
  { kind: 'envelope-kind-changed', clients: 'breaking', servers: 'breaking', change: set(['envelope', 'kind'], 'list') },
  { kind: 'envelope-key-changed', clients: 'breaking', servers: 'breaking', change: set(['envelope', 'key'], 'err') },
  { kind: 'content-type-changed', clients: 'breaking', servers: 'breaking', change: set(['envelope', 'contentType'], 'application/vnd.base+json') },
  { kind: 'envelope-closed', clients: 'info', servers: 'breaking', change: set(['envelope', 'additionalProperties'], false) },
  { kind: 'envelope-opened', clients: 'warning', servers: 'info', old: set(['envelope', 'additionalProperties'], false), change: () => {} },
  { kind: 'error-marker-changed', clients: 'breaking', servers: 'breaking', change: set(['envelope', 'errorWhen'], { field: 'ok', equals: false }) },
  { kind: 'level-added-required', clients: 'info', servers: 'breaking', change: all(set(['envelope', 'levels', 2], { name: 'decline_code', field: 'decline_code' }), set(['envelope', 'defaultLevel'], 'code')) },
  { kind: 'level-added-optional', clients: 'info', servers: 'info', change: FINE_LEVEL },
  { kind: 'level-removed', clients: 'breaking', servers: 'info', old: FINE_LEVEL, change: () => {} },
  { kind: 'level-moved', clients: 'breaking', servers: 'breaking', change: set(['envelope', 'levels', 1, 'field'], 'error_code') },
  { kind: 'level-type-changed', clients: 'breaking', servers: 'breaking', old: FINE_LEVEL, change: all(FINE_LEVEL, set(['envelope', 'levels', 2, 'type'], 'integer')) },
  { kind: 'level-made-optional', clients: 'breaking', servers: 'info', change: set(['envelope', 'levels', 0, 'optional'], true) },
  { kind: 'level-made-required', clients: 'info', servers: 'breaking', change: del(['envelope', 'levels', 1, 'optional']) },
  { kind: 'level-renamed', clients: 'warning', servers: 'info', change: set(['envelope', 'levels', 1, 'name'], 'reason') },
  { kind: 'message-renamed', clients: 'breaking', servers: 'breaking', change: set(['envelope', 'message'], { field: 'msg' }) },
  { kind: 'message-removed', clients: 'breaking', servers: 'info', change: set(['envelope', 'message'], false) },
  { kind: 'message-added-required', clients: 'info', servers: 'breaking', old: set(['envelope', 'message'], false), change: () => {} },
  { kind: 'message-added-optional', clients: 'info', servers: 'info', old: set(['envelope', 'message'], false), change: set(['envelope', 'message'], { field: 'message', required: false }) },
  { kind: 'message-made-optional', clients: 'breaking', servers: 'info', change: set(['envelope', 'message', 'required'], false) },
  { kind: 'message-made-required', clients: 'info', servers: 'breaking', old: set(['envelope', 'message', 'required'], false), change: () => {} },

  // Codes and their statuses.
  { kind: 'code-removed', clients: 'breaking', servers: 'breaking', change: del(['errors', 'gone']) },
  { kind: 'code-renamed', clients: 'breaking', servers: 'breaking', change: (doc) => doc.setIn(['errors'], doc.createNode(Object.fromEntries(Object.entries(doc.toJS().errors as object).map(([k, v]) => [k === 'gone' ? 'deleted' : k, v])))) },
  { kind: 'code-added', clients: 'breaking', servers: 'info', change: set(['errors', 'moved'], { status: 404, level: 'type', title: 'The resource moved.', values: { category: 'lookup' } }) },
  { kind: 'code-added-at-new-status', clients: 'warning', servers: 'info', change: set(['errors', 'conflict'], { status: 409, level: 'type', title: 'A conflict.', values: { category: 'state' } }) },
  { kind: 'code-value-changed', clients: 'breaking', servers: 'breaking', change: set(['errors', 'not_found', 'value'], 'missing') },
  { kind: 'code-deprecated', clients: 'warning', servers: 'info', change: all(set(['errors', 'gone', 'deprecated'], 'Use not_found.'), set(['errors', 'gone', 'replacedBy'], 'not_found')) },
  { kind: 'code-undeprecated', clients: 'info', servers: 'info', old: set(['errors', 'gone', 'deprecated'], true), change: () => {} },
  { kind: 'code-replacement-changed', clients: 'info', servers: 'info', old: set(['errors', 'gone', 'replacedBy'], 'not_found'), change: set(['errors', 'gone', 'replacedBy'], 'invalid_request_error') },
  { kind: 'type-name-changed', clients: 'warning', servers: 'warning', change: set(['errors', 'gone', 'name'], 'Removed') },
  { kind: 'code-status-added', clients: 'breaking', servers: 'info', change: set(['errors', 'not_found', 'status'], [404, 410]), also: ['operation-gains-code'] },
  { kind: 'code-status-removed', clients: 'warning', servers: 'breaking', change: set(['errors', 'invalid_param', 'status'], 400), also: ['operation-loses-code'] },
  { kind: 'code-status-moved', clients: 'breaking', servers: 'breaking', change: set(['errors', 'gone', 'status'], 410), also: ['operation-loses-code'] },
  { kind: 'condition-changed', clients: 'warning', servers: 'warning', change: set(['errors', 'quota_exceeded', 'when'], { header: 'Retry-After', equals: '0' }) },
  { kind: 'status-added', clients: 'warning', servers: 'info', change: set(['statuses', 502], { description: 'A bad gateway.' }) },
  { kind: 'status-removed', clients: 'info', servers: 'breaking', change: all(del(['statuses', 503]), del(['operations', 0, 'statuses'])) },

  // Fields.
  { kind: 'field-added-required', clients: 'info', servers: 'breaking', change: set(['fields', 'trace_id'], { type: 'string', required: true }) },
  { kind: 'field-added-optional', clients: 'info', servers: 'info', change: set(['fields', 'trace_id'], { type: 'string' }) },
  { kind: 'field-removed', clients: 'breaking', servers: 'info', change: del(['fields', 'param']) },
  { kind: 'field-type-changed', clients: 'breaking', servers: 'breaking', change: set(['fields', 'param', 'type'], 'integer') },
  { kind: 'field-made-required', clients: 'info', servers: 'breaking', change: set(['fields', 'param', 'required'], true) },
  { kind: 'field-made-optional', clients: 'breaking', servers: 'info', change: set(['errors', 'api_error', 'fields', 'incident', 'required'], false), old: set(['errors', 'api_error', 'fields', 'incident', 'required'], true) },
  { kind: 'field-made-nullable', clients: 'breaking', servers: 'info', change: set(['fields', 'category', 'nullable'], true) },
  { kind: 'field-made-non-nullable', clients: 'info', servers: 'breaking', change: del(['fields', 'param', 'nullable']) },
  { kind: 'field-values-added', clients: 'warning', servers: 'info', change: set(['fields', 'details', 'items', 'properties', 'reason', 'codes', 'expired'], 'The value expired.') },
  { kind: 'field-values-removed', clients: 'info', servers: 'breaking', change: del(['fields', 'details', 'items', 'properties', 'reason', 'codes', 'invalid']) },
  { kind: 'field-constraint-changed', clients: 'warning', servers: 'warning', change: set(['fields', 'param', 'maxLength'], 64) },
  { kind: 'field-value-changed', clients: 'warning', servers: 'breaking', change: set(['errors', 'not_found', 'values', 'category'], 'missing') },

  // Headers.
  { kind: 'header-removed', clients: 'breaking', servers: 'info', change: del(['errors', 'rate_limited', 'headers']) },
  { kind: 'header-added-required', clients: 'info', servers: 'breaking', change: set(['headers', 'X-Trace'], { required: true, everyError: true }) },
  { kind: 'header-added-optional', clients: 'info', servers: 'info', change: set(['headers', 'X-Trace'], { everyError: true }) },
  { kind: 'header-made-required', clients: 'info', servers: 'breaking', change: set(['headers', 'Retry-After', 'required'], true) },
  { kind: 'header-made-optional', clients: 'breaking', servers: 'info', change: del(['headers', 'X-Request-Id', 'required']) },
  { kind: 'header-type-changed', clients: 'breaking', servers: 'breaking', change: set(['headers', 'Retry-After', 'type'], 'string') },

  // Retry policies.
  { kind: 'retry-disabled', clients: 'breaking', servers: 'info', change: set(['retry', '5xx'], 'never') },
  { kind: 'retry-enabled', clients: 'warning', servers: 'warning', change: set(['retry', '4xx'], 'backoff') },
  { kind: 'retry-strategy-changed', clients: 'warning', servers: 'warning', change: set(['retry', 429], { strategy: 'backoff', maxAttempts: 4 }) },
  { kind: 'retry-attempts-reduced', clients: 'warning', servers: 'info', change: set(['retry', '5xx', 'maxAttempts'], 3) },
  { kind: 'retry-attempts-increased', clients: 'info', servers: 'warning', change: set(['retry', '5xx', 'maxAttempts'], 6) },
  { kind: 'retry-backoff-changed', clients: 'info', servers: 'warning', change: set(['retry', '5xx', 'baseDelayMs'], 500) },
  { kind: 'retry-hint-removed', clients: 'breaking', servers: 'info', old: all(X_RESET, RESET_HINTS), change: X_RESET },
  { kind: 'retry-hint-added', clients: 'info', servers: 'info', old: X_RESET, change: all(X_RESET, RESET_HINTS) },
  { kind: 'retry-hint-changed', clients: 'breaking', servers: 'breaking', change: set(['retry', 429], { strategy: 'retry-after', hints: [{ header: 'Retry-After', format: 'seconds' }], maxAttempts: 4 }) },
  { kind: 'retry-override-changed', clients: 'warning', servers: 'warning', change: all(set(['headers', 'X-Should-Retry'], { type: 'boolean' }), set(['retry', '5xx', 'shouldRetry'], { header: 'X-Should-Retry' })) },

  // Operations: by the rules alone, and by what each operation of a spec answers.
  { kind: 'operation-gains-code', clients: 'warning', servers: 'info', change: set(['operations', 3], { match: { methods: ['delete'] }, errors: ['invalid_param'] }) },
  { kind: 'operation-loses-code', clients: 'info', servers: 'breaking', change: del(['operations', 2]) },
  { kind: 'operation-gains-code', clients: 'warning', servers: 'info', spec: true, change: set(['operations', 3], { match: { methods: ['delete'] }, errors: ['invalid_param'] }) },
  { kind: 'operation-loses-code', clients: 'info', servers: 'breaking', spec: true, change: del(['operations', 2]) },
];

function catalogOf(edit: Edit | undefined, label: string): Catalog {
  const doc = parseDocument(BASE);
  edit?.(doc);
  const result = loadCatalogText(`${label}.yaml`, doc.toString());
  if (!result.catalog) throw new Error(`${label} does not load: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return result.catalog;
}

describe('diff: one case per change kind', () => {
  it.each(CASES.map((c) => [`${c.kind}${c.spec ? ' (spec)' : ''}`, c] as const))('%s', (_, c) => {
    const findings = diffCatalogs(catalogOf(c.old, 'old'), catalogOf(c.change, 'new'), c.spec ? { specs: { old: SPEC, new: SPEC } } : {});
    expect([...new Set(findings.map((f) => f.kind))].sort()).toEqual([c.kind, ...(c.also ?? [])].sort());
    const main = findings.filter((f) => f.kind === c.kind);
    for (const f of main) {
      expect({ clients: f.clients, servers: f.servers }).toEqual({ clients: c.clients, servers: c.servers });
      expect(f.message).not.toBe('');
      expect(f.migration).not.toBe('');
    }
  });

  it('covers every kind', () => {
    expect(Object.keys(FINDING_KINDS).filter((k) => !CASES.some((c) => c.kind === k))).toEqual([]);
  });

  it('finds nothing between a catalog and itself', () => {
    expect(diffCatalogs(catalogOf(undefined, 'a'), catalogOf(undefined, 'b'), { specs: { old: SPEC, new: SPEC } })).toEqual([]);
  });

  it('is deterministic and lists each grouped change once', () => {
    const change = all(set(['retry', '5xx'], 'never'), set(['headers', 'X-Trace'], { required: true, everyError: true }), del(['errors', 'gone']));
    const a = diffCatalogs(catalogOf(undefined, 'old'), catalogOf(change, 'new'));
    const b = diffCatalogs(catalogOf(undefined, 'old'), catalogOf(change, 'new'));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // The required header on every error is one finding naming every response, not one per code.
    expect(a.filter((f) => f.kind === 'header-added-required')).toHaveLength(1);
    expect(a.find((f) => f.kind === 'retry-disabled')?.message).toBe('`api_error`, other errors at 500 and errors at 503 must no longer be retried (was `backoff`).');
  });

  it('reads a removed code with replacedBy as renamed; without it, one with the same status and title; else removed and added', () => {
    const rekey = (from: string, to: string, title?: string): Edit => (doc) =>
      doc.setIn(['errors'], doc.createNode(Object.fromEntries(Object.entries(doc.toJS().errors as Record<string, Record<string, unknown>>).map(([k, v]) => (k === from ? [to, title === undefined ? v : { ...v, title }] : [k, v])))));
    const announced = diffCatalogs(catalogOf(set(['errors', 'gone', 'replacedBy'], 'not_found'), 'old'), catalogOf(del(['errors', 'gone']), 'new'));
    expect(announced.map((f) => [f.kind, f.message])).toEqual([['code-renamed', 'The code `gone` is now `not_found`.']]);
    expect(announced[0]?.at).toEqual({ side: 'old', path: ['errors', 'gone'] });
    const alike = diffCatalogs(catalogOf(undefined, 'old'), catalogOf(rekey('gone', 'deleted'), 'new'));
    expect(alike.map((f) => f.kind)).toEqual(['code-renamed']);
    expect(alike[0]?.at).toEqual({ side: 'new', path: ['errors', 'deleted'] });
    const unlike = diffCatalogs(catalogOf(undefined, 'old'), catalogOf(rekey('gone', 'deleted', 'Another title.'), 'new'));
    expect(unlike.map((f) => f.kind).sort()).toEqual(['code-added', 'code-removed']);
  });
});
