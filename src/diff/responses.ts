import type { Catalog, Entry, Origin, PathSegment, ResponseHeader, RetryHint, RetryPolicy } from '../model/catalog.js';
import { describeCondition } from '../model/conditions.js';
import { describeLocator } from '../model/locators.js';
import { fieldsOf } from '../model/values.js';
import { entryPath, type EntryPair } from './codes.js';
import { finding, type Finding, type Side } from './finding.js';
import type { FindingKind, FindingParams, Subject } from './kinds.js';
import { compareFieldLists } from './shapes.js';

const EVERY_ERROR: Subject = { every: true };

/**
 * Changes that many codes share (a shared field, a header on every error, a retry default) are
 * reported once, naming the codes: changes are collected per subject, then grouped.
 */
class Groups {
  private readonly groups = new Map<string, { kind: FindingKind; params: Partial<FindingParams>; subjects: Subject[]; side: Side; path: readonly PathSegment[] }>();

  /** `key`: what makes two changes the same; by default the kind and all its words. */
  add(kind: FindingKind, params: Partial<FindingParams>, subject: Subject, side: Side, path: readonly PathSegment[], preferred = false, key = JSON.stringify([kind, params])): void {
    const group = this.groups.get(key);
    if (!group) this.groups.set(key, { kind, params, subjects: [subject], side, path });
    else {
      group.subjects.push(subject);
      if (preferred) Object.assign(group, { side, path });
    }
  }

  /** One finding per group; a group that reaches every subject there is says so (`every error`). */
  findings(total?: number): Finding[] {
    return [...this.groups.values()].map((g) => {
      const every = g.subjects.some((s) => s.every) || (total !== undefined && new Set(g.subjects.map((s) => JSON.stringify(s))).size >= total);
      return finding(g.kind, { ...g.params, subjects: every ? [EVERY_ERROR] : g.subjects }, g.side, g.path);
    });
  }
}

const fieldsPath = (entry: Entry | undefined, shared: boolean): readonly PathSegment[] => (shared || !entry ? ['fields'] : [...entryPath(entry), 'fields']);

/** Fields of every error (the shape a body with any code has) and of each code, and the values computed per code. */
export function compareFields(old: Catalog, next: Catalog, pairs: readonly EntryPair[]): Finding[] {
  const groups = new Groups();
  const scope = { oldTypes: old.types, newTypes: next.types };
  const subjects: { label: Subject; a: Entry | undefined; b: Entry | undefined }[] = [{ label: EVERY_ERROR, a: undefined, b: undefined }, ...pairs.map((p) => ({ label: { code: p.next.code }, a: p.old, b: p.next }))];
  for (const { label, a, b } of subjects) {
    for (const change of compareFieldLists(fieldsOf(old, a), fieldsOf(next, b), scope)) {
      const [name] = change.path;
      const side: Side = change.kind === 'field-removed' ? 'old' : 'new';
      const catalog = side === 'old' ? old : next;
      const entry = side === 'old' ? a : b;
      const shared = catalog.fields.some((f) => f.name === name);
      groups.add(change.kind, { field: change.field, before: change.before, after: change.after }, label, side, [...fieldsPath(entry, shared), ...change.path], label === EVERY_ERROR);
    }
  }
  // A field's computed value (status, doc url, a per-code constant) at each status both answer.
  for (const { old: a, next: b } of pairs) {
    for (const response of b.responses) {
      const before = a.responses.find((r) => r.status === response.status);
      if (!before) continue;
      for (const [name, value] of Object.entries(response.values)) {
        if (!Object.hasOwn(before.values, name)) continue;
        const was = JSON.stringify(before.values[name]);
        const now = JSON.stringify(value);
        if (was === now) continue;
        const shared = next.fields.some((f) => f.name === name);
        // One finding per field: a changed doc-url template changes every code's value at once.
        groups.add('field-value-changed', { field: name, before: was, after: now }, { code: b.code }, 'new', shared ? ['fields', name] : [...entryPath(b), 'values', name], false, `value:${name}`);
      }
    }
  }
  return groups.findings();
}

/** A subject of headers and retry: one code at one status, or a status's own response (status-only, or bodies with no documented code). */
interface ResponseSubject {
  label: Subject;
  headers: readonly ResponseHeader[];
  retry: RetryPolicy;
  origin: Origin;
  /** Where the subject is written, for findings that have no better place. */
  path: readonly PathSegment[];
}

function subjects(catalog: Catalog, entries: readonly Entry[], codeOf: (e: Entry) => string | number): Map<string, ResponseSubject> {
  const result = new Map<string, ResponseSubject>();
  for (const entry of entries) {
    for (const response of entry.responses) {
      const label = entry.responses.length > 1 ? { code: codeOf(entry), status: response.status } : { code: codeOf(entry) };
      result.set(`${codeOf(entry)}@${response.status}`, { label, headers: response.headers, retry: response.retry, origin: response.origins.retry, path: entryPath(entry) });
    }
  }
  for (const info of catalog.statuses) {
    const label = { status: info.status, other: !info.statusOnly };
    result.set(`@${info.status}`, { label, headers: info.headers, retry: info.retry, origin: info.origins.retry, path: ['statuses', String(info.status)] });
  }
  return result;
}

