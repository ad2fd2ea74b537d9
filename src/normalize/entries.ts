import type { CodeLevel, CodeStyle, Envelope, Field, Header, JsonValue, PathSegment } from '../model/catalog.js';
import { entryTypeNames, isErrcatEntryName, isStructuralName, withPrefix } from '../model/names.js';
import { expandTemplate, invalidNameReason, matchesStyle, pascalName, toStyle } from '../model/naming.js';
import { didYouMean } from '../validate/suggest.js';
import { normalizeConditions } from './conditions.js';
import type { NormalizeContext } from './context.js';
import type { EntryDraft, Facts } from './drafts.js';
import { normalizeField, type ShapeScope } from './fields.js';
import { checkPlaceholders, resolveHeader } from './references.js';
import type { RawEntry, RawStatus, RawStatusFacts } from './raw.js';
import { normalizeRetry } from './retry.js';
import { checkStatus } from './status-codes.js';

export interface EntryScope {
  envelope: Envelope;
  /** The level of entries that name none. */
  defaultLevel?: string;
  codeStyle?: CodeStyle;
  typeSuffix: string;
  componentPrefix: string;
  /** The error class's name, and whether the catalog wrote it (`naming.errorClass`). */
  errorClass: { name: string; written: boolean };
  docUrlTemplate?: string;
  fields: readonly Field[];
  headers: readonly Header[];
  statuses: Readonly<Record<string, RawStatus>>;
  shapes: ShapeScope;
  typeNames: readonly string[];
}

/** Entries in catalog order, each checked on its own, then against each other. */
export function normalizeEntries(raw: Readonly<Record<string, RawEntry>>, scope: EntryScope, ctx: NormalizeContext): EntryDraft[] {
  const warned = new Set<number>();
  const drafts = Object.entries(raw).map(([key, rawEntry]) => normalizeEntry(key, rawEntry, scope, ctx, warned));
  resolveParents(drafts, raw, scope, ctx);
  checkIdentities(drafts, scope, ctx);
  checkNames(drafts, scope, ctx);
  checkReplacements(drafts, raw, ctx);
  return drafts;
}

