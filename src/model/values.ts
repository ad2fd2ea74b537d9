import type { Catalog, Entry, Field, JsonValue } from './catalog.js';
import { expandTemplate } from './naming.js';
import { ownValue } from './own.js';

/** What a computed value depends on: the entry's identity and texts, and the status it is answered with. */
export interface ValueContext {
  entry: Pick<Entry, 'code' | 'value' | 'name' | 'docUrl' | 'values'>;
  status: number;
  /** The resolved title at this status. */
  title: string;
}

/** The value a field takes for an entry at a status; undefined for a free field the entry does not pin. */
export function computeValue(field: Field, { entry, status, title }: ValueContext): JsonValue | undefined {
  switch (field.value.kind) {
    case 'free':
      return Object.hasOwn(entry.values, field.name) ? entry.values[field.name] : undefined;
    case 'status':
      // JSON:API writes the status as a string.
      return field.type === 'string' ? String(status) : status;
    case 'code':
      return entry.value ?? entry.code;
    case 'title':
      return title;
    case 'template':
      return expandTemplate(field.value.template, { code: entry.value ?? entry.code, status, name: entry.name });
    case 'const':
      return field.value.value;
    case 'per-entry':
      return Object.hasOwn(entry.values, field.name) ? entry.values[field.name] : field.value.default;
    case 'docUrl':
      return entry.docUrl;
  }
}

/** Every field of an error object besides the levels, the message and the marker: shared ones, then the entry's own. */
export function fieldsOf(catalog: Pick<Catalog, 'fields'>, entry?: Pick<Entry, 'fields'>): readonly Field[] {
  return entry ? [...catalog.fields, ...entry.fields] : catalog.fields;
}

const byCodeCache = new WeakMap<Catalog, ReadonlyMap<string | number, Entry>>();

/** The entry of a code, through a map built once per catalog (emitters look codes up per status). */
export function entryOf(catalog: Catalog, code: string | number): Entry | undefined {
  let byCode = byCodeCache.get(catalog);
  if (!byCode) {
    byCode = new Map(catalog.entries.map((e) => [e.code, e]));
    byCodeCache.set(catalog, byCode);
  }
  return byCode.get(code);
}

/** The status info of a status the catalog uses. */
export function statusOf(catalog: Catalog, status: number): Catalog['statuses'][number] | undefined {
  return catalog.statuses.find((s) => s.status === status);
}