/** Headers and retry policies of every response both catalogs have. */
export function compareResponses(old: Catalog, next: Catalog, pairs: readonly EntryPair[]): Finding[] {
  const renamed = new Map(pairs.map((p) => [p.old, p.next.code]));
  const before = subjects(old, pairs.map((p) => p.old), (e) => renamed.get(e) ?? e.code);
  const after = subjects(next, pairs.map((p) => p.next), (e) => e.code);
  const headers = new Groups();
  const retries = new Groups();
  for (const [key, b] of after) {
    const a = before.get(key);
    if (!a) continue;
    compareHeaders(a, b, headers, old, next);
    compareRetry(a, b, retries);
  }
  return [...headerTypes(old, next), ...headers.findings(after.size), ...retries.findings(after.size)];
}

function compareHeaders(a: ResponseSubject, b: ResponseSubject, groups: Groups, old: Catalog, next: Catalog): void {
  const declared = (c: Catalog, name: string) => (c.headers.some((h) => h.name === name) ? ['headers', name] : undefined);
  for (const h of a.headers) {
    if (!b.headers.some((x) => x.name === h.name)) groups.add('header-removed', { header: h.name }, a.label, declared(next, h.name) ? 'new' : 'old', declared(next, h.name) ?? declared(old, h.name) ?? a.path);
  }
  for (const h of b.headers) {
    const was = a.headers.find((x) => x.name === h.name);
    const path = declared(next, h.name) ?? b.path;
    if (!was) groups.add(h.required ? 'header-added-required' : 'header-added-optional', { header: h.name }, b.label, 'new', path);
    else if (!was.required && h.required) groups.add('header-made-required', { header: h.name }, b.label, 'new', path);
    else if (was.required && !h.required) groups.add('header-made-optional', { header: h.name }, b.label, 'new', path);
  }
}

/** A declared header whose type or format changed: once, where it is declared. */
function headerTypes(old: Catalog, next: Catalog): Finding[] {
  const word = (h: Catalog['headers'][number]) => (h.format === undefined ? h.type : `${h.type} (${h.format})`);
  return next.headers.flatMap((h) => {
    const was = old.headers.find((x) => x.name === h.name);
    return was && word(was) !== word(h) ? [finding('header-type-changed', { header: h.name, before: word(was), after: word(h) }, 'new', ['headers', h.name])] : [];
  });
}

const backoffWords = (p: { baseDelayMs: number; factor: number; maxDelayMs: number; jitter: string }) => `${p.baseDelayMs} ms ×${p.factor} up to ${p.maxDelayMs} ms, ${p.jitter} jitter`;
const hintWords = (hint: RetryHint) => `${hint.at.source === 'header' ? '' : 'the field '}${describeLocator(hint.at)} (${hint.format}${hint.when.length > 0 ? `, when ${hint.when.map(describeCondition).join(' or ')}` : ''})`;

function compareRetry(a: ResponseSubject, b: ResponseSubject, groups: Groups): void {
  const path = 'path' in b.origin ? b.origin.path : b.path;
  const add = (kind: FindingKind, before: string, after: string) => groups.add(kind, { before, after }, b.label, 'new', path);
  const x = a.retry;
  const y = b.retry;
  const overrideOf = (p: RetryPolicy) => p.shouldRetry?.header ?? '(none)';
  if (overrideOf(x) !== overrideOf(y)) add('retry-override-changed', overrideOf(x), overrideOf(y));
  if (x.strategy === 'never' && y.strategy === 'never') return;
  if (y.strategy === 'never') return add('retry-disabled', x.strategy, 'never');
  if (x.strategy === 'never') return add('retry-enabled', 'never', y.strategy);
  if (x.strategy !== y.strategy) add('retry-strategy-changed', x.strategy, y.strategy);
  if (y.maxAttempts < x.maxAttempts) add('retry-attempts-reduced', String(x.maxAttempts), String(y.maxAttempts));
  if (y.maxAttempts > x.maxAttempts) add('retry-attempts-increased', String(x.maxAttempts), String(y.maxAttempts));
  const backoff = (p: typeof x) => backoffWords(p.strategy === 'retry-after' ? p.fallback : (p as Extract<RetryPolicy, { strategy: 'backoff' }>));
  if (backoff(x) !== backoff(y)) add('retry-backoff-changed', backoff(x), backoff(y));
  if (x.strategy !== 'retry-after' || y.strategy !== 'retry-after') return;
  // Hints by all they say; one gone and one new at the same place changed how the delay is written there.
  const where = (h: RetryHint) => describeLocator(h.at);
  const gone = x.hints.filter((h) => !y.hints.some((n) => hintWords(n) === hintWords(h)));
  const fresh = y.hints.filter((h) => !x.hints.some((o) => hintWords(o) === hintWords(h)));
  const rest = y.hints.map(hintWords).join(', ') || 'the backoff';
  for (const hint of gone) {
    const now = fresh.find((h) => where(h) === where(hint));
    if (now) {
      fresh.splice(fresh.indexOf(now), 1);
      add('retry-hint-changed', hintWords(hint), hintWords(now));
    } else add('retry-hint-removed', hintWords(hint), rest);
  }
  for (const hint of fresh) add('retry-hint-added', '', hintWords(hint));
}
