import type { Catalog, Entry, PathSegment } from '../model/catalog.js';
import { typeName } from '../model/names.js';
import { conditionData } from '../model/conditions.js';
import { levelNamesInNew } from './envelope.js';
import { listed } from './kinds.js';
import { finding, type Finding } from './finding.js';

/** An entry of OLD and the entry of NEW it became: the same code, or the code it was renamed to. */
export interface EntryPair {
  old: Entry;
  next: Entry;
}

export const entryPath = (entry: Entry): readonly PathSegment[] => ('path' in entry.origin ? entry.origin.path : ['errors', String(entry.code)]);
export const statusList = (statuses: readonly number[]): string => listed(statuses.map(String));

/**
 * Pairs OLD's entries with NEW's: by code, then renames. A removed code whose `replacedBy` names
 * a code NEW has was renamed as announced (that code was already in OLD: `replacedBy` names a
 * code of the same catalog); a removed code and an added one with the same statuses and the same
 * title or entry fields were renamed without notice, and are compared as one entry.
 */
export function pairEntries(old: Catalog, next: Catalog): { pairs: EntryPair[]; removed: Entry[]; added: Entry[]; renamed: EntryPair[] } {
  const nextByCode = new Map(next.entries.map((e) => [e.code, e]));
  const oldCodes = new Set(old.entries.map((e) => e.code));
  const pairs: EntryPair[] = [];
  const gone: Entry[] = [];
  for (const entry of old.entries) {
    const match = nextByCode.get(entry.code);
    if (match) pairs.push({ old: entry, next: match });
    else gone.push(entry);
  }
  const fresh = next.entries.filter((e) => !oldCodes.has(e.code));
  const taken = new Set<Entry>();
  const renamed: EntryPair[] = [];
  const removed: Entry[] = [];
  const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  const fieldNames = (e: Entry) => e.fields.map((f) => f.name).sort();
  for (const entry of gone) {
    const replacement = entry.deprecated?.replacedBy;
    const announced = replacement === undefined ? undefined : next.entries.find((e) => String(e.code) === replacement);
    if (announced) {
      renamed.push({ old: entry, next: announced });
      continue;
    }
    const match = fresh.find(
      (e) => !taken.has(e) && same(e.statuses, entry.statuses) && ((e.title !== undefined && e.title === entry.title) || (e.fields.length > 0 && same(fieldNames(e), fieldNames(entry)))),
    );
    if (!match) {
      removed.push(entry);
      continue;
    }
    taken.add(match);
    renamed.push({ old: entry, next: match });
    pairs.push({ old: entry, next: match });
  }
  return { pairs, removed, added: fresh.filter((e) => !taken.has(e)), renamed };
}

/**
 * The values an entry fixes on the wire, by level (`type: "card_error", code: "card_declined"`;
 * `(no code)` for a codeless entry); OLD's levels by their names in NEW, so that a renamed or
 * moved level is its own finding, not one per code.
 */
function describePins(entry: Entry, names: ReadonlyMap<string, string> = new Map()): string {
  const pins = Object.entries(entry.pins).map(([level, value]) => [names.get(level) ?? level, value] as const);
  return pins.length === 0 ? '(no code)' : pins.map(([level, value]) => `${level}: ${JSON.stringify(value)}`).join(', ');
}

