import type { InterfaceDeclarationStructure, StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { Entry, EntryResponse, JsonValue } from '../../model/catalog.js';
import { conditionData } from '../../model/conditions.js';
import { retryData } from '../../model/retry.js';
import type { EmitContext } from './context.js';
import type { Statement } from './layout.js';
import { jsDoc } from './jsdoc.js';
import { declaration, valueText } from './layout.js';
import { jsonRows, jsonTable, literalType, propertyName, valueLiteral } from './literals.js';

function constant(name: string, initializer: string, doc: string, options: { exported?: boolean; type?: string } = {}): Statement {
  return {
    kind: StructureKind.VariableStatement,
    isExported: options.exported ?? true,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc(doc),
    declarations: [{ name, initializer, ...(options.type === undefined ? {} : { type: options.type }) }],
  };
}

function metaInterface(name: string, doc: string, extendsType: string | undefined, properties: [string, string, boolean, string?][]): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: jsDoc(doc),
    ...(extendsType === undefined ? {} : { extends: [extendsType] }),
    properties: properties.map(([n, type, optional, d]) => ({ name: n, type, isReadonly: true, hasQuestionToken: optional, ...(d === undefined ? {} : { docs: jsDoc(d) }) })),
  };
}

/** What `ERRORS` and `STATUSES` say about a code and a status. */
export function metaDeclarations(): Statement[] {
  return [
    metaInterface('ResponseMeta', 'What the catalog says about one code answered with one status.', 'ResponseFacts', [
      ['title', 'string', false],
      ['description', 'string', true],
      ['fix', 'string', true, 'What the client should do.'],
      ['headers', 'readonly string[]', false],
    ]),
    metaInterface('ErrorMeta', 'What the catalog says about one code; facts that can differ by status are under `responses`.', 'EntryFacts', [
      ['code', 'ErrorCode', false],
      ['name', 'string', false, 'The TypeScript name, without suffix.'],
      ['level', 'string', true, 'The level it sits at; absent for a codeless entry.'],
      ['value', 'WireValue', true, 'Its wire value at that level.'],
      ['parent', 'ErrorCode', true, 'The coarser entry it refines.'],
      ['statuses', 'readonly number[]', false],
      ['title', 'string', false, 'At its first status.'],
      ['description', 'string', true],
      ['fix', 'string', true, 'What the client should do.'],
      ['docUrl', 'string', true],
      ['retry', 'RetryPolicy', false, 'At its first status.'],
      ['headers', 'readonly string[]', false, 'Every header any of its responses sends.'],
      ['responses', 'readonly ResponseMeta[]', false, 'One per status, in the order of `statuses`.'],
      ['deprecated', 'boolean', false],
      ['replacedBy', 'string', true],
    ]),
    metaInterface('StatusMeta', 'What the catalog says about one HTTP status.', undefined, [
      ['title', 'string', false],
      ['codes', 'readonly ErrorCode[]', false],
      ['retry', 'RetryPolicy', false, 'For bodies that name no documented code.'],
      ['headers', 'readonly string[]', false],
    ]),
  ];
}

function responseValue(response: EntryResponse): JsonValue {
  const value: Record<string, JsonValue> = { status: response.status, title: response.title };
  if (response.description !== undefined) value['description'] = response.description;
  if (response.fix !== undefined) value['fix'] = response.fix;
  value['retry'] = retryData(response.retry);
  value['headers'] = response.headers.map((h) => h.name);
  value['when'] = response.when.map(conditionData);
  return value;
}

function metaValue(entry: Entry): JsonValue {
  const first = entry.responses[0];
  const meta: Record<string, JsonValue> = { code: entry.code, name: entry.name };
  if (entry.level !== undefined) meta['level'] = entry.level;
  if (entry.value !== undefined) meta['value'] = entry.value;
  if (entry.parent !== undefined) meta['parent'] = entry.parent;
  meta['pins'] = { ...entry.pins };
  meta['statuses'] = [...entry.statuses];
  meta['title'] = entry.title ?? first?.title ?? '';
  if (entry.description !== undefined) meta['description'] = entry.description;
  if (entry.fix !== undefined) meta['fix'] = entry.fix;
  if (entry.docUrl !== undefined) meta['docUrl'] = entry.docUrl;
  if (first !== undefined) meta['retry'] = retryData(first.retry);
  meta['headers'] = [...entry.headers];
  meta['responses'] = entry.responses.map(responseValue);
  meta['deprecated'] = entry.deprecated !== undefined;
  if (entry.deprecated?.replacedBy !== undefined) meta['replacedBy'] = entry.deprecated.replacedBy;
  return meta;
}

