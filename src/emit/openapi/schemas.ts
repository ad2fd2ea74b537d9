import { entryOf } from '../../model/values.js';
import type { Catalog } from '../../model/catalog.js';
import { errorObjectSchema, wrapInEnvelope, type JsonSchema } from '../../model/error-schema.js';
import { entryExtensions } from './extensions.js';
import type { ComponentNames } from './names.js';

/**
 * Schema components in OpenAPI 3.1 form (JSON Schema 2020-12); `downgrade.ts` turns them into
 * 3.0 or 2.0. Order is fixed: codes, unions, bodies — so output is stable.
 */
export function schemaComponents(catalog: Catalog, names: ComponentNames): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  const { envelope } = catalog;
  for (const entry of catalog.entries) {
    const schema: JsonSchema = {};
    if (entry.title !== undefined) schema['title'] = entry.title;
    const description = [entry.description, entry.fix === undefined ? undefined : `Fix: ${entry.fix}`].filter((s) => s !== undefined).join('\n\n');
    if (description !== '') schema['description'] = description;
    Object.assign(schema, errorObjectSchema(catalog, entry));
    if (entry.deprecated) schema['deprecated'] = true;
    if (entry.docUrl !== undefined) schema['externalDocs'] = { url: entry.docUrl };
    Object.assign(schema, entryExtensions(entry));
    schemas[names.entry(entry)] = schema;
  }
  if (envelope.code) {
    schemas[names.errorCode()] = {
      description: 'Every code this API documents.',
      type: envelope.code.type,
      enum: catalog.entries.map((e) => e.code),
    };
  }
  schemas[names.apiError()] = { description: 'Any error this API documents.', ...union(catalog, names, catalog.entries.map((e) => e.code)) };
  schemas[names.unknownError()] = {
    description: envelope.code ? 'An error with any code: the shape every error shares.' : 'The shape every error shares.',
    ...errorObjectSchema(catalog),
  };
  for (const info of catalog.statuses) {
    if (info.statusOnly) continue;
    schemas[names.statusUnion(info.status)] = { description: `The errors answered with HTTP ${info.status}.`, ...union(catalog, names, info.codes) };
  }
  if (envelope.key !== undefined) {
    schemas[names.errorBody()] = { description: 'The body of any error response.', ...wrapInEnvelope(catalog, names.schemaRef(names.apiError())) };
    for (const info of catalog.statuses) {
      const inner = info.statusOnly ? names.unknownError() : names.statusUnion(info.status);
      schemas[names.statusBody(info.status)] = { description: `The body of an HTTP ${info.status} error response.`, ...wrapInEnvelope(catalog, names.schemaRef(inner)) };
    }
  }
  return schemas;
}

/**
 * `oneOf` the codes' schemas. A `discriminator` needs the code to be a top-level string
 * property of every member; a nested or integer code keeps a plain `oneOf`, which is still
 * exact because each member pins its code with `const`. Codeless members cannot be told apart
 * by body, so they form an `anyOf`.
 */
export function union(catalog: Catalog, names: ComponentNames, codes: readonly (string | number)[]): JsonSchema {
  const members = codes.map((code) => entryOf(catalog, code)).filter((e) => e !== undefined);
  const refs = members.map((e) => names.schemaRef(names.entry(e)));
  // A union of one is that one schema (composition keywords want two or more).
  if (refs.length === 1 && refs[0]) return { ...refs[0] };
  const code = catalog.envelope.code;
  if (!code) return { anyOf: refs };
  const schema: JsonSchema = { oneOf: refs };
  if (canDiscriminate(catalog)) {
    schema['discriminator'] = {
      propertyName: code.path[0],
      mapping: Object.fromEntries(members.map((e) => [String(e.code), names.schemaRef(names.entry(e)).$ref])),
    };
  }
  return schema;
}

function canDiscriminate(catalog: Catalog): boolean {
  const code = catalog.envelope.code;
  return code !== undefined && code.type === 'string' && code.path.length === 1;
}
