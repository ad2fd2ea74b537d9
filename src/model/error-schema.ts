import type { Catalog, Entry, Field, FieldShape, JsonValue } from './catalog.js';
import { ownValue, setOwn } from './own.js';
import { computedValues, entryFields } from './values.js';

/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

/** The JSON Schema of one field's shape; `nullable` becomes a type array. */
export function shapeSchema(shape: FieldShape): JsonSchema {
  const schema: JsonSchema = {};
  schema['type'] = shape.nullable ? [shape.type, 'null'] : shape.type;
  if (shape.description !== undefined) schema['description'] = shape.description;
  if (shape.format !== undefined) schema['format'] = shape.format;
  if (shape.enum !== undefined) schema['enum'] = shape.nullable ? [...shape.enum, null] : [...shape.enum];
  if (shape.pattern !== undefined) schema['pattern'] = shape.pattern;
  if (shape.minimum !== undefined) schema['minimum'] = shape.minimum;
  if (shape.maximum !== undefined) schema['maximum'] = shape.maximum;
  if (shape.minLength !== undefined) schema['minLength'] = shape.minLength;
  if (shape.maxLength !== undefined) schema['maxLength'] = shape.maxLength;
  if (shape.items !== undefined) schema['items'] = shapeSchema(shape.items);
  if (shape.properties !== undefined) {
    schema['properties'] = Object.fromEntries(shape.properties.map((p) => [p.name, shapeSchema(p)]));
    const required = shape.properties.filter((p) => p.required).map((p) => p.name);
    if (required.length > 0) schema['required'] = required;
  }
  if (shape.type === 'object' && shape.additionalProperties !== undefined) schema['additionalProperties'] = shape.additionalProperties;
  if (shape.example !== undefined) schema['examples'] = [shape.example];
  return schema;
}

/** A field's schema for one entry: computed values become `const` (or `enum` over several statuses). */
export function entryFieldSchema(field: Field, entry: Entry | undefined, catalog: Catalog): JsonSchema {
  const schema = shapeSchema(field);
  const values = entry ? computedValues(field, entry, catalog) : undefined;
  if (values === undefined) return schema;
  if (values.length === 1) {
    delete schema['enum'];
    return { ...schema, const: values[0] as JsonValue };
  }
  return { ...schema, enum: values };
}

/**
 * The error object of one entry — or, without an entry, of any error the envelope allows
 * (used for statuses with no code of their own and for "some other code").
 */
export function errorObjectSchema(catalog: Catalog, entry?: Entry): JsonSchema {
  const { envelope } = catalog;
  const properties: [string, JsonSchema][] = [];
  const required: string[] = [];
  const code = envelope.code;
  if (code) {
    const codeSchema: JsonSchema = { type: code.type };
    if (code.description !== undefined) codeSchema['description'] = code.description;
    if (entry) codeSchema['const'] = entry.code;
    const [head, ...rest] = code.path;
    if (head !== undefined) {
      properties.push([head, nest(rest, codeSchema, envelope.additionalProperties)]);
      required.push(head);
    }
  }
  const message: JsonSchema = { type: 'string' };
  if (envelope.message.description !== undefined) message['description'] = envelope.message.description;
  properties.push([envelope.message.name, message]);
  if (envelope.message.required) required.push(envelope.message.name);
  const fields: readonly Field[] = entry ? entryFields(catalog, entry) : catalog.fields;
  for (const field of fields) {
    properties.push([field.name, entryFieldSchema(field, entry, catalog)]);
    if (field.required) required.push(field.name);
  }
  const schema: JsonSchema = { type: 'object', properties: Object.fromEntries(properties), required };
  if (!envelope.additionalProperties) schema['additionalProperties'] = false;
  return schema;
}

function nest(path: readonly string[], leaf: JsonSchema, additionalProperties: boolean): JsonSchema {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  const schema: JsonSchema = { type: 'object', properties: { [head]: nest(rest, leaf, additionalProperties) }, required: [head] };
  if (!additionalProperties) schema['additionalProperties'] = false;
  return schema;
}

/** Wraps an error-object schema in the envelope: the schema of the whole body. */
export function wrapInEnvelope(catalog: Catalog, errorObject: JsonSchema, listItems?: JsonSchema): JsonSchema {
  const { envelope } = catalog;
  const key = envelope.key;
  if (key !== undefined) {
    const inner = envelope.kind === 'list' ? { type: 'array', minItems: 1, items: listItems ?? errorObject } : errorObject;
    const schema: JsonSchema = { type: 'object', properties: { [key]: inner }, required: [key] };
    if (!envelope.additionalProperties) schema['additionalProperties'] = false;
    return schema;
  }
  return errorObject;
}

/**
 * The whole body of one entry, for validating its examples. A list body may mix errors,
 * so it must contain this entry's error and may hold any other.
 */
export function entryBodySchema(catalog: Catalog, entry: Entry): JsonSchema {
  const own = errorObjectSchema(catalog, entry);
  if (catalog.envelope.kind !== 'list') return wrapInEnvelope(catalog, own);
  const anyError = { anyOf: [errorObjectSchema(catalog), ...catalog.entries.map((e) => errorObjectSchema(catalog, e))] };
  const body = wrapInEnvelope(catalog, own, anyError);
  const key = catalog.envelope.key as string;
  const properties = body['properties'] as Record<string, JsonSchema>;
  setOwn(properties, key, { ...ownValue(properties, key), contains: own });
  return body;
}
