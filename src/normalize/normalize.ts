import type { Catalog, Field, Header, RetryPolicy } from '../model/catalog.js';
import type { SourceDocument } from '../parse/source-document.js';
import { errorClassName } from '../model/names.js';
import { didYouMean } from '../validate/suggest.js';
import { NormalizeContext } from './context.js';
import type { EntryDraft, StatusDraft } from './drafts.js';
import { normalizeEntries, reservedNames } from './entries.js';
import { normalizeEnvelope } from './envelope.js';
import { normalizeField } from './fields.js';
import { normalizeOperations } from './operations.js';
import type { RawCatalog } from './raw.js';
import { checkPlaceholders } from './references.js';
import { normalizeRetry } from './retry.js';
import { normalizeStatuses } from './statuses.js';
import { normalizeTypes } from './types.js';

/** The catalog formats this errcat reads: 2, and 1, which the language grew from without changing it. */
export const CATALOG_FORMAT_VERSIONS = [1, 2] as const;

/** A catalog checked and in model terms; the resolve phase turns it into the Catalog model. */
export interface NormalizedCatalog extends Omit<Catalog, 'entries' | 'statuses'> {
  entries: EntryDraft[];
  statuses: StatusDraft[];
}

/**
 * Turns a catalog that passed the JSON Schema into model terms, checking everything the schema
 * cannot: references, names, levels, statuses, computed values, retry numbers.
 */
export function normalizeCatalog(raw: RawCatalog, source: SourceDocument): { catalog: NormalizedCatalog; context: NormalizeContext } {
  const ctx = new NormalizeContext(source);
  if (!(CATALOG_FORMAT_VERSIONS as readonly number[]).includes(raw.errcat)) {
    ctx.report('unsupported-version', `This errcat reads catalog formats ${CATALOG_FORMAT_VERSIONS.join(' and ')}; set \`errcat: 2\`.`, ['errcat']);
  }
  const { envelope, defaultLevel } = normalizeEnvelope(raw.envelope, ctx);
  const { types, scope: shapes } = normalizeTypes(raw.types ?? {}, ctx);
  const reserved = reservedNames(envelope);
  const fields: Field[] = Object.entries(raw.fields ?? {}).map(([name, f]) => {
    if (reserved.includes(name)) {
      const role = name === envelope.message?.name ? 'message' : name === envelope.errorWhen?.name ? 'error marker' : 'code';
      ctx.reportKey('field-conflict', `\`${name}\` is already the envelope's ${role} field; rename this field or change \`envelope\`.`, ['fields', name]);
    }
    return normalizeField(name, f, ctx, ['fields', name], true, shapes);
  });
  const headers = normalizeHeaders(raw, envelope.levels.map((l) => l.name), ctx);
  // A default may read a body field that only the entries at its status declare.
  const fieldNames = [...fields.map((f) => f.name), ...Object.values(raw.errors).flatMap((e) => Object.keys(e.fields ?? {}))];
  const retryDefaults: Record<string, RetryPolicy> = Object.fromEntries(
    Object.entries(raw.retry ?? {}).map(([key, policy]) => [key, normalizeRetry(policy, ctx, ['retry', key], { headers, fieldNames })]),
  );
  if (raw.docUrl !== undefined) checkPlaceholders(raw.docUrl, ctx, ['docUrl']);
  const typeSuffix = raw.naming?.typeSuffix ?? 'Error';
  const componentPrefix = raw.naming?.componentPrefix ?? '';
  const errorClass = raw.naming?.errorClass ?? errorClassName(componentPrefix, raw.info.title);
  const entries = normalizeEntries(
    raw.errors,
    {
      envelope,
      ...(defaultLevel !== undefined ? { defaultLevel } : {}),
      ...(raw.naming?.codeStyle !== undefined ? { codeStyle: raw.naming.codeStyle } : {}),
      typeSuffix,
      componentPrefix,
      errorClass: { name: errorClass, written: raw.naming?.errorClass !== undefined },
      ...(raw.docUrl !== undefined ? { docUrlTemplate: raw.docUrl } : {}),
      fields,
      headers,
      statuses: raw.statuses ?? {},
      shapes,
      typeNames: types.map((t) => t.name),
    },
    ctx,
  );
  const statuses = normalizeStatuses(raw.statuses ?? {}, entries, { envelope, fields, headers }, ctx);
  const info: Catalog['info'] = { title: raw.info.title, version: raw.info.version };
  if (raw.info.description !== undefined) info.description = raw.info.description;
  if (raw.info.docsUrl !== undefined) info.docsUrl = raw.info.docsUrl;
  const catalog: NormalizedCatalog = {
    source: source.file,
    info,
    envelope,
    naming: { componentPrefix, typeSuffix, errorClass },
    types,
    fields,
    headers,
    entries,
    statuses,
    retryDefaults,
    operations: normalizeOperations(raw.operations ?? [], entries, statuses.map((s) => s.status), ctx),
  };
  return { catalog, context: ctx };
}

function normalizeHeaders(raw: RawCatalog, levels: readonly string[], ctx: NormalizeContext): Header[] {
  return Object.entries(raw.headers ?? {}).map(([name, h]) => {
    const header: Header = { name, type: h.type ?? 'string', required: h.required ?? false, everyError: h.everyError ?? false };
    if (h.description !== undefined) header.description = h.description;
    if (h.format !== undefined) header.format = h.format;
    if (h.example !== undefined) header.example = h.example;
    if (h.echo !== undefined) {
      if (!levels.includes(h.echo)) {
        ctx.report('unknown-level', `\`${h.echo}\` is not a level of the envelope.${didYouMean(h.echo, levels)} A header can repeat ${levels.length > 0 ? levels.map((l) => `\`${l}\``).join(', ') : 'a level, and this envelope has none'}.`, ['headers', name, 'echo']);
      } else header.echo = h.echo;
    }
    return header;
  });
}
