import { isMapping, type SpecMapping } from '../merge/spec-data.js';
import type { ImportContext } from './context.js';
import type { SpecPath } from './spec.js';

/** A schema object of the spec with where it is, and the component name it was reached through. */
export interface SchemaAt {
  schema: SpecMapping;
  path: SpecPath;
  /** The component (`#/components/schemas/<name>`) a `$ref` led to. */
  name?: string;
}

/** Follows `$ref`s to a schema object; an unresolvable one is reported (once) and gives undefined. */
export function schemaAt(ctx: ImportContext, value: unknown, path: SpecPath): SchemaAt | undefined {
  const ref = isMapping(value) ? value['$ref'] : undefined;
  const followed = ctx.spec.follow(value, path);
  if (followed.unresolved !== undefined) {
    ctx.report('import-unresolved-ref', `\`${followed.unresolved}\` leads outside this document or to nothing, so import cannot read it; bundle the spec into one file (e.g. \`redocly bundle\`) and import again.`, followed.path);
    return undefined;
  }
  if (!isMapping(followed.value)) return undefined;
  const name = typeof ref === 'string' ? followed.path[followed.path.length - 1] : undefined;
  return { schema: followed.value, path: followed.path, ...(name !== undefined ? { name } : {}) };
}

/** The JSON types a schema names (`type: [string, "null"]` in 3.1, `nullable`/`x-nullable` before), `null` apart. */
export function typesOf(schema: SpecMapping): { types: string[]; nullable: boolean } {
  const raw = schema['type'];
  const list = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : typeof raw === 'string' ? [raw] : [];
  const nullable = list.includes('null') || schema['nullable'] === true || schema['x-nullable'] === true;
  return { types: list.filter((t) => t !== 'null'), nullable };
}

/** `{type: null}` (or `enum: [null]`): a union member that only makes the union nullable. */
export const isNullSchema = (value: unknown) => isMapping(value) && (value['type'] === 'null' || (Array.isArray(value['enum']) && value['enum'].length === 1 && value['enum'][0] === null));

/** The members of a union (`oneOf`, `anyOf`, Swagger 2.0 `x-oneOf`/`x-anyOf`), null members apart; undefined when not a union. */
export function unionMembers(ctx: ImportContext, at: SchemaAt): { members: SchemaAt[]; nullable: boolean; keyword: string } | undefined {
  for (const keyword of ['oneOf', 'anyOf', 'x-oneOf', 'x-anyOf']) {
    const list = at.schema[keyword];
    if (!Array.isArray(list)) continue;
    const members = list
      .map((m, i) => (isNullSchema(m) ? undefined : schemaAt(ctx, m, [...at.path, keyword, String(i)])))
      .filter((m): m is SchemaAt => m !== undefined);
    return { members, nullable: list.some(isNullSchema), keyword };
  }
  return undefined;
}

/** One property of an object schema, as written (not yet followed). */
export interface PropertyAt {
  value: unknown;
  path: SpecPath;
  required: boolean;
}

/** An object schema's properties, `allOf` members merged in; `additionalProperties: false` on any part closes it. */
export interface ObjectView {
  properties: Map<string, PropertyAt>;
  closed: boolean;
  additional?: { value: unknown; path: SpecPath };
  /** The parts it was merged from, itself first. */
  parts: SchemaAt[];
}

export function objectView(ctx: ImportContext, at: SchemaAt, depth = 0): ObjectView {
  const view: ObjectView = { properties: new Map(), closed: false, parts: [at] };
  const required = new Set(Array.isArray(at.schema['required']) ? at.schema['required'].filter((r): r is string => typeof r === 'string') : []);
  const properties = at.schema['properties'];
  if (isMapping(properties)) {
    for (const [name, value] of Object.entries(properties)) view.properties.set(name, { value, path: [...at.path, 'properties', name], required: required.has(name) });
  }
  const additional = at.schema['additionalProperties'];
  if (additional === false) view.closed = true;
  else if (isMapping(additional)) view.additional = { value: additional, path: [...at.path, 'additionalProperties'] };
  const allOf = at.schema['allOf'];
  if (Array.isArray(allOf) && depth < 8) {
    allOf.forEach((member, i) => {
      const part = schemaAt(ctx, member, [...at.path, 'allOf', String(i)]);
      if (!part) return;
      const inner = objectView(ctx, part, depth + 1);
      view.parts.push(...inner.parts);
      for (const [name, p] of inner.properties) {
        const mine = view.properties.get(name);
        if (!mine) view.properties.set(name, { ...p, required: p.required || required.has(name) });
        else {
          // A later part refines the property (`allOf: [Error, { properties: { code: { enum } } }]`): its keywords win.
          const base = schemaAt(ctx, mine.value, mine.path);
          const refined = schemaAt(ctx, p.value, p.path);
          if (base && refined) view.properties.set(name, { value: { ...base.schema, ...refined.schema }, path: p.path, required: mine.required || p.required });
          else if (p.required) mine.required = true;
        }
      }
      view.closed ||= inner.closed;
      if (!view.additional && inner.additional) view.additional = inner.additional;
    });
  }
  return view;
}

/** Whether a schema describes an object (by type, or by having properties). */
export function isObjectSchema(schema: SpecMapping): boolean {
  const { types } = typesOf(schema);
  return types.includes('object') || (types.length === 0 && (isMapping(schema['properties']) || Array.isArray(schema['allOf'])));
}

/** Whether a schema describes an array. */
export function isArraySchema(schema: SpecMapping): boolean {
  const { types } = typesOf(schema);
  return types.includes('array') || (types.length === 0 && schema['items'] !== undefined);
}

/** A scalar a schema fixes: `const`, or a one-value `enum` (OpenAPI 3.0's const). */
export function fixedValue(schema: SpecMapping): string | number | boolean | undefined {
  const c = schema['const'];
  if (typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean') return c;
  const e = schema['enum'];
  if (Array.isArray(e) && e.length === 1 && (typeof e[0] === 'string' || typeof e[0] === 'number' || typeof e[0] === 'boolean')) return e[0];
  return undefined;
}
