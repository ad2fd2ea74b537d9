import { isMapping, type SpecMapping } from '../merge/spec-data.js';
import { isStructuralName } from '../model/names.js';
import { pascalName } from '../model/naming.js';
import type { RawField, RawFieldShape } from '../normalize/raw.js';
import type { ImportContext } from './context.js';
import { fixedValue, isArraySchema, isNullSchema, isObjectSchema, objectView, schemaAt, typesOf, unionMembers, type SchemaAt } from './schema.js';
import type { SpecPath } from './spec.js';

const SCALARS = ['string', 'integer', 'number', 'boolean'] as const;
const CONSTRAINTS = ['format', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;
const CONSTRAINT_TYPES: Record<(typeof CONSTRAINTS)[number], readonly string[]> = {
  format: ['string'],
  pattern: ['string'],
  minLength: ['string'],
  maxLength: ['string'],
  minimum: ['integer', 'number'],
  maximum: ['integer', 'number'],
  minItems: ['array'],
  maxItems: ['array'],
};
/** Deeper than this, a value is `any`: error bodies are shallow, and specs can nest without end. */
const MAX_DEPTH = 12;
/**
 * The most shapes one field may be made of (its size is the same when errcat's own output of it
 * is read back). An error field that embeds a whole resource
 * (Stripe's `payment_intent`) is kept as its type and description: the resource is the API's
 * business, not the error contract's.
 */
export const BUDGET = 200;
/** The most schemas read for one field before giving up on it: reading a resource graph costs time. */
const READ_LIMIT = 4 * BUDGET;

/**
 * Reads spec schemas as catalog field shapes. A schema reached again while it is being read
 * (recursion) becomes a named type under `types`; every other `$ref` is read inline, since the
 * catalog compares shapes, not names.
 */
export class ShapeReader {
  /** Named types, by the spec path of the schema they stand for. */
  readonly types = new Map<string, { name: string; shape: RawFieldShape }>();
  private readonly reading: string[] = [];
  private readonly recursive = new Map<string, string>();
  private budget = BUDGET;

  constructor(
    private readonly ctx: ImportContext,
    /** Component names start with it in errcat's own output; type names do not. */
    private readonly prefix = '',
  ) {}

  /** A property as a catalog field: its shape, and whether every error carries it. */
  field(value: unknown, path: SpecPath, required: boolean): RawField {
    const shape = this.shape(value, path);
    return required ? { ...shape, required: true } : shape;
  }

  /** A field's shape, or just its type and description when it takes more than the budget to say. */
  shape(value: unknown, path: SpecPath): RawFieldShape {
    this.budget = READ_LIMIT;
    const before = new Set(this.types.keys());
    const shape = this.node(value, path, 0);
    if (this.budget >= 0 && shapeSize(shape) <= BUDGET) return shape;
    for (const key of this.types.keys()) if (!before.has(key)) this.types.delete(key);
    for (const key of this.recursive.keys()) if (!before.has(key)) this.recursive.delete(key);
    const at = schemaAt(this.ctx, value, path);
    const { types, nullable } = at ? typesOf(at.schema) : { types: [], nullable: false };
    const type: NonNullable<RawFieldShape['type']> = types.length === 1 && ['string', 'integer', 'number', 'boolean', 'object', 'array'].includes(types[0] as string) ? (types[0] as NonNullable<RawFieldShape['type']>) : at && isObjectSchema(at.schema) ? 'object' : 'any';
    this.ctx.report('import-schema-approximated', `This schema takes more than ${BUDGET} parts to describe; the catalog keeps its type and description.`, at?.path ?? path);
    return at ? described(at.schema, { type, ...(nullable ? { nullable: true } : {}) }, false) : { type: 'any' };
  }

  private node(value: unknown, path: SpecPath, depth: number): RawFieldShape {
    if (--this.budget < 0) return { type: 'any' };
    const at = schemaAt(this.ctx, value, path);
    if (!at) return { type: 'any' };
    if (depth > MAX_DEPTH) {
      this.ctx.report('import-schema-approximated', `This schema nests deeper than ${MAX_DEPTH} levels; below that, the catalog accepts any value.`, at.path);
      return { type: 'any' };
    }
    const key = at.path.join('\u0000');
    if (at.name !== undefined && this.reading.includes(key)) return { ref: this.typeName(key, at.name) };
    this.reading.push(key);
    const shape = this.read(at, depth);
    this.reading.pop();
    const name = this.recursive.get(key);
    if (name === undefined) return shape;
    if (!this.types.has(key)) this.types.set(key, { name, shape });
    return { ref: name };
  }

  private nested(value: unknown, path: SpecPath, required: boolean, depth: number): RawField {
    const shape = this.node(value, path, depth);
    return required ? { ...shape, required: true } : shape;
  }

  private typeName(key: string, component: string): string {
    let name = this.recursive.get(key);
    if (name !== undefined) return name;
    const stem = pascalName(component.startsWith(this.prefix) ? component.slice(this.prefix.length) || component : component);
    // errcat's own names (`ApiError`, `Status404Error`) are not the catalog's to give.
    const base = isStructuralName(stem) ? `${stem}Type` : stem;
    const taken = new Set(this.recursive.values());
    name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    this.recursive.set(key, name);
    return name;
  }

  private read(at: SchemaAt, depth: number): RawFieldShape {
    const { schema } = at;
    const union = unionMembers(this.ctx, at);
    if (union) {
      if (union.keyword.includes('anyOf') && union.members.length > 1) {
        this.ctx.report('import-schema-approximated', '`anyOf` becomes a union whose members the catalog tells apart as `oneOf`.', [...at.path, union.keyword]);
      }
      // Each member as written (maybe a `$ref`), so that recursion through a union is seen.
      const written = at.schema[union.keyword] as unknown[];
      const members = written.flatMap((m, i) => (isNullSchema(m) || !isMapping(m) ? [] : [this.node(m, [...at.path, union.keyword, String(i)], depth + 1)]));
      const base: RawFieldShape = members.length >= 2 ? { oneOf: members as [RawFieldShape, RawFieldShape, ...RawFieldShape[]] } : (members[0] ?? { type: 'any' });
      const discriminator = discriminatorOf(schema);
      return described(schema, { ...base, ...(union.nullable || typesOf(schema).nullable ? { nullable: true } : {}), ...(discriminator && members.length >= 2 ? { discriminator } : {}) });
    }
    const { types, nullable } = typesOf(schema);
    const shape: RawFieldShape = {};
    const known = types.filter((t): t is (typeof SCALARS)[number] | 'object' | 'array' => (SCALARS as readonly string[]).includes(t) || t === 'object' || t === 'array');
    if (known.length > 1) {
      // `type: [string, integer]`: a union of the types.
      const members = known.map((t) => this.read({ ...at, schema: { ...schema, type: t, nullable: false } }, depth + 1));
      return described(schema, { oneOf: members as [RawFieldShape, RawFieldShape, ...RawFieldShape[]], ...(nullable ? { nullable: true } : {}) });
    }
    shape.type = known[0] ?? (isObjectSchema(schema) ? 'object' : isArraySchema(schema) ? 'array' : enumType(schema) ?? 'any');
    // `any` takes null already.
    if (nullable && shape.type !== 'any') shape.nullable = true;
    // Listed values where the type takes them, each of the type.
    const fits = (v: string | number) => (shape.type === 'string' ? typeof v === 'string' : shape.type === 'integer' ? Number.isInteger(v) : shape.type === 'number' ? typeof v === 'number' : false);
    const codes = documentedCodes(schema, fits);
    if (codes) Object.assign(shape, codes);
    else {
      const values = enumValues(schema);
      if (values?.nullable) shape.nullable = true;
      const kept = values?.values.filter(fits) ?? [];
      if (kept.length > 0) shape.enum = kept as [string | number, ...(string | number)[]];
    }
    // Each constraint where the catalog allows it: `format`, `pattern` and lengths on strings, bounds on numbers, item counts on arrays.
    for (const key of CONSTRAINTS) {
      const v = schema[key];
      const usable = key === 'format' ? typeof v === 'string' : key === 'pattern' ? typeof v === 'string' && compiles(v) : key === 'minimum' || key === 'maximum' ? typeof v === 'number' && Number.isFinite(v) : Number.isSafeInteger(v) && (v as number) >= 0;
      if (usable && CONSTRAINT_TYPES[key].includes(shape.type as string)) Object.assign(shape, { [key]: v });
      else if (key === 'pattern' && typeof v === 'string' && !compiles(v)) this.ctx.report('import-schema-approximated', 'This `pattern` is not an ECMAScript regular expression (u mode); the catalog leaves it out.', [...at.path, 'pattern']);
    }
    if (shape.type === 'array' && schema['items'] !== undefined && !Array.isArray(schema['items'])) shape.items = this.node(schema['items'], [...at.path, 'items'], depth + 1);
    if (shape.type === 'object') {
      const view = objectView(this.ctx, at);
      if (view.properties.size > 0) {
        shape.properties = {};
        for (const [name, p] of view.properties) Object.defineProperty(shape.properties, name, { value: this.nested(p.value, p.path, p.required, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      if (view.closed) shape.additionalProperties = false;
      else if (view.additional) shape.additionalProperties = this.node(view.additional.value, view.additional.path, depth + 1);
    }
    for (const keyword of ['not', 'patternProperties', 'prefixItems', 'if', 'dependentSchemas', 'propertyNames']) {
      if (schema[keyword] !== undefined) this.ctx.report('import-schema-approximated', `The catalog language has no \`${keyword}\`; the field accepts what the rest of its schema allows.`, [...at.path, keyword]);
    }
    return described(schema, shape);
  }
}

/** The description and example a schema states, added to a shape. */
function described(schema: SpecMapping, shape: RawFieldShape, withExample = true): RawFieldShape {
  const result = { ...shape };
  if (typeof schema['description'] === 'string' && schema['description'] !== '') result.description = schema['description'];
  if (!withExample) return result;
  const examples = schema['examples'];
  const example = schema['example'] !== undefined ? schema['example'] : Array.isArray(examples) ? examples[0] : undefined;
  if (example !== undefined && example !== null) result.example = example;
  return result;
}

function discriminatorOf(schema: SpecMapping): string | undefined {
  const d = schema['discriminator'];
  if (isMapping(d) && typeof d['propertyName'] === 'string') return d['propertyName'];
  if (typeof d === 'string') return d;
  const x = schema['x-errcat-discriminator'];
  return typeof x === 'string' ? x : undefined;
}

/** A schema's `enum` as the catalog allows it: strings and numbers; `null` makes it nullable. */
function enumValues(schema: SpecMapping): { values: (string | number)[]; nullable: boolean } | undefined {
  const fixed = schema['const'];
  const list = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : fixed !== undefined ? [fixed] : undefined;
  if (!list) return undefined;
  return { values: [...new Set(list.filter((v): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))))], nullable: list.includes(null) };
}

function enumType(schema: SpecMapping): RawFieldShape['type'] | undefined {
  const values = enumValues(schema)?.values;
  if (!values || values.length === 0) return fixedValue(schema) === undefined ? undefined : typeof fixedValue(schema) === 'boolean' ? 'boolean' : undefined;
  if (values.every((v) => typeof v === 'string')) return 'string';
  if (values.every((v) => Number.isInteger(v))) return 'integer';
  return values.every((v) => typeof v === 'number') ? 'number' : undefined;
}

const compiles = (pattern: string) => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

/** errcat's own item codes (`x-errcat-codes`, `x-extensible-enum`) with their descriptions. */
function documentedCodes(schema: SpecMapping, fits: (v: string | number) => boolean): Pick<RawFieldShape, 'codes' | 'extensible'> | undefined {
  const closed = schema['x-errcat-codes'];
  const open = schema['x-extensible-enum'];
  const list = Array.isArray(closed) ? closed : Array.isArray(open) ? open : undefined;
  const values = list?.filter((v): v is string | number => (typeof v === 'string' || typeof v === 'number') && fits(v));
  if (!values || values.length === 0) return undefined;
  const descriptions = Array.isArray(schema['x-enum-descriptions']) ? (schema['x-enum-descriptions'] as unknown[]) : undefined;
  const extensible = Array.isArray(open) && !Array.isArray(closed) ? { extensible: true } : {};
  // The mapping form reads digit keys as integers, so string codes made of digits stay a list.
  if (descriptions && values.every((v) => typeof v === 'string' && !/^-?\d+$/.test(v))) {
    const map: Record<string, string | null> = {};
    values.forEach((v, i) => {
      const d = descriptions[i];
      Object.defineProperty(map, String(v), { value: typeof d === 'string' && d !== '' ? d : null, enumerable: true, writable: true, configurable: true });
    });
    return { codes: map, ...extensible };
  }
  return { codes: values as [string | number, ...(string | number)[]], ...extensible };
}

/** How many shapes a shape is made of: what the budget counts. */
export function shapeSize(shape: RawFieldShape): number {
  const inner = [shape.items, typeof shape.additionalProperties === 'object' ? shape.additionalProperties : undefined, ...(shape.oneOf ?? []), ...Object.values(shape.properties ?? {})];
  return 1 + inner.reduce((n, s) => n + (s ? shapeSize(s) : 0), 0);
}
