import type { InterfaceDeclarationStructure, JSDocStructure, StatementStructures, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import type { Catalog, FieldShape, JsonValue, NamedType } from '../../model/catalog.js';
import type { JsonSchema } from '../../model/error-schema.js';
import { DOCUMENTED_ERROR, ERROR_BODY, ERROR_CODE, ERROR_SHAPE, guardOf, statusUnionName } from '../../model/names.js';
import { entryOf } from '../../model/values.js';
import type { EmitContext } from './context.js';
import { declaration, typeAliasText, unionText, type Statement } from './layout.js';
import { docTexts, entryDoc, jsDoc } from './jsdoc.js';
import { literalType, propertyName, stringLiteral, unionType } from './literals.js';
import { objectType, typeOf } from './schema-to-type.js';

/** A placeholder's type: only the documented-error guard appears in the schemas the declarations read. */
const names = (placeholder: string) => (placeholder === guardOf(DOCUMENTED_ERROR) ? DOCUMENTED_ERROR : 'unknown');

function exportedType(name: string, type: string, doc?: string): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name, type, isExported: true, ...(doc === undefined ? {} : { docs: jsDoc(doc) }) };
}

/** An exported union, one member per line when long. */
function exportedUnion(name: string, members: readonly string[], doc: string): string {
  return typeAliasText(jsDoc(doc), name, members);
}

/** An interface from an object schema: each property with its description as JSDoc, and a map's index signature. */
function objectInterface(name: string, schema: JsonSchema, docs: readonly JSDocStructure[] | undefined): InterfaceDeclarationStructure {
  const properties = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const required = (schema['required'] as string[] | undefined) ?? [];
  const additional = schema['additionalProperties'];
  const map = typeof additional === 'object' && additional !== null ? (additional as JsonSchema) : undefined;
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    ...(docs === undefined ? {} : { docs: docTexts(docs) }),
    properties: Object.entries(properties).map(([key, property]) => ({
      name: propertyName(key),
      type: typeOf(property, names),
      hasQuestionToken: !required.includes(key),
      ...(typeof property['description'] === 'string' ? { docs: docTexts(jsDoc(property['description'])) } : {}),
    })),
    indexSignatures: map ? [{ keyName: 'key', keyType: 'string', returnType: unionType([typeOf(map, names), ...Object.values(properties).map((p) => typeOf(p, names))]) }] : [],
  };
}

/** A named type: an interface for an object with properties, else a type alias. */
function namedTypeDeclaration(ctx: EmitContext, type: NamedType): Statement {
  const schema = ctx.schemas.shape(type.shape);
  const docs = type.shape.description === undefined ? undefined : jsDoc(type.shape.description);
  if (schema['type'] === 'object' && schema['properties'] !== undefined) return objectInterface(type.name, schema, docs);
  const alias = schema['type'] === 'object' ? objectType(schema, names) : typeOf(schema, names);
  return { kind: StructureKind.TypeAlias, name: type.name, type: alias, isExported: true, ...(docs === undefined ? {} : { docs }) };
}

/** The body type around an error-object type, per the envelope; `first` makes a list's first error that type. */
function bodyType(catalog: Catalog, inner: string, form: 'every' | 'first'): string {
  const { envelope } = catalog;
  const list = envelope.kind === 'list' || envelope.kind === 'array';
  const value = !list ? inner : form === 'first' ? `[${inner}, ...${DOCUMENTED_ERROR}[]]` : `${inner}[]`;
  return envelope.key === undefined ? value : `{ ${propertyName(envelope.key)}: ${value} }`;
}

/** Every documented value of every `codes` field, in catalog order. */
function documentedItemCodes(catalog: Catalog): (string | number)[] {
  const found = new Set<string | number>();
  const visit = (shape: FieldShape): void => {
    for (const code of shape.codes ?? []) found.add(code.value);
    if (shape.items) visit(shape.items);
    for (const property of shape.properties ?? []) visit(property);
    if (typeof shape.additionalProperties === 'object') visit(shape.additionalProperties);
    for (const member of shape.oneOf ?? []) visit(member);
  };
  for (const type of catalog.types) visit(type.shape);
  for (const field of catalog.fields) visit(field);
  for (const entry of catalog.entries) for (const field of entry.fields) visit(field);
  return [...found];
}