/** An exported constant `as const`, laid out. */
function publicConstant(name: string, value: JsonValue, doc: string): string {
  const head = `export const ${name} = `;
  return declaration(jsDoc(doc), `${head}${valueText(value, 0, head.length + ' as const;'.length)} as const;`);
}

/**
 * `ERRORS`, typed by a table type rather than inferred `as const`: tsc cannot write out the
 * inferred type of a few thousand codes (TS7056), and `as const satisfies` is refused under
 * isolatedDeclarations. Codes and titles keep their literal types through `ErrorTitles`; an
 * interface that extends `ErrorMeta` (not an intersection, which costs tsc quadratic time).
 * The data is a JSON table (see `jsonTable`): every client's build type-checks errors.ts, and
 * an object literal would cost it a type per member of every code.
 */
function errorsTable(ctx: EmitContext, rows: Readonly<Record<string, JsonValue>>): Statement[] {
  const titles = ctx.catalog.entries.map((e) => `  readonly ${propertyName(String(e.code))}: ${literalType(e.title ?? e.responses[0]?.title ?? '')};`);
  return [
    declaration(jsDoc("Each code's title at its first status, as a literal type."), titles.length === 0 ? 'export interface ErrorTitles {}' : `export interface ErrorTitles {\n${titles.join('\n')}\n}`),
    declaration(jsDoc('What `ERRORS` says about one code, with its code and title as literal types.'), 'export interface ErrorMetaOf<C extends ErrorCode, T extends string> extends ErrorMeta {\n  readonly code: C;\n  readonly title: T;\n}'),
    declaration(jsDoc('The type of `ERRORS`.'), 'export type ErrorsTable = { readonly [C in ErrorCode]: ErrorMetaOf<C, ErrorTitles[`${C}`]> };'),
    declaration(
      jsDoc('What the catalog says about each code: levels, statuses, titles, fix, doc url, retry policies and conditions per status, headers.'),
      `export const ERRORS: ErrorsTable = ${jsonTable(rows)};`,
    ),
  ];
}

/**
 * `STATUSES`' type: one property per status the catalog uses. The codes of each are `ErrorCode`s
 * rather than literal tuples, which would cost every client's checker a type per code again.
 */
function statusTable(ctx: EmitContext): Statement {
  const rows = ctx.catalog.statuses.map((info) => `  readonly ${propertyName(String(info.status))}: StatusMeta;`);
  return declaration(jsDoc('The type of `STATUSES`: what the catalog says about each HTTP status it uses.'), rows.length === 0 ? 'export type StatusTable = {};' : `export type StatusTable = {\n${rows.join('\n')}\n};`);
}

/**
 * The public constants and the same data as the runtime reads it. The tables that grow with the
 * catalog (`ERROR_CODES`, `ERRORS`, `STATUSES`) are JSON typed by a declared type, not literals
 * inferred `as const`: a literal costs every client's checker a type per member, and relating a
 * table of every code to a wider type a pass over every code.
 */
export function constantDeclarations(ctx: EmitContext): Statement[] {
  const { catalog } = ctx;
  const statuses = catalog.statuses.map((info): [number, JsonValue] => [info.status, { title: info.title, codes: [...info.codes], retry: retryData(info.retry), headers: info.headers.map((h) => h.name) }]);
  const byKey = (pairs: [string | number, JsonValue][]): Record<string, JsonValue> => Object.fromEntries(pairs.map(([k, v]) => [String(k), v]));
  return [
    declaration(jsDoc('Every documented code, in catalog order.'), `export const ERROR_CODES: readonly ErrorCode[] = ${jsonRows(catalog.entries.map((e) => e.code))};`),
    ...errorsTable(ctx, byKey(catalog.entries.map((e) => [e.code, metaValue(e)]))),
    statusTable(ctx),
    declaration(jsDoc('What the catalog says about each HTTP status it uses.'), `export const STATUSES: StatusTable = ${jsonTable(byKey(statuses))};`),
    publicConstant('RETRY_DEFAULTS', byKey(Object.entries(catalog.retryDefaults).map(([k, p]) => [k, retryData(p)])), 'The retry policy of a status the catalog does not list: by status, class (`5xx`) or `default`.'),
    constant('CONTENT_TYPE', valueLiteral(catalog.envelope.contentType), 'The media type of error bodies.'),
    // Each row of `ErrorsTable` is an `ErrorMeta` by declaration (`ErrorMetaOf` extends it); relating the two tables would cost tsc a comparison per code.
    constant('META', 'ERRORS as unknown as { readonly [code: string]: ErrorMeta }', '`ERRORS` as the runtime reads it.', { exported: false, type: '{ readonly [code: string]: ErrorMeta }' }),
    constant('CODES', 'new Set<unknown>(ERROR_CODES)', 'The documented codes, for `isErrorCode`.', { exported: false, type: 'ReadonlySet<unknown>' }),
  ];
}
