import type { CodeStyle, Entry, Envelope, Field, Header, JsonValue, RetryPolicy } from '../model/catalog.js';
import { isStructuralName } from '../model/names.js';
import { didYouMean } from '../validate/suggest.js';
import type { NormalizeContext } from './context.js';
import { normalizeField } from './fields.js';
import { expandTemplate, invalidNameReason, matchesStyle, pascalName, toStyle } from '../model/naming.js';
import { checkPlaceholders, findHeader, resolveHeader } from './references.js';
import type { RawEntry, RawStatus } from './raw.js';
import { policyForStatus } from '../model/retry.js';
import { normalizeRetry } from './retry.js';
import { setOwn } from '../model/own.js';

export interface EntryScope {
  envelope: Envelope;
  codeStyle?: CodeStyle;
  typeSuffix: string;
  docUrlTemplate?: string;
  fields: readonly Field[];
  headers: readonly Header[];
  retryDefaults: Readonly<Record<string, RetryPolicy>>;
  statuses: Readonly<Record<string, RawStatus>>;
}

/** Entries in catalog order; examples are filled in later, once the whole model exists. */
export function normalizeEntries(raw: Record<string, RawEntry>, scope: EntryScope, ctx: NormalizeContext): Entry[] {
  const entries: Entry[] = [];
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const [key, rawEntry] of Object.entries(raw)) {
    const path = ['errors', key];
    const code = wireCode(key, scope, ctx);
    const identity = String(code);
    const previous = byCode.get(identity);
    if (previous !== undefined) {
      ctx.reportKey('duplicate-code', `The code ${identity} is already the entry \`${previous}\`; merge the two entries (a code under several statuses takes \`status: [..]\`).`, path);
    }
    byCode.set(identity, key);
    checkStyle(key, code, scope, ctx, path);
    const name = entryName(key, rawEntry, ctx, path);
    const other = byName.get(name);
    if (isStructuralName(`${name}${scope.typeSuffix}`)) {
      ctx.reportKey('name-collision', `\`${key}\` becomes \`${name}${scope.typeSuffix}\`, a name errcat uses for its own types; set \`name:\` on the entry.`, path);
    } else if (other !== undefined) {
      ctx.reportKey('name-collision', `\`${key}\` and \`${other}\` both become the TypeScript name \`${name}${scope.typeSuffix}\`; set \`name:\` on one of them.`, path);
    }
    byName.set(name, key);
    const statuses = typeof rawEntry.status === 'number' ? [rawEntry.status] : [...rawEntry.status];
    statuses.forEach((status, i) => {
      const allowed = rawEntry.allowNonError ?? scope.statuses[String(status)]?.allowNonError ?? false;
      if ((status < 400 || status > 599) && !allowed) {
        const at = typeof rawEntry.status === 'number' ? [...path, 'status'] : [...path, 'status', i];
        ctx.report('status-not-error', `${status} is not an error status (400–599); use the status the API really answers, or set \`allowNonError: true\` on the entry if it does answer ${status}.`, at);
      }
    });
    const fields = Object.entries(rawEntry.fields ?? {}).map(([fieldName, f]) => {
      const fieldPath = [...path, 'fields', fieldName];
      if (scope.fields.some((s) => s.name === fieldName) || reservedNames(scope.envelope).includes(fieldName)) {
        ctx.reportKey('field-conflict', `\`${fieldName}\` is already a field of every error; give this entry's field another name, or set its value under \`values\`.`, fieldPath);
      }
      return normalizeField(fieldName, f, ctx, fieldPath, false);
    });
    const headers = entryHeaders(rawEntry, statuses, scope, ctx, path);
    const entry: Entry = {
      code,
      name,
      statuses,
      fields,
      values: entryValues(key, rawEntry, scope, ctx, path),
      headers,
      retry: rawEntry.retry !== undefined
        ? normalizeRetry(rawEntry.retry, ctx, [...path, 'retry'], { headers: scope.headers, fieldNames: [...scope.fields, ...fields].map((f) => f.name) })
        : policyForStatus(statuses[0] ?? 500, scope.retryDefaults),
      examples: [],
      tags: rawEntry.tags ?? [],
    };
    if (rawEntry.title !== undefined) entry.title = rawEntry.title;
    if (rawEntry.description !== undefined) entry.description = rawEntry.description;
    if (rawEntry.fix !== undefined) entry.fix = rawEntry.fix;
    const docUrl = rawEntry.docUrl ?? scope.docUrlTemplate;
    if (docUrl !== undefined) {
      // The catalog-wide template is checked once, where it is written.
      if (rawEntry.docUrl !== undefined) checkPlaceholders(rawEntry.docUrl, ctx, [...path, 'docUrl']);
      entry.docUrl = expandTemplate(docUrl, { code, status: statuses[0] ?? 500, name });
    }
    if (rawEntry.deprecated !== undefined && rawEntry.deprecated !== false) {
      entry.deprecated = typeof rawEntry.deprecated === 'string' ? { message: rawEntry.deprecated } : {};
    }
    if (rawEntry.replacedBy !== undefined) entry.deprecated = { ...entry.deprecated, replacedBy: String(rawEntry.replacedBy) };
    if (rawEntry.since !== undefined) entry.since = rawEntry.since;
    if (entry.title === undefined && entry.description === undefined && entry.fix === undefined) {
      ctx.reportKey('missing-description', `\`${key}\` has no \`title\`, \`description\` or \`fix\`; say what it means so the reference and the typings can explain it.`, path);
    }
    entries.push(entry);
  }
  checkReplacements(raw, entries, ctx);
  if (scope.envelope.kind === 'codeless') checkCodelessStatuses(entries, ctx);
  return entries;
}