/** `warned`: the unregistered statuses already reported, so that each is reported once. */
function normalizeEntry(key: string, raw: RawEntry, scope: EntryScope, ctx: NormalizeContext, warned: Set<number>): EntryDraft {
  const path = ['errors', key];
  const { envelope } = scope;
  const codeless = envelope.levels.length === 0 || raw.codeless === true;
  let level: CodeLevel | undefined;
  if (codeless) {
    for (const k of ['level', 'value', 'parent'] as const) {
      if (raw[k] !== undefined) ctx.report('invalid-value', `A codeless entry carries no code, so \`${k}\` does not apply; remove it${envelope.levels.length > 0 ? ', or drop `codeless`' : ''}.`, [...path, k]);
    }
  } else {
    const name = raw.level ?? scope.defaultLevel;
    level = envelope.levels.find((l) => l.name === name);
    if (!level && raw.level !== undefined) {
      const names = envelope.levels.map((l) => l.name);
      ctx.report('unknown-level', `\`${raw.level}\` is not a level of the envelope.${didYouMean(raw.level, names)} Use one of ${names.map((n) => `\`${n}\``).join(', ')}.`, [...path, 'level']);
    }
  }
  const value = level ? wireValue(key, raw, level, ctx, path) : undefined;
  const code = level?.type === 'integer' && raw.value === undefined && typeof value === 'number' ? value : key;
  if (level && typeof value === 'string') checkStyle(value, level.style ?? scope.codeStyle, ctx, raw.value !== undefined ? [...path, 'value'] : path, raw.value === undefined);
  const statusList = statusesOf(raw);
  const allowed = (status: number) => raw.allowNonError ?? scope.statuses[String(status)]?.allowNonError ?? false;
  for (const { status, at } of statusList) {
    const confirmed = scope.statuses[String(status)]?.title !== undefined;
    checkStatus(status, allowed(status), envelope.errorWhen !== undefined, ctx, [...path, ...at], 'entry', !confirmed && !warned.has(status));
    warned.add(status);
  }
  const statuses = statusList.map((s) => s.status);
  const fields = Object.entries(raw.fields ?? {}).map(([fieldName, f]) => {
    const fieldPath = [...path, 'fields', fieldName];
    if (scope.fields.some((s) => s.name === fieldName) || reservedNames(envelope).includes(fieldName)) {
      ctx.reportKey('field-conflict', `\`${fieldName}\` is already a field of every error; give this entry's field another name, or set its value under \`values\`.`, fieldPath);
    }
    return normalizeField(fieldName, f, ctx, fieldPath, false, scope.shapes);
  });
  const retryScope = { headers: scope.headers, fieldNames: [...scope.fields, ...fields].map((f) => f.name) };
  const factsOf = (rawFacts: RawEntry | RawStatusFacts, at: readonly PathSegment[]): Facts => {
    const facts: Facts = {
      headers: (rawFacts.headers ?? []).map((name, i) => resolveHeader(scope.headers, name, ctx, [...at, 'headers', i])?.name).filter((h) => h !== undefined),
      when: normalizeConditions(rawFacts.when, ctx, [...at, 'when'], scope.headers),
      path: at,
    };
    if (rawFacts.title !== undefined) facts.title = rawFacts.title;
    if (rawFacts.description !== undefined) facts.description = rawFacts.description;
    if (rawFacts.fix !== undefined) facts.fix = rawFacts.fix;
    if (rawFacts.retry !== undefined) facts.retry = normalizeRetry(rawFacts.retry, ctx, [...at, 'retry'], retryScope);
    return facts;
  };
  const perStatus = new Map<number, Facts>();
  if (typeof raw.status === 'object' && !Array.isArray(raw.status)) {
    for (const [status, rawFacts] of Object.entries(raw.status)) perStatus.set(Number(status), factsOf(rawFacts, [...path, 'status', status]));
  }
  const name = entryName(key, raw, ctx, path);
  const entry: EntryDraft['entry'] = {
    code,
    name,
    pins: {},
    statuses,
    fields,
    values: entryValues(key, raw, scope, ctx, path),
    tags: raw.tags ?? [],
    origin: { path },
  };
  if (level) {
    entry.level = level.name;
    if (value !== undefined) entry.value = value;
  }
  if (raw.title !== undefined) entry.title = raw.title;
  if (raw.description !== undefined) entry.description = raw.description;
  if (raw.fix !== undefined) entry.fix = raw.fix;
  const docUrl = raw.docUrl ?? scope.docUrlTemplate;
  if (docUrl !== undefined) {
    // The catalog-wide template is checked once, where it is written.
    if (raw.docUrl !== undefined) checkPlaceholders(raw.docUrl, ctx, [...path, 'docUrl']);
    entry.docUrl = expandTemplate(docUrl, { code: value ?? code, status: statuses[0] ?? 500, name });
  }
  if (raw.deprecated !== undefined && raw.deprecated !== false) {
    entry.deprecated = typeof raw.deprecated === 'string' ? { message: raw.deprecated } : {};
  }
  if (raw.replacedBy !== undefined) entry.deprecated = { ...entry.deprecated, replacedBy: String(raw.replacedBy) };
  if (raw.since !== undefined) entry.since = raw.since;
  const described = [raw.title, raw.description, raw.fix, ...[...perStatus.values()].flatMap((f) => [f.title, f.description, f.fix])].some((t) => t !== undefined);
  if (!described) {
    ctx.reportKey('missing-description', `\`${key}\` has no \`title\`, \`description\` or \`fix\`; say what it means so the reference and the typings can explain it.`, path);
  }
  const examples = (raw.examples ?? []).map((example, i) => {
    const at = [...path, 'examples', i];
    if (example.status !== undefined && !statuses.includes(example.status)) {
      ctx.report('unknown-status', `\`${key}\` is not answered with ${example.status}; give one of its statuses (${statuses.join(', ')}), or add ${example.status} to its \`status\`.`, [...at, 'status']);
    }
    return { raw: example, path: at, status: example.status ?? statuses[0] ?? 500 };
  });
  return { key, entry, facts: factsOf(raw, path), perStatus, examples };
}

