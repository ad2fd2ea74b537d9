import type { RawField } from '../normalize/raw.js';
import { defineOwn } from '../model/own.js';
import { isMapping } from '../merge/spec-data.js';
import type { ImportContext } from './context.js';
import type { OwnEntry, Scalar } from './errcat-levels.js';
import { fixedValue, schemaAt, type ObjectView } from './schema.js';

/** How an errcat catalog computes each field's value, read back from what its code schemas pin. */

/**
 * A field's values per entry: what they all pin says how the catalog computes it. A shared
 * field whose own shape lists one value is that shape, not a computed value; an entry's own field
 * is computed only where the schema says `const` (OpenAPI 3.0 writes a constant and a one-value
 * `enum` alike, and the shape is the safer reading).
 */
export function valueKind(ctx: ImportContext, name: string, entries: readonly OwnEntry[], shared: false | ObjectView): { kind: string; raw: Partial<RawField> } {
  if (shared) {
    const own = shared.properties.get(name);
    const at = own && schemaAt(ctx, own.value, own.path);
    if (at && fixedValue(at.schema) !== undefined) return { kind: 'free', raw: {} };
  }
  const pinned = entries.map((e) => ({ e, values: pinnedValues(ctx, e, name, shared !== false) }));
  const some = pinned.filter((p) => p.values !== undefined);
  if (some.length === 0) return { kind: 'free', raw: {} };
  const all = some.length === entries.length;
  const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  if (all && pinned.every((p) => same(p.values as Scalar[], p.e.statuses))) return { kind: 'status', raw: { value: 'status' } };
  if (all && pinned.every((p) => same(p.values as Scalar[], p.e.statuses.map(String)))) return { kind: 'status', raw: { value: 'status' } };
  const docUrl = (e: OwnEntry) => (isMapping(e.schema['externalDocs']) ? e.schema['externalDocs']['url'] : undefined);
  if (all && pinned.every((p) => p.values?.length === 1 && docUrl(p.e) === p.values[0])) return { kind: 'docUrl', raw: { value: 'docUrl' } };
  if (all && pinned.every((p) => p.values?.length === 1 && typeof p.e.schema['title'] === 'string' && p.e.schema['title'] === p.values[0])) return { kind: 'title', raw: { value: 'title' } };
  const first = some[0]?.values as Scalar[];
  if (all && first.length === 1 && pinned.every((p) => same(p.values as Scalar[], first)) && (entries.length > 1 || !shared)) return { kind: 'const', raw: { value: { const: first[0] } } };
  if (!shared) return { kind: 'const', raw: { value: { const: first[0] } } };
  return all && pinned.every((p) => p.values?.length === 1) ? { kind: 'per-entry', raw: { value: 'per-entry' } } : { kind: 'free', raw: {} };
}

/** The values an entry's schema pins a property to: `const` (or a one-value `enum`), or an `enum` over its statuses; undefined when free. */
export function pinnedValues(ctx: ImportContext, e: OwnEntry, name: string, oneValueEnum = true): Scalar[] | undefined {
  const property = e.view.properties.get(name);
  const at = property && schemaAt(ctx, property.value, property.path);
  if (!at) return undefined;
  const constant = at.schema['const'];
  const fixed = oneValueEnum ? fixedValue(at.schema) : typeof constant === 'string' || typeof constant === 'number' || typeof constant === 'boolean' ? constant : undefined;
  if (fixed !== undefined) return [fixed];
  if (e.statuses.length > 1 && Array.isArray(at.schema['enum']) && at.schema['enum'].length === e.statuses.length) return at.schema['enum'] as Scalar[];
  return undefined;
}

/** A field read from a schema that pins it: the pin is the value's business, not the shape's. */
export function stripPins(field: RawField, pinned: boolean): RawField {
  if (!pinned) return field;
  const { enum: _enum, ...rest } = field;
  return rest;
}

/** An entry's values for the shared `per-entry` and free fields it pins. */
export function entryValues(ctx: ImportContext, e: OwnEntry, fields: Record<string, RawField>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.value !== undefined && field.value !== 'per-entry') continue;
    const pinned = pinnedValues(ctx, e, name);
    if (pinned?.length === 1) defineOwn(values, name, pinned[0]);
  }
  return values;
}

