import type { Field, FieldShape, NamedType, PathSegment } from '../model/catalog.js';
import type { FindingKind } from './kinds.js';

/** One difference between two field lists, at a field path (`errors[].code`) and a catalog path relative to the list. */
export interface ShapeChange {
  kind: FindingKind;
  field: string;
  before: string;
  after: string;
  /** Relative to where the field list is declared: `[name, 'items', 'properties', 'code']`. */
  path: readonly PathSegment[];
}

interface Scope {
  oldTypes: readonly NamedType[];
  newTypes: readonly NamedType[];
  /** Pairs of named types already being compared: recursion stops there. */
  seen: Set<string>;
}

/** Shapes with their references followed (a renamed named type is no change). */
function deref(shape: FieldShape, types: readonly NamedType[]): FieldShape {
  let current = shape;
  for (let i = 0; current.ref !== undefined && i < 32; i++) {
    const type = types.find((t) => t.name === current.ref);
    if (!type) break;
    current = { ...type.shape, nullable: type.shape.nullable || current.nullable };
  }
  return current;
}

/** The shape's kind in words: `string`, `array of integer`, `one of (string, object)`, `any`. */
export function describeType(shape: FieldShape, types: readonly NamedType[], depth = 0): string {
  const s = deref(shape, types);
  if (s.oneOf !== undefined) return depth > 2 ? 'a union' : `one of (${s.oneOf.map((m) => describeType(m, types, depth + 1)).join(', ')})`;
  if (s.type === 'array') return s.items && depth <= 2 ? `array of ${describeType(s.items, types, depth + 1)}` : 'array';
  if (s.type === 'object' && typeof s.additionalProperties === 'object' && depth <= 2) return `map of ${describeType(s.additionalProperties, types, depth + 1)}`;
  return s.type ?? 'any';
}

/** What kind of value a shape is, ignoring its details: where two differ, the type changed. */
function kindOf(shape: FieldShape): string {
  if (shape.oneOf !== undefined) return `oneOf/${shape.oneOf.length}`;
  if (shape.type === 'object' && typeof shape.additionalProperties === 'object') return 'map';
  return shape.type ?? 'any';
}

const CONSTRAINTS = ['format', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

function constraints(shape: FieldShape): string {
  const parts: string[] = [];
  for (const key of CONSTRAINTS) if (shape[key] !== undefined) parts.push(`${key} ${JSON.stringify(shape[key])}`);
  if (shape.type === 'object' && shape.additionalProperties === false) parts.push('closed');
  if (shape.discriminator !== undefined) parts.push(`discriminator ${shape.discriminator}`);
  return parts.length === 0 ? '(none)' : parts.join(', ');
}

/** The values a shape admits when it lists them (enum, or closed codes); undefined when open. */
function values(shape: FieldShape): (string | number)[] | undefined {
  if (shape.codes !== undefined) return shape.extensible ? undefined : shape.codes.map((c) => c.value);
  return shape.enum === undefined ? undefined : [...shape.enum];
}

const quote = (vs: readonly (string | number)[]) => vs.map((v) => JSON.stringify(v)).join(', ');

/** Fields by name: gone, new, and for the others their requiredness and shape. */
export function compareFieldLists(before: readonly Field[], after: readonly Field[], scope: Omit<Scope, 'seen'>, prefix = '', seen = new Set<string>()): ShapeChange[] {
  const changes: ShapeChange[] = [];
  const full = { ...scope, seen };
  for (const a of before) {
    if (!after.some((b) => b.name === a.name)) changes.push({ kind: 'field-removed', field: prefix + a.name, before: describeType(a, scope.oldTypes), after: '', path: [a.name] });
  }
  for (const b of after) {
    const a = before.find((f) => f.name === b.name);
    const field = prefix + b.name;
    if (!a) {
      changes.push({ kind: b.required ? 'field-added-required' : 'field-added-optional', field, before: '', after: describeType(b, scope.newTypes), path: [b.name] });
      continue;
    }
    if (a.required && !b.required) changes.push({ kind: 'field-made-optional', field, before: '', after: '', path: [b.name] });
    if (!a.required && b.required) changes.push({ kind: 'field-made-required', field, before: '', after: '', path: [b.name] });
    changes.push(...compareShapes(a, b, field, [b.name], full));
  }
  return changes;
}

function compareShapes(rawA: FieldShape, rawB: FieldShape, field: string, path: readonly PathSegment[], scope: Scope): ShapeChange[] {
  const pair = `${rawA.ref ?? ''}|${rawB.ref ?? ''}`;
  if (rawA.ref !== undefined && rawB.ref !== undefined) {
    if (scope.seen.has(pair)) return [];
    scope.seen.add(pair);
  }
  const a = deref(rawA, scope.oldTypes);
  const b = deref(rawB, scope.newTypes);
  const change = (kind: FindingKind, before = '', after = '', at = path): ShapeChange => ({ kind, field, before, after, path: at });
  if (kindOf(a) !== kindOf(b)) return [change('field-type-changed', describeType(a, scope.oldTypes), describeType(b, scope.newTypes))];
  const changes: ShapeChange[] = [];
  // `any` takes null already: its nullable says nothing.
  const nullable = (s: FieldShape) => s.nullable && kindOf(s) !== 'any';
  if (!nullable(a) && nullable(b)) changes.push(change('field-made-nullable'));
  if (nullable(a) && !nullable(b)) changes.push(change('field-made-non-nullable'));
  const va = values(a);
  const vb = values(b);
  if (va !== undefined || vb !== undefined) {
    if (vb === undefined) changes.push(change('field-values-added', '', 'any value'));
    else if (va === undefined) changes.push(change('field-values-removed', 'values outside the list', ''));
    else {
      const added = vb.filter((v) => !va.includes(v));
      const removed = va.filter((v) => !vb.includes(v));
      if (added.length > 0) changes.push(change('field-values-added', '', quote(added)));
      if (removed.length > 0) changes.push(change('field-values-removed', quote(removed), ''));
    }
  }
  if (constraints(a) !== constraints(b)) changes.push(change('field-constraint-changed', constraints(a), constraints(b)));
  if (a.items && b.items) changes.push(...compareShapes(a.items, b.items, `${field}[]`, [...path, 'items'], scope));
  if (typeof a.additionalProperties === 'object' && typeof b.additionalProperties === 'object') {
    changes.push(...compareShapes(a.additionalProperties, b.additionalProperties, `${field}{}`, [...path, 'additionalProperties'], scope));
  }
  if (a.properties || b.properties) {
    const nested = compareFieldLists(a.properties ?? [], b.properties ?? [], scope, `${field}.`, scope.seen);
    changes.push(...nested.map((c) => ({ ...c, path: [...path, 'properties', ...c.path] })));
  }
  a.oneOf?.forEach((member, i) => {
    const other = b.oneOf?.[i];
    if (other) changes.push(...compareShapes(member, other, `${field}|${i + 1}`, [...path, 'oneOf', i], scope));
  });
  return changes;
}
