import type { Catalog, CodeLevel } from '../model/catalog.js';
import { describeLocator } from '../model/locators.js';
import { finding, type Finding } from './finding.js';

const ENVELOPE = ['envelope'];
const levelPath = (catalog: Catalog, level: CodeLevel) => [...ENVELOPE, 'levels', catalog.envelope.levels.indexOf(level)];
const where = (level: CodeLevel) => describeLocator(level.at);

/** How every error body looks: kind, wrapper key, content type, levels, message, error marker, openness. */
export function compareEnvelopes(old: Catalog, next: Catalog): Finding[] {
  const a = old.envelope;
  const b = next.envelope;
  const found: Finding[] = [];
  if (a.kind !== b.kind) found.push(finding('envelope-kind-changed', { before: a.kind, after: b.kind }, 'new', [...ENVELOPE, 'kind']));
  else if (a.key !== b.key) found.push(finding('envelope-key-changed', { before: a.key ?? '(none)', after: b.key ?? '(none)' }, 'new', [...ENVELOPE, 'key']));
  if (a.contentType !== b.contentType) found.push(finding('content-type-changed', { before: a.contentType, after: b.contentType }, 'new', [...ENVELOPE, 'contentType']));
  if (a.additionalProperties && !b.additionalProperties) found.push(finding('envelope-closed', {}, 'new', [...ENVELOPE, 'additionalProperties']));
  if (!a.additionalProperties && b.additionalProperties) found.push(finding('envelope-opened', {}, 'new', [...ENVELOPE, 'additionalProperties']));
  const marker = (m: typeof a.errorWhen) => (m === undefined ? '(none)' : `\`${m.name}: ${JSON.stringify(m.value)}\``);
  if (marker(a.errorWhen) !== marker(b.errorWhen)) found.push(finding('error-marker-changed', { before: marker(a.errorWhen), after: marker(b.errorWhen) }, b.errorWhen ? 'new' : 'old', [...ENVELOPE, 'errorWhen']));
  found.push(...compareLevels(old, next), ...compareMessages(old, next));
  return found;
}

const byName = (c: Catalog, name: string) => c.envelope.levels.find((l) => l.name === name);

/** NEW's levels that OLD has under another name at the same place (renamed), with that OLD level. */
function renamedLevels(old: Catalog, next: Catalog): Map<CodeLevel, CodeLevel> {
  const renamedFrom = new Map<CodeLevel, CodeLevel>();
  for (const level of next.envelope.levels) {
    if (byName(old, level.name)) continue;
    const before = old.envelope.levels.find((l) => !byName(next, l.name) && where(l) === where(level));
    if (before) renamedFrom.set(level, before);
  }
  return renamedFrom;
}

/** What each OLD level is called in NEW: itself, or its new name. */
export function levelNamesInNew(old: Catalog, next: Catalog): Map<string, string> {
  const names = new Map(old.envelope.levels.map((l) => [l.name, l.name]));
  for (const [after, before] of renamedLevels(old, next)) names.set(before.name, after.name);
  return names;
}

/** Levels by name; a level under another name at the same place was renamed. */
function compareLevels(old: Catalog, next: Catalog): Finding[] {
  const found: Finding[] = [];
  const renamedFrom = renamedLevels(old, next);
  const renamed = new Set(renamedFrom.values());
  for (const before of old.envelope.levels) {
    if (byName(next, before.name) || renamed.has(before)) continue;
    found.push(finding('level-removed', { level: before.name, before: where(before) }, 'old', levelPath(old, before)));
  }
  for (const after of next.envelope.levels) {
    const before = byName(old, after.name) ?? renamedFrom.get(after);
    const path = levelPath(next, after);
    if (!before) {
      found.push(finding(after.optional ? 'level-added-optional' : 'level-added-required', { level: after.name, after: where(after) }, 'new', path));
      continue;
    }
    if (before.name !== after.name) found.push(finding('level-renamed', { level: after.name, before: before.name, after: where(after) }, 'new', path));
    if (where(before) !== where(after)) found.push(finding('level-moved', { level: after.name, before: where(before), after: where(after) }, 'new', path));
    if (before.type !== after.type) found.push(finding('level-type-changed', { level: after.name, before: before.type, after: after.type }, 'new', path));
    if (!before.optional && after.optional) found.push(finding('level-made-optional', { level: after.name }, 'new', path));
    if (before.optional && !after.optional) found.push(finding('level-made-required', { level: after.name }, 'new', path));
  }
  return found;
}

function compareMessages(old: Catalog, next: Catalog): Finding[] {
  const a = old.envelope.message;
  const b = next.envelope.message;
  const path = [...ENVELOPE, 'message'];
  if (a && !b) return [finding('message-removed', { before: a.name }, 'old', path)];
  if (!a && b) return [finding(b.required ? 'message-added-required' : 'message-added-optional', { after: b.name }, 'new', path)];
  if (!a || !b) return [];
  const found: Finding[] = [];
  if (a.name !== b.name) found.push(finding('message-renamed', { before: a.name, after: b.name }, 'new', path));
  if (a.required && !b.required) found.push(finding('message-made-optional', { field: b.name }, 'new', path));
  if (!a.required && b.required) found.push(finding('message-made-required', { field: b.name }, 'new', path));
  return found;
}
