import type { Catalog, Entry } from '../../model/catalog.js';
import { ErrorSchemas, type JsonSchema } from '../../model/error-schema.js';
import { isPinnable } from '../../model/locators.js';
import { hasBodyWrapper } from '../../model/names.js';
import { entryOf } from '../../model/values.js';
import { entryExtensions } from './extensions.js';
import type { ComponentNames } from './names.js';
import { codeEnum, type SdkOptions } from './sdk.js';

/** The catalog's schemas with named types as references to their components. */
export function componentSchemas(catalog: Catalog, names: ComponentNames): ErrorSchemas {
  return new ErrorSchemas(catalog, (name) => names.schemaRef(names.namedType(name)));
}

/**
 * Schema components in OpenAPI 3.1 form (JSON Schema 2020-12); `downgrade.ts` turns them into
 * 3.0 or 2.0. Order is fixed: named types, codes, level enums, unions, bodies — so output is stable.
 */
export function schemaComponents(catalog: Catalog, names: ComponentNames, sdk: SdkOptions = {}): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  const build = componentSchemas(catalog, names);
  const { envelope } = catalog;
  for (const type of catalog.types) schemas[names.namedType(type.name)] = build.shape(type.shape);
  for (const entry of catalog.entries) {
    const schema: JsonSchema = {};
    if (entry.title !== undefined) schema['title'] = entry.title;
    const description = [entry.description, entry.fix === undefined ? undefined : `Fix: ${entry.fix}`].filter((s) => s !== undefined).join('\n\n');
    if (description !== '') schema['description'] = description;
    Object.assign(schema, build.errorObject(entry));
    if (entry.deprecated) schema['deprecated'] = true;
    if (entry.docUrl !== undefined) schema['externalDocs'] = { url: entry.docUrl };
    Object.assign(schema, entryExtensions(catalog, entry));
    schemas[names.entry(entry)] = schema;
  }
  for (const level of envelope.levels) {
    const values = [...new Set(catalog.entries.filter((e) => e.level === level.name).map((e) => e.value as string | number))];
    if (values.length === 0) continue;
    schemas[names.levelEnum(level.name)] = codeEnum(
      {
        description: envelope.levels.length === 1 ? 'Every code this API documents.' : `Every documented value of the \`${level.name}\` level.`,
        type: level.type,
        enum: values,
      },
      sdk,
    );
  }
  schemas[names.documentedError()] = { description: 'Any error this API documents.', ...union(catalog, names, catalog.entries.map((e) => e.code)) };
  schemas[names.errorShape()] = {
    description: envelope.levels.length > 0 ? 'An error with any code: the shape every error shares.' : 'The shape every error shares.',
    ...build.errorObject(),
  };
  for (const info of catalog.statuses) {
    if (info.statusOnly) continue;
    schemas[names.statusUnion(info.status)] = { description: `The errors answered with HTTP ${info.status}.`, ...union(catalog, names, info.codes) };
  }
  if (hasBodyWrapper(envelope)) {
    schemas[names.errorBody()] = { description: 'The body of any error response.', ...build.body(names.schemaRef(names.documentedError())) };
    for (const info of catalog.statuses) {
      const inner = info.statusOnly ? names.errorShape() : names.statusUnion(info.status);
      schemas[names.statusBody(info.status)] = { description: `The body of an HTTP ${info.status} error response.`, ...build.body(names.schemaRef(inner)) };
    }
  }
  return schemas;
}

/**
 * The union of some entries' schemas. It is a `oneOf` when no body can match two members (one
 * pinned level, no codeless entries, no conditions), with a `discriminator` when that level is a
 * top-level string property of every member; an `anyOf` otherwise (a Stripe `card_declined` body is
 * a `card_error` too), which stays exact because every member pins what it can.
 */
export function union(catalog: Catalog, names: ComponentNames, codes: readonly (string | number)[]): JsonSchema {
  const members = codes.map((code) => entryOf(catalog, code)).filter((e) => e !== undefined);
  const refs = members.map((e) => names.schemaRef(names.entry(e)));
  // A union of one is that one schema (composition keywords want two or more).
  if (refs.length === 1 && refs[0]) return { ...refs[0] };
  if (!exclusive(catalog, members)) return { anyOf: refs };
  const schema: JsonSchema = { oneOf: refs };
  const [level] = catalog.envelope.levels;
  if (level && level.type === 'string' && level.at.source === 'body' && !level.at.items && level.at.path.length === 1 && isPinnable(level.at)) {
    schema['discriminator'] = {
      propertyName: level.at.path[0],
      mapping: Object.fromEntries(members.map((e) => [String(e.value), names.schemaRef(names.entry(e)).$ref])),
    };
  }
  return schema;
}

/** Whether no body can match two of the entries: each pins a different value of the one level the envelope has. */
function exclusive(catalog: Catalog, members: readonly Entry[]): boolean {
  const [level, ...others] = catalog.envelope.levels;
  // A body may hold several selected items, so item-located codes can overlap too.
  if (!level || others.length > 0 || !isPinnable(level.at) || (level.at.source === 'body' && level.at.items)) return false;
  const values = new Set(members.map((e) => e.value));
  return members.every((e) => e.level === level.name && e.responses.every((r) => r.when.length === 0)) && values.size === members.length;
}
