import type { Catalog, Entry, Field, JsonValue } from './catalog.js';
import { expandTemplate } from './naming.js';
import { ownValue } from './own.js';

/** The value a computed field takes for an entry answered with `status`; undefined for free fields. */
export function computedValue(field: Field, entry: Entry, status: number, catalog: Catalog): JsonValue | undefined {
  switch (field.value.kind) {
    case 'free':
      return ownValue(entry.values, field.name);
    case 'status':
      return status;
    case 'code':
      return entry.code;
    case 'title':
      return entry.title ?? statusTitle(catalog, status);
    case 'template':
      return expandTemplate(field.value.template, { code: entry.code, status, name: entry.name });
    case 'const':
      return field.value.value;
    case 'per-entry':
      return ownValue(entry.values, field.name) ?? field.value.default;
    case 'docUrl':
      return entry.docUrl;
  }
}

/** The distinct values a computed field takes over all of an entry's statuses. */
export function computedValues(field: Field, entry: Entry, catalog: Catalog): JsonValue[] | undefined {
  const values: JsonValue[] = [];
  for (const status of entry.statuses) {
    const v = computedValue(field, entry, status, catalog);
    if (v === undefined) return undefined;
    if (!values.some((x) => JSON.stringify(x) === JSON.stringify(v))) values.push(v);
  }
  return values;
}

export function statusTitle(catalog: Catalog, status: number): string {
  return catalog.statuses.find((s) => s.status === status)?.title ?? `HTTP ${status}`;
}

/** Every field of an entry's error object besides code and message: shared ones, then the entry's own. */
export function entryFields(catalog: Catalog, entry: Entry): readonly Field[] {
  return [...catalog.fields, ...entry.fields];
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
