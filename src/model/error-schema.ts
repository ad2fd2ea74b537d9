import type { Catalog, CodeLevel, Entry, Field, FieldShape, JsonValue } from './catalog.js';
import { isPinnable } from './locators.js';
import { defineOwn } from './own.js';
import { fieldsOf } from './values.js';

/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

/** How a schema refers to a named type: a `$ref` for OpenAPI and validators, a marker for the TypeScript emitter. */
export type RefTo = (typeName: string) => JsonSchema;

/**
 * The JSON Schemas of a catalog's error objects and bodies: one source for the OpenAPI
 * components, the validation of examples, and the TypeScript types and guards.
 */
export class ErrorSchemas {
  constructor(
    readonly catalog: Catalog,
    readonly ref: RefTo,
  ) {}

  /** The JSON Schema of one shape; `nullable` becomes a type array. */
  shape(shape: FieldShape): JsonSchema {
    const schema: JsonSchema = {};
    if (shape.ref !== undefined) {
      const ref = this.ref(shape.ref);
      // 3.1 lets a reference carry its own description (3.0 drops it on the way down).
      const described = (schema: JsonSchema) => (shape.description === undefined ? schema : { ...schema, description: shape.description });
      return described(shape.nullable ? { anyOf: [ref, { type: 'null' }] } : ref);
    }
    if (shape.oneOf !== undefined) {
      const members = shape.oneOf.map((m) => this.shape(m));
      schema['oneOf'] = shape.nullable ? [...members, { type: 'null' }] : members;
      if (shape.discriminator !== undefined) {
        schema['x-errcat-discriminator'] = shape.discriminator;
        const mapping = this.discriminatorMapping(shape.oneOf, shape.discriminator);
        if (mapping) schema['discriminator'] = { propertyName: shape.discriminator, mapping };
      }
    } else if (shape.type !== undefined && shape.type !== 'any') {
      schema['type'] = shape.nullable ? [shape.type, 'null'] : shape.type;
    }
    if (shape.description !== undefined) schema['description'] = shape.description;
    if (shape.format !== undefined) schema['format'] = shape.format;
    const values = shape.codes?.map((c) => c.value) ?? shape.enum;
    if (values !== undefined && !shape.extensible) schema['enum'] = shape.nullable ? [...values, null] : [...values];
    if (shape.codes !== undefined) {
      schema[shape.extensible ? 'x-extensible-enum' : 'x-errcat-codes'] = shape.codes.map((c) => c.value);
      if (shape.codes.some((c) => c.description !== undefined)) schema['x-enum-descriptions'] = shape.codes.map((c) => c.description ?? '');
    }
    for (const key of ['pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
      if (shape[key] !== undefined) schema[key] = shape[key];
    }
    if (shape.items !== undefined) schema['items'] = this.shape(shape.items);
    if (shape.properties !== undefined) {
      const properties: Record<string, JsonSchema> = {};
      for (const p of shape.properties) defineOwn(properties, p.name, this.shape(p));
      schema['properties'] = properties;
      const required = shape.properties.filter((p) => p.required).map((p) => p.name);
      if (required.length > 0) schema['required'] = required;
    }
    if (shape.type === 'object' && shape.additionalProperties !== undefined) {
      schema['additionalProperties'] = typeof shape.additionalProperties === 'boolean' ? shape.additionalProperties : this.shape(shape.additionalProperties);
    }
    if (shape.example !== undefined) schema['examples'] = [shape.example];
    return schema;
  }

  /**
   * OpenAPI's discriminator mapping, when every member is a named type that fixes the
   * property to one value (tools read it; validators and guards go by `x-errcat-discriminator`).
   */
  private discriminatorMapping(members: readonly FieldShape[], property: string): Record<string, string> | undefined {
    const mapping: Record<string, string> = {};
    for (const member of members) {
      const type = member.ref === undefined ? undefined : this.catalog.types.find((t) => t.name === member.ref);
      const values = type?.shape.properties?.find((p) => p.name === property)?.enum;
      const ref = type === undefined ? undefined : this.ref(type.name)['$ref'];
      if (values?.length !== 1 || typeof ref !== 'string') return undefined;
      defineOwn(mapping, String(values[0]), ref);
    }
    return mapping;
  }

  /** A field's schema for one entry: computed values become `const` (or `enum` over several statuses). */
  field(field: Field, entry: Entry | undefined, status?: number): JsonSchema {
    const schema = this.shape(field);
    const values = entry ? computedValues(field, entry, status) : undefined;
    if (values === undefined) return schema;
    const pinned: JsonSchema = { ...schema };
    delete pinned['enum'];
    delete pinned['x-errcat-codes'];
    delete pinned['x-extensible-enum'];
    delete pinned['x-enum-descriptions'];
    return values.length === 1 ? { ...pinned, const: values[0] as JsonValue } : { ...pinned, enum: values };
  }

  /**
   * The error object of one entry (at one status, when given: computed values pinned to it) —
   * or, without an entry, of any error the envelope allows (statuses with no code of their own,
   * and "some other code").
   */
  errorObject(entry?: Entry, status?: number): JsonSchema {
    const { envelope } = this.catalog;
    const object = new ObjectBuilder(envelope.additionalProperties);
    const pins = entry?.pins ?? {};
    const { message, errorWhen } = envelope;
    if (errorWhen) object.set([errorWhen.name], { const: errorWhen.value }, true);
    const fieldNames = new Set(fieldsOf(this.catalog, entry).map((f) => f.name));
    for (const level of envelope.levels) {
      const value = Object.hasOwn(pins, level.name) ? pins[level.name] : undefined;
      if (level.at.source !== 'body') continue;
      // A codeless entry's body may carry any code, or none.
      const optional = level.optional || (entry !== undefined && entry.level === undefined);
      if (!isPinnable(level.at)) {
        // A code read through a pattern is a string property, unless a declared field says more.
        const head = level.at.path[0];
        if (level.at.pattern !== undefined && !level.at.items && level.at.chain === undefined && head !== undefined && !fieldNames.has(head)) {
          object.set(level.at.path, { type: 'string' }, !optional);
        }
        continue;
      }
      if (level.at.items) {
        if (value !== undefined) object.contains(level.at.items.path, itemSchema(level, value));
        continue;
      }
      object.set(level.at.path, levelSchema(level, value), value !== undefined || !optional);
    }
    if (message) {
      const schema: JsonSchema = { type: 'string' };
      if (message.description !== undefined) schema['description'] = message.description;
      object.set([message.name], schema, message.required);
    }
    for (const field of fieldsOf(this.catalog, entry)) object.set([field.name], this.field(field, entry, status), field.required);
    return object.build();
  }

  /** Wraps an error-object schema in the envelope: the schema of the whole body. */
  body(errorObject: JsonSchema, listItems?: JsonSchema): JsonSchema {
    const { envelope } = this.catalog;
    if (envelope.kind === 'array') return { type: 'array', minItems: 1, items: listItems ?? errorObject };
    const key = envelope.key;
    if (key === undefined) return errorObject;
    const inner = envelope.kind === 'list' ? { type: 'array', minItems: 1, items: listItems ?? errorObject } : errorObject;
    const schema: JsonSchema = { type: 'object', properties: defineOwn({}, key, inner), required: [key] };
    if (!envelope.additionalProperties) schema['additionalProperties'] = false;
    return schema;
  }

  /**
   * The whole body of one entry at one status, for validating its examples. A list body may mix
   * errors, so it must contain this entry's error and may hold any other.
   */
  entryBody(entry: Entry, status: number): JsonSchema {
    const own = this.errorObject(entry, status);
    const { envelope } = this.catalog;
    if (envelope.kind !== 'list' && envelope.kind !== 'array') return this.body(own);
    const anyError = { anyOf: [this.errorObject(), ...this.catalog.entries.map((e) => this.errorObject(e))] };
    const body = this.body(own, anyError);
    if (envelope.kind === 'array') return { ...body, contains: own };
    const key = envelope.key as string;
    const properties = body['properties'] as Record<string, JsonSchema>;
    defineOwn(properties, key, { ...properties[key], contains: own });
    return body;
  }
}

/** The distinct values a computed field takes over an entry's statuses (or at one); undefined for a free field. */
function computedValues(field: Field, entry: Entry, status?: number): JsonValue[] | undefined {
  const values: JsonValue[] = [];
  for (const response of entry.responses) {
    if (status !== undefined && response.status !== status) continue;
    if (!Object.hasOwn(response.values, field.name)) return undefined;
    const v = response.values[field.name] as JsonValue;
    if (!values.some((x) => JSON.stringify(x) === JSON.stringify(v))) values.push(v);
  }
  return values.length === 0 ? undefined : values;
}

function levelSchema(level: CodeLevel, value: string | number | undefined): JsonSchema {
  const schema: JsonSchema = { type: level.type };
  if (level.description !== undefined) schema['description'] = level.description;
  if (value !== undefined) schema['const'] = value;
  return schema;
}

/** The array item that carries a pinned level: the `where` properties and the value. */
function itemSchema(level: CodeLevel, value: string | number): JsonSchema {
  const at = level.at as Extract<CodeLevel['at'], { source: 'body' }>;
  const item = new ObjectBuilder(true);
  for (const [name, expected] of Object.entries(at.items?.where ?? {})) item.set([name], { const: expected }, true);
  item.set(at.path, levelSchema(level, value), true);
  return item.build();
}

/**
 * An object schema assembled from properties at paths: nested objects are made on the way, and
 * an array that must contain an item gets `contains` (merged into its declared schema).
 */
class ObjectBuilder {
  private readonly properties = new Map<string, JsonSchema | ObjectBuilder>();
  private readonly required = new Set<string>();
  private readonly containing: { path: readonly string[]; item: JsonSchema }[] = [];

