import type { Catalog, Header, RetryPolicy } from '../model/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../parse/source-document.js';
import { NormalizeContext } from './context.js';
import { normalizeEntries, reservedNames } from './entries.js';
import { normalizeEnvelope } from './envelope.js';
import { attachExamples } from './examples.js';
import { normalizeField } from './fields.js';
import { checkPlaceholders } from './references.js';
import { normalizeOperations } from './operations.js';
import type { RawCatalog } from './raw.js';
import { normalizeRetry } from './retry.js';
import { normalizeStatuses } from './statuses.js';

export const CATALOG_FORMAT_VERSION = 1;

/**
 * Turns a catalog that passed the JSON Schema into the Catalog model, checking everything the
 * schema cannot: references, names, statuses, computed values, retry numbers, examples.
 */
export function normalizeCatalog(raw: RawCatalog, source: SourceDocument): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const ctx = new NormalizeContext(source);
  if (raw.errcat !== CATALOG_FORMAT_VERSION) {
    ctx.report('unsupported-version', `This errcat reads catalog format ${CATALOG_FORMAT_VERSION}; set \`errcat: ${CATALOG_FORMAT_VERSION}\`.`, ['errcat']);
  }
  const envelope = normalizeEnvelope(raw.envelope, ctx);
  const fields = Object.entries(raw.fields ?? {}).map(([name, f]) => {
    if (reservedNames(envelope).includes(name)) {
      ctx.reportKey('field-conflict', `\`${name}\` is already the envelope's ${name === envelope.message.name ? 'message' : 'code'} field; rename this field or change \`envelope\`.`, ['fields', name]);
    }
    return normalizeField(name, f, ctx, ['fields', name], true);
  });
  const headers: Header[] = Object.entries(raw.headers ?? {}).map(([name, h]) => {
    const header: Header = { name, type: h.type ?? 'string', required: h.required ?? false, everyError: h.everyError ?? false };
    if (h.description !== undefined) header.description = h.description;
    if (h.format !== undefined) header.format = h.format;
    if (h.example !== undefined) header.example = h.example;
    return header;
  });
  // A default may read a body field that only the entries at its status declare.
  const fieldNames = [...fields.map((f) => f.name), ...Object.values(raw.errors).flatMap((e) => Object.keys(e.fields ?? {}))];
  const retryDefaults: Record<string, RetryPolicy> = Object.fromEntries(
    Object.entries(raw.retry ?? {}).map(([key, policy]) => [key, normalizeRetry(policy, ctx, ['retry', key], { headers, fieldNames })]),
  );
  if (raw.docUrl !== undefined) checkPlaceholders(raw.docUrl, ctx, ['docUrl']);
  const entries = normalizeEntries(
    raw.errors,
    {
      envelope,
      ...(raw.naming?.codeStyle !== undefined ? { codeStyle: raw.naming.codeStyle } : {}),
      typeSuffix: raw.naming?.typeSuffix ?? 'Error',
      ...(raw.docUrl !== undefined ? { docUrlTemplate: raw.docUrl } : {}),
      fields,
      headers,
      retryDefaults,
      statuses: raw.statuses ?? {},
    },
    ctx,
  );
  const statuses = normalizeStatuses(raw.statuses ?? {}, entries, headers, retryDefaults, ctx);
  const info: Catalog['info'] = { title: raw.info.title, version: raw.info.version };
  if (raw.info.description !== undefined) info.description = raw.info.description;
  if (raw.info.docsUrl !== undefined) info.docsUrl = raw.info.docsUrl;
  const draft: Catalog = {
    source: source.file,
    info,
    envelope,
    naming: { componentPrefix: raw.naming?.componentPrefix ?? '', typeSuffix: raw.naming?.typeSuffix ?? 'Error' },
    fields,
    headers,
    entries,
    statuses,
    retryDefaults,
    operations: normalizeOperations(raw.operations ?? [], entries, statuses, ctx),
  };
  // Examples are checked against schemas built from the model, so they come last.
  const catalog: Catalog = { ...draft, entries: ctx.diagnostics.length === 0 ? attachExamples(draft, raw.errors, ctx) : entries };
  return { catalog, diagnostics: ctx.diagnostics };
}