/** The entry's statuses with where each is written: `status: 404`, `[400, 422]`, or `{ 429: {…} }`. */
function statusesOf(raw: RawEntry): { status: number; at: PathSegment[] }[] {
  if (typeof raw.status === 'number') return [{ status: raw.status, at: ['status'] }];
  if (Array.isArray(raw.status)) return raw.status.map((status, i) => ({ status, at: ['status', i] }));
  return Object.keys(raw.status).map((status) => ({ status: Number(status), at: ['status', status] }));
}

/** The value on the wire at the entry's level: `value`, else the key; an integer level takes integers. */
function wireValue(key: string, raw: RawEntry, level: CodeLevel, ctx: NormalizeContext, path: readonly PathSegment[]): string | number {
  const written = raw.value ?? key;
  if (level.type !== 'integer') {
    if (typeof written !== 'string') ctx.report('code-type-mismatch', `The level \`${level.name}\` holds strings, but this value is a number; quote it, or set the level's \`type: integer\`.`, [...path, 'value']);
    return String(written);
  }
  const text = String(written);
  if (!/^-?\d+$/.test(text)) {
    const where = raw.value === undefined ? 'use the numeric code as the key, give it as `value`,' : 'give an integer';
    ctx.reportKey('code-type-mismatch', `The level \`${level.name}\` holds integers, but \`${text}\` is not one; ${where} or set the level's \`type: string\`.`, raw.value === undefined ? path : [...path, 'value']);
    return text;
  }
  const number = Number(text);
  if (!Number.isSafeInteger(number)) {
    ctx.reportKey('unsafe-integer', `${text} is beyond 2^53, so JSON parsers and JavaScript would round it; use a string level (\`type: string\`) for codes this large.`, raw.value === undefined ? path : [...path, 'value']);
  }
  return number;
}

function checkStyle(code: string, style: CodeStyle | undefined, ctx: NormalizeContext, path: readonly PathSegment[], atKey: boolean): void {
  if (style === undefined || matchesStyle(code, style)) return;
  const suggestion = toStyle(code, style);
  const message = `\`${code}\` is not ${style}${suggestion && matchesStyle(suggestion, style) ? `; rename it \`${suggestion}\`` : ''}, or change \`naming.codeStyle\`.`;
  if (atKey) ctx.reportKey('code-style', message, path);
  else ctx.report('code-style', message, path);
}

function entryName(key: string, raw: RawEntry, ctx: NormalizeContext, path: readonly PathSegment[]): string {
  if (raw.name === undefined) return pascalName(key);
  const reason = invalidNameReason(raw.name);
  if (reason !== undefined) {
    ctx.report('invalid-name', `\`${raw.name}\` cannot name a type: ${reason}. Try \`${pascalName(raw.name)}\`.`, [...path, 'name']);
    return pascalName(key);
  }
  return raw.name;
}

/** Property names the envelope itself uses in every error object: the message, the error marker, plain levels. */
export function reservedNames(envelope: Envelope): string[] {
  const names = [envelope.message?.name, envelope.errorWhen?.name];
  for (const level of envelope.levels) {
    // A pattern reads part of a value that a declared field may well describe (problem details' `type`).
    if (level.at.source === 'body' && !level.at.items && level.at.chain === undefined && level.at.pattern === undefined) names.push(level.at.path[0]);
  }
  return names.filter((n) => n !== undefined);
}