/** Codes removed, renamed and added; for the others their wire identity, statuses, conditions, deprecation and generated name. */
export function compareCodes(old: Catalog, next: Catalog, paired: ReturnType<typeof pairEntries>): Finding[] {
  const found: Finding[] = [];
  for (const entry of paired.removed) found.push(finding('code-removed', { subjects: [{ code: entry.code }] }, 'old', entryPath(entry)));
  // An announced rename points at the code that went; one found by likeness, at the code that came.
  const announced = (b: Entry) => old.entries.some((e) => e.code === b.code);
  for (const { old: a, next: b } of paired.renamed) found.push(finding('code-renamed', { subjects: [{ code: b.code }], before: String(a.code), after: String(b.code) }, announced(b) ? 'old' : 'new', announced(b) ? entryPath(a) : entryPath(b)));
  for (const entry of paired.added) {
    const crowded = entry.statuses.filter((s) => (old.statuses.find((i) => i.status === s)?.codes.length ?? 0) > 0);
    const kind = crowded.length > 0 ? 'code-added' : 'code-added-at-new-status';
    found.push(finding(kind, { subjects: [{ code: entry.code }], statuses: crowded.length > 0 ? crowded : entry.statuses }, 'new', entryPath(entry)));
  }
  const renamed = new Set(paired.renamed.map((p) => p.old));
  const levelNames = levelNamesInNew(old, next);
  for (const pair of paired.pairs) {
    const { old: a, next: b } = pair;
    const codes = [{ code: b.code }];
    const path = entryPath(b);
    // A rename already says the wire value changed.
    if (!renamed.has(a) && describePins(a, levelNames) !== describePins(b)) found.push(finding('code-value-changed', { subjects: codes, before: describePins(a), after: describePins(b) }, 'new', path));
    found.push(...compareStatuses(a, b, path));
    for (const response of b.responses) {
      const before = a.responses.find((r) => r.status === response.status);
      if (!before) continue;
      const when = (r: typeof response) => (r.when.length === 0 ? '(always)' : JSON.stringify(r.when.map(conditionData)));
      if (when(before) !== when(response)) found.push(finding('condition-changed', { subjects: codes, statuses: [response.status], before: when(before), after: when(response) }, 'new', [...path, 'when']));
    }
    found.push(...compareDeprecation(a, b, path));
    // A rename already says the generated names changed.
    const before = typeName(old, a);
    const after = typeName(next, b);
    if (!renamed.has(a) && before !== after) found.push(finding('type-name-changed', { subjects: codes, before, after }, 'new', path));
  }
  return found;
}

function compareStatuses(a: Entry, b: Entry, path: readonly PathSegment[]): Finding[] {
  const codes = [{ code: b.code }];
  const gone = a.statuses.filter((s) => !b.statuses.includes(s));
  const fresh = b.statuses.filter((s) => !a.statuses.includes(s));
  const at = [...path, 'status'];
  if (gone.length > 0 && fresh.length > 0) return [finding('code-status-moved', { subjects: codes, before: statusList(gone), after: statusList(fresh) }, 'new', at)];
  return [
    ...fresh.map((s) => finding('code-status-added', { subjects: codes, statuses: [s] }, 'new', at)),
    ...gone.map((s) => finding('code-status-removed', { subjects: codes, statuses: [s], after: statusList(b.statuses) }, 'new', at)),
  ];
}

function compareDeprecation(a: Entry, b: Entry, path: readonly PathSegment[]): Finding[] {
  const codes = [{ code: b.code }];
  const replacement = (e: Entry) => e.deprecated?.replacedBy ?? '';
  if (!a.deprecated && b.deprecated) return [finding('code-deprecated', { subjects: codes, after: replacement(b) }, 'new', [...path, 'deprecated'])];
  if (a.deprecated && !b.deprecated) return [finding('code-undeprecated', { subjects: codes }, 'new', path)];
  if (a.deprecated && b.deprecated && replacement(a) !== replacement(b)) {
    return [finding('code-replacement-changed', { subjects: codes, before: replacement(a) || '(none)', after: replacement(b) || '(none)' }, 'new', [...path, 'replacedBy'])];
  }
  return [];
}

/** Statuses with no code of their own that appeared or went. */
export function compareStatusOnly(old: Catalog, next: Catalog): Finding[] {
  const found: Finding[] = [];
  const only = (c: Catalog) => c.statuses.filter((s) => s.statusOnly).map((s) => s.status);
  const before = only(old);
  const after = only(next);
  const known = (c: Catalog, s: number) => c.statuses.some((i) => i.status === s);
  // A status that gained or lost its last code is reported by the codes themselves.
  for (const s of before) if (!after.includes(s) && !known(next, s)) found.push(finding('status-removed', { statuses: [s] }, 'old', ['statuses', String(s)]));
  for (const s of after) if (!before.includes(s) && !known(old, s)) found.push(finding('status-added', { statuses: [s] }, 'new', ['statuses', String(s)]));
  return found;
}