  constructor(private readonly open: boolean) {}

  set(path: readonly string[], schema: JsonSchema, required: boolean): void {
    const [head, ...rest] = path;
    if (head === undefined) return;
    if (required) this.required.add(head);
    if (rest.length === 0) {
      this.properties.set(head, schema);
      return;
    }
    let child = this.properties.get(head);
    if (!(child instanceof ObjectBuilder)) {
      child = new ObjectBuilder(this.open);
      this.properties.set(head, child);
    }
    child.set(rest, schema, required);
  }

  contains(path: readonly string[], item: JsonSchema): void {
    this.containing.push({ path, item });
    const [head] = path;
    if (head !== undefined) this.required.add(head);
  }

  build(): JsonSchema {
    // Items each array must contain, by the array's top-level name (deeper arrays are made whole).
    const items = new Map<string, JsonSchema[]>();
    for (const { path, item } of this.containing) {
      const [head, ...rest] = path;
      if (head === undefined) continue;
      if (rest.length > 0) this.set(path, { type: 'array', contains: item }, true);
      else items.set(head, [...(items.get(head) ?? []), item]);
    }
    for (const [head, contained] of items) {
      const declared = this.properties.get(head);
      const array = declared === undefined || declared instanceof ObjectBuilder ? { type: 'array' } : declared;
      // Two levels may select two different items of one array: each must be contained.
      this.properties.set(head, contained.length === 1 ? { ...array, contains: contained[0] } : { ...array, allOf: contained.map((c) => ({ contains: c })) });
    }
    const properties: Record<string, JsonSchema> = {};
    for (const [name, value] of this.properties) defineOwn(properties, name, value instanceof ObjectBuilder ? value.build() : value);
    const schema: JsonSchema = { type: 'object', properties };
    // OpenAPI 3.0 and Swagger 2.0 want a non-empty `required`.
    if (this.required.size > 0) schema['required'] = [...this.required];
    if (!this.open) schema['additionalProperties'] = false;
    return schema;
  }
}