function entryValues(key: string, raw: RawEntry, scope: EntryScope, ctx: NormalizeContext, path: readonly PathSegment[]): Record<string, JsonValue> {
  const values: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(raw.values ?? {})) {
    const field = scope.fields.find((f) => f.name === name);
    if (!field) {
      ctx.reportKey('unknown-field', `\`${name}\` is not a shared field.${didYouMean(name, scope.fields.map((f) => f.name))} Declare it under \`fields\` with \`value: per-entry\`, or declare it under this entry's \`fields\`.`, [...path, 'values', name]);
      continue;
    }
    if (field.value.kind !== 'per-entry' && field.value.kind !== 'free') {
      ctx.reportKey('invalid-value', `\`${name}\` is computed (\`value: ${field.value.kind}\`), so an entry cannot set it; remove it here or make the field \`per-entry\`.`, [...path, 'values', name]);
      continue;
    }
    Object.defineProperty(values, name, { value: value as JsonValue, enumerable: true, writable: true, configurable: true });
  }
  for (const field of scope.fields) {
    if (field.value.kind === 'per-entry' && field.value.default === undefined && !Object.hasOwn(values, field.name)) {
      ctx.reportKey('missing-field-value', `\`${key}\` gives no value for the per-entry field \`${field.name}\`; add \`values: { ${field.name}: … }\` or a \`default\` on the field.`, path);
    }
    if (field.value.kind === 'docUrl' && raw.docUrl === undefined && scope.docUrlTemplate === undefined) {
      ctx.reportKey('missing-field-value', `\`${field.name}\` holds the doc url, but \`${key}\` has none; add \`docUrl\` to the entry or a catalog-wide \`docUrl\` template.`, path);
    }
  }
  return values;
}

/** `parent` links: each to an entry at a coarser level; pins accumulate down the chain. */
function resolveParents(drafts: EntryDraft[], raw: Readonly<Record<string, RawEntry>>, scope: EntryScope, ctx: NormalizeContext): void {
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  const levelIndex = (name: string | undefined) => scope.envelope.levels.findIndex((l) => l.name === name);
  const pinsOf = (draft: EntryDraft, depth: number): Record<string, string | number> => {
    const own = draft.entry.level !== undefined && draft.entry.value !== undefined ? { [draft.entry.level]: draft.entry.value } : {};
    const parent = draft.entry.parent === undefined ? undefined : byKey.get(String(draft.entry.parent));
    return parent && depth < scope.envelope.levels.length ? { ...pinsOf(parent, depth + 1), ...own } : own;
  };
  for (const draft of drafts) {
    const written = raw[draft.key]?.parent;
    if (written === undefined) continue;
    const parent = byKey.get(String(written));
    const at = ['errors', draft.key, 'parent'];
    if (!parent) {
      ctx.report('unknown-code', `\`parent\` names \`${written}\`, which is not an entry.${didYouMean(String(written), byKey.keys())}`, at);
    } else if (parent.entry.level === undefined || levelIndex(parent.entry.level) >= levelIndex(draft.entry.level)) {
      ctx.report('invalid-value', `\`${written}\` sits at ${parent.entry.level === undefined ? 'no level' : `the level \`${parent.entry.level}\``}, not a coarser one than \`${draft.entry.level}\`; a parent refines from a coarser level.`, at);
    } else draft.entry.parent = parent.entry.code;
  }
  for (const draft of drafts) draft.entry.pins = pinsOf(draft, 0);
}

/**
 * Two entries must not be the same error: the same value at the same level under the same
 * pins, or (codeless) the same status, unless conditions (`when`) tell them apart.
 */
function checkIdentities(drafts: readonly EntryDraft[], scope: EntryScope, ctx: NormalizeContext): void {
  const seen = new Map<string, EntryDraft>();
  const conditional = (d: EntryDraft) => d.facts.when.length > 0 || [...d.perStatus.values()].some((f) => f.when.length > 0);
  for (const draft of drafts) {
    if (draft.entry.level === undefined || conditional(draft)) continue;
    const identity = JSON.stringify(Object.entries(draft.entry.pins).sort(([a], [b]) => a.localeCompare(b)));
    const first = seen.get(identity);
    if (first) {
      const value = draft.entry.value ?? draft.entry.code;
      ctx.reportKey('duplicate-code', `The ${scope.envelope.levels.length > 1 ? `\`${draft.entry.level}\` ` : ''}code ${value} is already the entry \`${first.key}\`; merge the two entries (a code under several statuses takes \`status: [..]\`), or tell them apart with \`when\`.`, ['errors', draft.key], { path: ['errors', first.key], message: 'first defined here' });
    } else seen.set(identity, draft);
  }
  const owner = new Map<number, EntryDraft>();
  for (const draft of drafts) {
    if (draft.entry.level !== undefined) continue;
    for (const status of draft.entry.statuses) {
      const when = draft.perStatus.get(status)?.when ?? draft.facts.when;
      if (when.length > 0) continue;
      const first = owner.get(status);
      if (first) {
        ctx.reportKey('ambiguous-status', `Only the status tells codeless errors apart, and ${status} is already \`${first.key}\`; merge the two entries, give one of them \`when\` conditions, or give the envelope a code field.`, ['errors', draft.key], { path: ['errors', first.key], message: `${status} first used here` });
      } else owner.set(status, draft);
    }
  }
}

