import type { Catalog, Entry, JsonValue, StatusInfo } from '../../model/catalog.js';
import { describeLocator, isPinnable } from '../../model/locators.js';
import { conditionData } from '../../model/conditions.js';
import { retryData } from '../../model/retry.js';

/**
 * The `x-errcat-*` extensions: what OpenAPI cannot say natively. Their names are part of the
 * output contract (documented in the README); add, never rename.
 */
export function entryExtensions(catalog: Catalog, entry: Entry): Record<string, unknown> {
  const x: Record<string, unknown> = {
    'x-errcat-code': entry.code,
    'x-errcat-statuses': [...entry.statuses],
  };
  if (entry.level !== undefined && catalog.envelope.levels.length > 1) {
    x['x-errcat-level'] = entry.level;
    x['x-errcat-pins'] = { ...entry.pins };
  }
  // Codes a body schema cannot pin (in a header, at the end of a chain, inside a pattern) are said here.
  const unpinned = catalog.envelope.levels.filter((l) => Object.hasOwn(entry.pins, l.name) && !isPinnable(l.at));
  if (unpinned.length > 0) x['x-errcat-located'] = Object.fromEntries(unpinned.map((l) => [l.name, { at: describeLocator(l.at), value: entry.pins[l.name] as JsonValue }]));
  if (entry.fix !== undefined) x['x-errcat-fix'] = entry.fix;
  const particular = Object.fromEntries(entry.responses.flatMap((r) => {
    const own: Record<string, JsonValue> = {};
    if ('path' in r.origins.title && r.origins.title.path.includes('status') && r.title !== entry.title) own['title'] = r.title;
    if (r.description !== undefined && r.description !== entry.description) own['description'] = r.description;
    if (r.fix !== undefined && r.fix !== entry.fix) own['fix'] = r.fix;
    return Object.keys(own).length > 0 ? [[String(r.status), own]] : [];
  }));
  // What the entry says for one status only (Stripe's invalid_request_error at 401 and 404).
  if (Object.keys(particular).length > 0) x['x-errcat-responses'] = particular;
  x['x-errcat-retry'] = byStatus(entry, (r) => retryData(r.retry));
  const when = byStatus(entry, (r) => (r.when.length > 0 ? r.when.map(conditionData) : null));
  if (when !== null) x['x-errcat-when'] = when;
  if (entry.headers.length > 0) x['x-errcat-headers'] = [...entry.headers];
  if (entry.tags.length > 0) x['x-errcat-tags'] = [...entry.tags];
  if (entry.since !== undefined) x['x-errcat-since'] = entry.since;
  if (entry.deprecated?.message !== undefined) x['x-errcat-deprecated'] = entry.deprecated.message;
  if (entry.deprecated?.replacedBy !== undefined) x['x-errcat-replaced-by'] = entry.deprecated.replacedBy;
  return x;
}

/** One value when every status agrees, else the value per status: `{ "403": …, "429": … }`. */
function byStatus(entry: Entry, pick: (response: Entry['responses'][number]) => JsonValue): JsonValue {
  const values = entry.responses.map((r) => [String(r.status), pick(r)] as const);
  const [first] = values;
  if (!first || values.every(([, v]) => JSON.stringify(v) === JSON.stringify(first[1]))) return first?.[1] ?? null;
  return Object.fromEntries(values);
}

export function statusExtensions(info: StatusInfo): Record<string, unknown> {
  const x: Record<string, unknown> = { 'x-errcat-codes': [...info.codes] };
  if (info.fix !== undefined) x['x-errcat-fix'] = info.fix;
  x['x-errcat-retry'] = retryData(info.retry);
  return x;
}
