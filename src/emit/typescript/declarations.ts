import { entryOf } from '../../model/values.js';
import { StructureKind, type InterfaceDeclarationStructure, type StatementStructures, type TypeAliasDeclarationStructure } from 'ts-morph';
import { errorObjectSchema, type JsonSchema } from '../../model/error-schema.js';
import type { Catalog } from '../../model/catalog.js';
import { literalType, propertyName, docText, stringLiteral } from './literals.js';
import type { EmitContext } from './context.js';
import { entryDoc } from './jsdoc.js';
import { typeOf } from './schema-to-type.js';

function exportedType(name: string, type: string, doc?: string): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name, type, isExported: true, ...(doc ? { docs: [docText(doc)] } : {}) };
}

/** Interface members from an object schema, keeping each property's description as JSDoc. */
function objectInterface(name: string, schema: JsonSchema, doc: string): InterfaceDeclarationStructure {
  const properties = (schema['properties'] as Record<string, JsonSchema>) ?? {};
  const required = (schema['required'] as string[] | undefined) ?? [];
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: [doc],
    properties: Object.entries(properties).map(([key, property]) => ({
      name: propertyName(key),
      type: typeOf(property),
      hasQuestionToken: !required.includes(key),
      ...(typeof property['description'] === 'string' ? { docs: [docText(property['description'])] } : {}),
    })),
  };
}

/** The body type around an error-object type, per the envelope. */
export function bodyType(catalog: Catalog, inner: string, list: 'plain' | 'first' = 'plain'): string {
  const { envelope } = catalog;
  if (envelope.key === undefined) return inner;
  const value = envelope.kind !== 'list' ? inner : list === 'first' ? `[${inner}, ...ApiError[]]` : `${inner}[]`;
  return `{ ${propertyName(envelope.key)}: ${value} }`;
}

export function typeDeclarations(ctx: EmitContext): StatementStructures[] {
  const { catalog } = ctx;
  const statements: StatementStructures[] = [];
  for (const entry of catalog.entries) {
    statements.push(objectInterface(ctx.typeName(entry), errorObjectSchema(catalog, entry), entryDoc(entry)));
  }
  const codes = catalog.entries.map((e) => literalType(e.code));
  const union = (names: string[]) => (names.length === 0 ? 'never' : names.join(' | '));
  statements.push(
    exportedType('ErrorCode', union(codes), catalog.envelope.code ? 'Every code this API documents.' : 'Every error this API documents, by name: the body carries no code, the status tells them apart.'),
    exportedType('ApiError', union(catalog.entries.map((e) => ctx.typeName(e))), 'Any documented error object, discriminated by its code.'),
    {
      kind: StructureKind.Interface,
      name: 'ErrorTypes',
      isExported: true,
      docs: ['The error object type of each code.'],
      properties: catalog.entries.map((e) => ({ name: stringLiteral(String(e.code)), type: ctx.typeName(e) })),
    },
    exportedType('ErrorFor<C extends ErrorCode>', `ErrorTypes[\`\${C}\`]`, 'The error object of one code.'),
    objectInterface('UnknownError', errorObjectSchema(catalog), 'An error object with the shape every error shares, whatever its code: what statuses without a code of their own carry.'),
    exportedType('ErrorBody', bodyType(catalog, 'ApiError'), 'The body of any documented error response.'),
    exportedType('BodyFor<C extends ErrorCode>', bodyType(catalog, 'ErrorFor<C>', 'first'), 'The body of an error response with one code (for a list, its first error).'),
  );
  for (const info of catalog.statuses) {
    if (info.statusOnly) continue;
    const members = info.codes.map((code) => entryOf(catalog, code)).filter((e) => e !== undefined).map((e) => ctx.typeName(e));
    statements.push(exportedType(`Status${info.status}Error`, union(members), `The errors answered with HTTP ${info.status}.`));
  }
  return statements;
}
