import type { FieldShape, NamedType } from '../model/catalog.js';
import { isStructuralName } from '../model/names.js';
import type { NormalizeContext } from './context.js';
import { normalizeShape, type ShapeScope } from './fields.js';
import type { RawFieldShape } from './raw.js';

/** The named types under `types`, each shape checked; a type that requires itself is reported. */
export function normalizeTypes(raw: Readonly<Record<string, RawFieldShape>>, ctx: NormalizeContext): { types: NamedType[]; scope: ShapeScope } {
  const scope: ShapeScope = { typeNames: Object.keys(raw) };
  const types = Object.entries(raw).map(([name, shape]) => {
    if (isStructuralName(name)) ctx.reportKey('name-collision', `\`${name}\` is a name errcat uses for its own types; rename this type.`, ['types', name]);
    return { name, shape: normalizeShape(shape, ctx, ['types', name], scope) };
  });
  const byName = new Map(types.map((t) => [t.name, t.shape]));
  for (const type of types) {
    const via = requiredCycle(type.name, type.shape, byName, new Set());
    if (via !== undefined) {
      ctx.reportKey('type-cycle', `\`${type.name}\` requires itself through \`${via}\`, so no finite value fits it; make that property optional or nullable.`, ['types', type.name]);
    }
  }
  return { types, scope };
}

/** The required, non-null property path by which a type contains itself, if any. */
function requiredCycle(target: string, shape: FieldShape, types: ReadonlyMap<string, FieldShape>, seen: Set<string>): string | undefined {
  if (shape.nullable) return undefined;
  if (shape.ref !== undefined) {
    if (shape.ref === target) return '';
    if (seen.has(shape.ref)) return undefined;
    seen.add(shape.ref);
    const next = types.get(shape.ref);
    return next === undefined ? undefined : requiredCycle(target, next, types, seen);
  }
  // A union can always take a member that does not recurse, unless every member does.
  if (shape.oneOf !== undefined) {
    const paths = shape.oneOf.map((m) => requiredCycle(target, m, types, new Set(seen)));
    return paths.every((p) => p !== undefined) ? paths[0] : undefined;
  }
  if (shape.type === 'array' && (shape.minItems ?? 0) > 0 && shape.items) return requiredCycle(target, shape.items, types, seen);
  for (const property of shape.properties ?? []) {
    if (!property.required) continue;
    const path = requiredCycle(target, property, types, seen);
    if (path !== undefined) return path === '' ? property.name : `${property.name}.${path}`;
  }
  return undefined;
}