/**
 * Type names: unique, not one of errcat's own, not a declared type's, not a global; and, once
 * the component prefix is put before them, the same for OpenAPI component names (`Sandbox` +
 * `SandboxError` and `Sandbox` + `Error` are one component).
 */
function checkNames(drafts: readonly EntryDraft[], scope: EntryScope, ctx: NormalizeContext): void {
  const byName = new Map<string, string>();
  const byComponent = new Map<string, string>();
  const typeComponents = new Set(scope.typeNames.map((t) => withPrefix(scope.componentPrefix, t)));
  for (const draft of drafts) {
    const names = entryTypeNames(scope, draft.entry.name);
    const { type: full, component } = names;
    const path = ['errors', draft.key];
    if (isErrcatEntryName(names, scope.componentPrefix)) {
      ctx.reportKey('name-collision', `\`${draft.key}\` becomes \`${isStructuralName(full) ? full : component}\`, a name errcat uses for its own types; set \`name:\` on the entry.`, path);
    } else if (invalidNameReason(full) !== undefined) {
      ctx.reportKey('name-collision', `\`${draft.key}\` becomes \`${full}\`, which ${invalidNameReason(full)?.replace(/^it /, '')}; set \`name:\` on the entry.`, path);
    } else if (scope.typeNames.includes(full) || typeComponents.has(component)) {
      ctx.reportKey('name-collision', `\`${draft.key}\` becomes \`${scope.typeNames.includes(full) ? full : component}\`, the name of a declared type; set \`name:\` on the entry or rename the type.`, path);
    } else if (byName.has(full)) {
      ctx.reportKey('name-collision', `\`${draft.key}\` and \`${byName.get(full)}\` both become the TypeScript name \`${full}\`; set \`name:\` on one of them.`, path);
    } else if (byComponent.has(component)) {
      ctx.reportKey('name-collision', `\`${draft.key}\` and \`${byComponent.get(component)}\` both become the OpenAPI component \`${component}\` (the prefix \`${scope.componentPrefix}\` is not written twice); set \`name:\` on one of them.`, path);
    }
    byName.set(full, draft.key);
    byComponent.set(component, draft.key);
  }
  const errorClass = scope.errorClass;
  const clash = byName.get(errorClass.name) ?? (scope.typeNames.includes(errorClass.name) || isStructuralName(errorClass.name) ? errorClass.name : undefined);
  if (clash !== undefined) {
    const fix = errorClass.written ? 'rename it' : 'set `naming.errorClass`';
    ctx.report('name-collision', `The error class would be \`${errorClass.name}\`, which ${clash === errorClass.name ? 'errcat or a declared type already uses' : `is the type of \`${clash}\``}; ${fix}.`, errorClass.written ? ['naming', 'errorClass'] : ['info', 'title']);
  }
}

function checkReplacements(drafts: readonly EntryDraft[], raw: Readonly<Record<string, RawEntry>>, ctx: NormalizeContext): void {
  const codes = drafts.map((d) => d.key);
  const known = new Set(codes);
  for (const [key, entry] of Object.entries(raw)) {
    if (entry.replacedBy === undefined) continue;
    const target = String(entry.replacedBy);
    if (!known.has(target)) {
      ctx.report('unknown-code', `\`replacedBy\` names \`${target}\`, which is not in the catalog.${didYouMean(target, codes)}`, ['errors', key, 'replacedBy']);
    } else if (target === key) {
      ctx.report('invalid-value', 'An entry cannot replace itself; name the code clients should use instead.', ['errors', key, 'replacedBy']);
    }
  }
}