/** The values documented at each level: every entry's pin there, in catalog order. */
function levelValues(catalog: Catalog, level: string): (string | number)[] {
  // A set, not a list searched per entry: that was quadratic, 70 ms at 10,000 codes.
  const values = new Set<string | number>();
  for (const entry of catalog.entries) {
    const value = Object.hasOwn(entry.pins, level) ? entry.pins[level] : undefined;
    if (value !== undefined) values.add(value);
  }
  return [...values];
}

export function typeDeclarations(ctx: EmitContext): Statement[] {
  const { catalog } = ctx;
  const statements: Statement[] = catalog.types.map((t) => namedTypeDeclaration(ctx, t));
  for (const entry of catalog.entries) statements.push(objectInterface(ctx.typeName(entry), ctx.errorObject(entry), entryDoc(entry)));
  const coded = catalog.envelope.levels.length > 0;
  statements.push(
    exportedUnion(ERROR_CODE, catalog.entries.map((e) => literalType(e.code)), coded ? 'Every error this API documents, by its key in the catalog.' : 'Every error this API documents, by name: the body carries no code, the status tells them apart.'),
    exportedUnion(DOCUMENTED_ERROR, catalog.entries.map((e) => ctx.typeName(e)), 'Any documented error object.'),
    {
      kind: StructureKind.Interface,
      name: 'ErrorTypes',
      isExported: true,
      docs: jsDoc('The error object type of each code.'),
      properties: catalog.entries.map((e) => ({ name: stringLiteral(String(e.code)), type: ctx.typeName(e) })),
    },
    exportedType('ErrorFor<C extends ErrorCode>', 'ErrorTypes[`${C}`]', 'The error object of one code.'),
    objectInterface(ERROR_SHAPE, ctx.errorObject(), jsDoc('An error object with the shape every error shares, whatever its code: what statuses without a code of their own carry.')),
    exportedType(ERROR_BODY, bodyType(catalog, DOCUMENTED_ERROR, 'every'), 'The body of any documented error response.'),
    exportedType('BodyFor<C extends ErrorCode>', bodyType(catalog, 'ErrorFor<C>', 'first'), 'The body of an error response with one code (for a list, its first error).'),
  );
  for (const info of catalog.statuses) {
    if (info.statusOnly) continue;
    const members = info.codes.map((code) => entryOf(catalog, code)).filter((e) => e !== undefined).map((e) => ctx.typeName(e));
    statements.push(exportedUnion(statusUnionName(info.status), members, `The errors answered with HTTP ${info.status}.`));
  }
  const codes = new Set(catalog.entries.map((e) => literalType(e.code)));
  const levels = catalog.envelope.levels.map((level) => {
    const open = level.type === 'integer' ? '(number & {})' : '(string & {})';
    const values = levelValues(catalog, level.name).map((v) => literalType(v as JsonValue));
    // The level's values are the codes themselves (one level, keyed by its values): `ErrorCode`, not its members again.
    const sameAsCodes = values.length === codes.size && values.every((v) => codes.has(v));
    const property = `readonly ${propertyName(level.name)}?:`;
    const union = unionText(values.length === 0 ? [level.type === 'integer' ? 'number' : 'string'] : [...(sameAsCodes ? [ERROR_CODE] : values), open], property.length + 3);
    return `  ${property}${union.startsWith('\n') ? union.replace(/\n/g, '\n  ') : ` ${union}`};`;
  });
  statements.push(
    declaration(jsDoc('The code levels a response carries, coarse to fine, by name: the documented values, or any other.'), `export type ErrorLevels = ${levels.length === 0 ? '{}' : `{\n${levels.join('\n')}\n}`};`),
    exportedUnion('ItemCode', documentedItemCodes(catalog).map((v) => literalType(v)), 'Every documented item code (the codes of sub-errors, such as `errors[].code`).'),
  );
  return statements;
}