function wireCode(key: string, scope: EntryScope, ctx: NormalizeContext): string | number {
  if (scope.envelope.code?.type !== 'integer') return key;
  if (!/^-?\d+$/.test(key)) {
    ctx.reportKey('code-type-mismatch', `The envelope declares integer codes, but \`${key}\` is not an integer; use the numeric code as the key, or set \`envelope.code.type: string\`.`, ['errors', key]);
    return key;
  }
  return Number(key);
}

function checkStyle(key: string, code: string | number, scope: EntryScope, ctx: NormalizeContext, path: string[]): void {
  const style = scope.codeStyle;
  if (style === undefined || typeof code !== 'string' || matchesStyle(key, style)) return;
  const suggestion = toStyle(key, style);
  ctx.reportKey('code-style', `\`${key}\` is not ${style}${suggestion && matchesStyle(suggestion, style) ? `; rename it \`${suggestion}\`` : ''}, or change \`naming.codeStyle\`.`, path);
}

function entryName(key: string, raw: RawEntry, ctx: NormalizeContext, path: string[]): string {
  if (raw.name === undefined) return pascalName(key);
  const reason = invalidNameReason(raw.name);
  if (reason !== undefined) {
    ctx.report('invalid-name', `\`${raw.name}\` cannot name a type: ${reason}. Try \`${pascalName(raw.name)}\`.`, [...path, 'name']);
    return pascalName(key);
  }
  return raw.name;
}

/** Names the envelope already uses inside the error object. */
export function reservedNames(envelope: Envelope): string[] {
  const names = [envelope.message.name];
  const head = envelope.code?.path[0];
  if (head !== undefined) names.push(head);
  return names;
}

function entryValues(key: string, raw: RawEntry, scope: EntryScope, ctx: NormalizeContext, path: string[]): Record<string, JsonValue> {
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
    setOwn(values, name, value as JsonValue);
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

function entryHeaders(raw: RawEntry, statuses: readonly number[], scope: EntryScope, ctx: NormalizeContext, path: string[]): string[] {
  const names = scope.headers.filter((h) => h.everyError).map((h) => h.name);
  (raw.headers ?? []).forEach((name, i) => {
    const header = resolveHeader(scope.headers, name, ctx, [...path, 'headers', i]);
    if (header && !names.includes(header.name)) names.push(header.name);
  });
  // Headers a status declares apply to its entries too; they were checked where declared.
  for (const status of statuses) {
    for (const name of scope.statuses[String(status)]?.headers ?? []) {
      const header = findHeader(scope.headers, name);
      if (header && !names.includes(header.name)) names.push(header.name);
    }
  }
  return names;
}

function checkReplacements(raw: Record<string, RawEntry>, entries: readonly Entry[], ctx: NormalizeContext): void {
  const codes = entries.map((e) => String(e.code));
  for (const [key, entry] of Object.entries(raw)) {
    if (entry.replacedBy === undefined) continue;
    const target = String(entry.replacedBy);
    if (!codes.includes(target)) {
      ctx.report('unknown-code', `\`replacedBy\` names \`${target}\`, which is not in the catalog.${didYouMean(target, codes)}`, ['errors', key, 'replacedBy']);
    } else if (target === String(key)) {
      ctx.report('invalid-value', 'An entry cannot replace itself; name the code clients should use instead.', ['errors', key, 'replacedBy']);
    }
  }
}

function checkCodelessStatuses(entries: readonly Entry[], ctx: NormalizeContext): void {
  const owner = new Map<number, string | number>();
  for (const entry of entries) {
    for (const status of entry.statuses) {
      const first = owner.get(status);
      if (first !== undefined) {
        ctx.reportKey('ambiguous-status', `With a \`codeless\` envelope, only the status tells errors apart, and ${status} is already \`${first}\`; merge the two entries or give the envelope a code field.`, ['errors', String(entry.code)]);
      } else owner.set(status, entry.code);
    }
  }
}
