import type { BodyLocator, Catalog, Field, FieldShape, JsonValue } from './catalog.js';
import { sampleValue } from './examples.js';
import { defineOwn } from './own.js';

/** A shape with its reference followed: the named type's shape. */
function resolved(catalog: Pick<Catalog, 'types'>, shape: FieldShape): FieldShape {
  return shape.ref === undefined ? shape : (catalog.types.find((t) => t.name === shape.ref)?.shape ?? shape);
}

/** The item shape of the array at `path` that `where` selects: the union member whose constants match, or the one item shape. */
export function selectedItemShape(catalog: Pick<Catalog, 'types'>, fields: readonly Field[], path: readonly string[], where: Readonly<Record<string, JsonValue>>): FieldShape | undefined {
  const field = path.length === 1 ? fields.find((f) => f.name === path[0]) : undefined;
  const items = field?.items;
  if (!items) return undefined;
  const members = (resolved(catalog, items).oneOf ?? [items]).map((m) => resolved(catalog, m));
  return members.find((shape) =>
    Object.entries(where).every(([name, value]) => {
      const property = shape.properties?.find((p) => p.name === name);
      const pinned = property?.codes?.map((c) => c.value) ?? property?.enum;
      return pinned === undefined || pinned.includes(value as string | number);
    }),
  );
}

/**
 * Where a pinned level inside an array item or at the end of a chain is written when nothing is
 * there yet: a sample of the selected item (with its `where` properties), or of the chain's
 * object, that the level's value then goes into.
 */
export function levelContainerSample(catalog: Pick<Catalog, 'types'>, fields: readonly Field[], at: BodyLocator): JsonValue {
  const sample = (shape: FieldShape | undefined): Record<string, JsonValue> => {
    const value = shape === undefined ? {} : sampleValue(shape, catalog.types);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  };
  if (at.items) {
    const item = sample(selectedItemShape(catalog, fields, at.items.path, at.items.where));
    for (const [name, value] of Object.entries(at.items.where)) defineOwn(item, name, value);
    return item;
  }
  const chain = at.chain === undefined ? undefined : fields.find((f) => f.name === at.chain);
  return sample(chain === undefined ? undefined : resolved(catalog, chain));
}
