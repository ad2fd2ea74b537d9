import { isMapping, mappingAt, type SpecMapping } from '../merge/spec-data.js';
import { pascalName } from '../model/naming.js';
import { entryTypeNames, withPrefix } from '../model/names.js';
import type { RawLevel } from '../normalize/raw.js';
import type { ImportContext } from './context.js';
import type { BodyShape } from './envelope.js';
import { rawLocation, type ErrcatOutput } from './errcat.js';
import { CODE_NAMES } from './names.js';
import { fixedValue, objectView, schemaAt, type ObjectView, type PropertyAt, type SchemaAt } from './schema.js';

/**
 * An errcat catalog's levels and each entry's place in them, read back from its code schemas:
 * the values they pin (`const`, `contains`), `x-errcat-pins`, `x-errcat-level` and
 * `x-errcat-located`.
 */

export type Code = string | number;
export type Scalar = string | number | boolean;


export interface OwnEntry {
  code: Code;
  schemaName: string;
  schema: SpecMapping;
  path: readonly string[];
  view: ObjectView;
  statuses: number[];
  pins: Record<string, Code>;
  level?: string;
}

/** A path of properties in an object schema (nested objects followed) whose schema fixes a value. */
export interface FixedPath {
  path: string[];
  value: Scalar;
}

/** Every property path of an object schema, depth first in property order, whose schema fixes a value. */
export function fixedPaths(ctx: ImportContext, view: ObjectView, depth = 0): FixedPath[] {
  const found: FixedPath[] = [];
  for (const [name, property] of view.properties) {
    const at = schemaAt(ctx, property.value, property.path);
    if (!at) continue;
    const value = fixedValue(at.schema);
    if (value !== undefined) found.push({ path: [name], value });
    else if (depth < 3 && (isMapping(at.schema['properties']) || Array.isArray(at.schema['allOf']))) {
      for (const inner of fixedPaths(ctx, objectView(ctx, at), depth + 1)) found.push({ path: [name, ...inner.path], value: inner.value });
    }
  }
  return found;
}

/** The item an array property must contain (`contains`, or `x-errcat-contains` before 3.1) that fixes `value`: the array, the item's selecting constants, and the value's path. */
export function containedPath(ctx: ImportContext, view: ObjectView, value: Code): { in: string; where: Record<string, Scalar>; field: string } | undefined {
  for (const [name, property] of view.properties) {
    const at = schemaAt(ctx, property.value, property.path);
    const contains = at && (at.schema['contains'] ?? at.schema['x-errcat-contains']);
    if (!at || !isMapping(contains)) continue;
    const parts = Array.isArray(contains['allOf']) ? (contains['allOf'] as unknown[]) : [contains];
    for (const part of parts) {
      const item = schemaAt(ctx, part, at.path);
      if (!item) continue;
      const fixed = fixedPaths(ctx, objectView(ctx, item));
      const hit = fixed.find((f) => f.value === value);
      if (!hit) continue;
      const where = Object.fromEntries(fixed.filter((f) => f !== hit && f.path.length === 1).map((f) => [f.path[0] as string, f.value]));
      if (Object.keys(where).length > 0) return { in: name, where, field: hit.path.join('.') };
    }
  }
  return undefined;
}

/** The levels, coarse to fine: named by the pins entries carry, placed where their schemas pin them. */
export function readLevels(ctx: ImportContext, output: ErrcatOutput, entries: readonly OwnEntry[], unknown: ObjectView, kind: BodyShape['kind']): RawLevel[] {
  const order: string[] = [];
  for (const e of entries) {
    let at = 0;
    for (const name of Object.keys(e.pins)) {
      const i = order.indexOf(name);
      if (i === -1) order.splice(at, 0, name);
      at = Math.max(at, order.indexOf(name) + 1);
    }
  }
  const schemas = mappingAt(ctx.spec.data, output.schemaSection) ?? {};
  const codeEnum = schemas[withPrefix(output.prefix, 'ErrorCode')];
  if (order.length === 0 && isMapping(codeEnum) && Array.isArray(codeEnum['enum'])) {
    // One level: its values are the code enum's; its place, the path each entry fixes to one of them.
    const values = new Set(codeEnum['enum'] as unknown[]);
    const counts = new Map<string, number>();
    for (const e of entries) {
      const hit = fixedPaths(ctx, e.view).find((f) => values.has(f.value));
      if (hit) counts.set(hit.path.join('.'), (counts.get(hit.path.join('.')) ?? 0) + 1);
    }
    const field = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (field !== undefined) return [plainLevel(ctx, field.split('.').pop() as string, field, unknown, [...values].every((v) => typeof v === 'number'))];
    const located = entries.map((e) => e.schema['x-errcat-located']).find(isMapping);
    const [name, place] = located ? (Object.entries(located)[0] ?? []) : [];
    const location = isMapping(place) && typeof place['at'] === 'string' ? rawLocation(place['at']) : undefined;
    if (name !== undefined && location) return [{ name, ...location, optional: true, ...([...values].every((v) => typeof v === 'number') ? { type: 'integer' as const } : {}) }];
  }
  if (order.length === 0) {
    // No codes on the wire; a wrapper still needs a level, which errcat writes as an optional property.
    if (kind === 'flat' || kind === 'problem') return [];
    const name = [...unknown.properties.keys()].find((n) => CODE_NAMES.includes(n)) ?? 'code';
    const property = unknown.properties.get(name);
    const at = property && schemaAt(ctx, property.value, property.path);
    return [{ ...plainLevel(ctx, name, name, unknown, at?.schema['type'] === 'integer'), optional: true }];
  }
  const taken = new Set<string>();
  return order.map((name) => {
    const e = entries.find((x) => Object.hasOwn(x.pins, name)) as OwnEntry;
    const value = e.pins[name] as Code;
    const integer = typeof value === 'number';
    // The first path pinned to the value that no coarser level took (a code may equal its type's value).
    const plain = fixedPaths(ctx, e.view).find((f) => f.value === value && !taken.has(f.path.join('.')));
    if (plain) taken.add(plain.path.join('.'));
    const located = isMapping(e.schema['x-errcat-located']) ? e.schema['x-errcat-located'][name] : undefined;
    if (isMapping(located) && typeof located['at'] === 'string') {
      const location = rawLocation(located['at']);
      if (location) return { name, ...location, optional: true, ...(integer ? { type: 'integer' as const } : {}) };
    }
    if (plain) return plainLevel(ctx, name, plain.path.join('.'), unknown, integer);
    const contained = containedPath(ctx, e.view, value);
    if (contained) return { name, ...contained, optional: true, ...(integer ? { type: 'integer' as const } : {}) };
    ctx.report('import-guess', `Where the level \`${name}\` sits is not in the spec; the catalog reads it from \`${name}\`.`, e.path);
    return { name, field: name, optional: true, ...(integer ? { type: 'integer' as const } : {}) };
  });
}

/** A level at a property path; optional unless the unknown-error schema requires it all the way. */
export function plainLevel(ctx: ImportContext, name: string, field: string, unknown: ObjectView, integer: boolean): RawLevel {
  const level: RawLevel = { name, field };
  if (integer) level.type = 'integer';
  let view: ObjectView | undefined = unknown;
  let required = true;
  let description: unknown;
  for (const segment of field.split('.')) {
    const property: PropertyAt | undefined = view?.properties.get(segment);
    if (!property?.required) required = false;
    const at: SchemaAt | undefined = property && schemaAt(ctx, property.value, property.path);
    description = at?.schema['description'];
    view = at ? objectView(ctx, at) : undefined;
  }
  if (!required) level.optional = true;
  if (typeof description === 'string') level.description = description;
  return level;
}

/** An entry's value at the one level: where its schema pins it, or (a level no schema can pin) in its `x-errcat-located`. */
export function singleLevelValue(e: OwnEntry, level: RawLevel): Code | undefined {
  if (level.field === undefined || level.in !== undefined || level.chain !== undefined || level.pattern !== undefined || level.header !== undefined) {
    const located = isMapping(e.schema['x-errcat-located']) ? e.schema['x-errcat-located'][level.name] : undefined;
    const value = isMapping(located) ? located['value'] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? value : level.in !== undefined ? e.code : undefined;
  }
  let view: ObjectView | undefined = e.view;
  let value: Scalar | undefined;
  for (const segment of level.field.split('.')) {
    const property: PropertyAt | undefined = view?.properties.get(segment);
    const at: SchemaAt | undefined = isMapping(property?.value) ? { schema: property.value as SpecMapping, path: property.path } : undefined;
    if (!at) return undefined;
    value = fixedValue(at.schema);
    view = value === undefined ? objectViewOf(at) : undefined;
  }
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

const objectViewOf = (at: SchemaAt): ObjectView | undefined => {
  const properties = at.schema['properties'];
  if (!isMapping(properties)) return undefined;
  const required = new Set(Array.isArray(at.schema['required']) ? at.schema['required'] : []);
  return { properties: new Map(Object.entries(properties).map(([n, v]) => [n, { value: v, path: [...at.path, 'properties', n], required: required.has(n) }])), closed: false, parts: [at] };
};

/** The entry one level coarser that this one refines: the deepest coarser level it pins, and the entry there with that value. */
export function parentOf(e: OwnEntry, entries: readonly OwnEntry[], levels: readonly RawLevel[]): Code | undefined {
  if (e.level === undefined) return undefined;
  const index = levels.findIndex((l) => l.name === e.level);
  for (let i = index - 1; i >= 0; i--) {
    const name = levels[i]?.name as string;
    if (!Object.hasOwn(e.pins, name)) continue;
    const parent = entries.find((x) => x.level === name && x.pins[name] === e.pins[name]);
    return parent?.code;
  }
  return undefined;
}

/** The type suffix that names the most code schemas (as `entryTypeNames` makes them). */
export function commonSuffix(entries: readonly OwnEntry[], prefix: string): string {
  const candidates = new Set(['Error']);
  for (const e of entries) {
    const base = withPrefix(prefix, pascalName(e.code));
    if (e.schemaName.startsWith(base)) candidates.add(e.schemaName.slice(base.length));
  }
  const named = (suffix: string) => entries.filter((e) => entryTypeNames({ componentPrefix: prefix, typeSuffix: suffix }, pascalName(e.code)).component === e.schemaName).length;
  // The most names; on a tie, errcat's default, then the shortest (a name override adds to the end).
  return [...candidates].map((suffix) => ({ suffix, count: named(suffix) })).sort((a, b) => b.count - a.count || Number(b.suffix === 'Error') - Number(a.suffix === 'Error') || a.suffix.length - b.suffix.length)[0]?.suffix ?? 'Error';
}

