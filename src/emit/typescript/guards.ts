import { StructureKind, VariableDeclarationKind, type FunctionDeclarationStructure, type StatementStructures } from 'ts-morph';
import { errorObjectSchema, wrapInEnvelope } from '../../model/error-schema.js';
import type { EmitContext } from './context.js';
import { entryDoc } from './jsdoc.js';
import { docText, stringLiteral, valueLiteral } from './literals.js';
import { checkOf } from './schema-to-check.js';

function guard(name: string, parameterType: string, predicate: string, statements: string[], doc: string, exported = true): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name,
    isExported: exported,
    parameters: [{ name: 'value', type: parameterType }],
    returnType: predicate,
    statements,
    docs: [doc],
  };
}

/** An expression reading the code of an error object along the code's path. */
export function codeExpression(ctx: EmitContext, expr: string): string {
  const path = ctx.catalog.envelope.code?.path ?? [];
  return path.reduce((acc, segment) => `own(${acc}, ${stringLiteral(segment)})`, expr);
}

/** An expression for the error object inside a body: the body, its wrapper key, or the list's first item. */
export function firstErrorExpression(ctx: EmitContext, expr: string): string {
  const { envelope } = ctx.catalog;
  if (envelope.key === undefined) return expr;
  const wrapped = `own(${expr}, ${stringLiteral(envelope.key)})`;
  return envelope.kind === 'list' ? `${ctx.patterns.use('firstItem')}(${wrapped})` : wrapped;
}

export function guardDeclarations(ctx: EmitContext): StatementStructures[] {
  const { catalog } = ctx;
  const statements: StatementStructures[] = [];
  for (const entry of catalog.entries) {
    const check = checkOf(errorObjectSchema(catalog, entry), 'value', ctx.patterns);
    statements.push(guard(ctx.guardName(entry), 'unknown', `value is ${ctx.typeName(entry)}`, [`return ${check};`], `Whether a value is a \`${docText(String(entry.code))}\` error object, exactly as the schema says.\n\n${entryDoc(entry)}`));
  }
  const codeless = catalog.envelope.code === undefined;
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: ['Each code\'s guard. A Map, so that no key (`__proto__`, `constructor`) reaches a prototype.'],
    declarations: [{ name: 'GUARDS', type: 'ReadonlyMap<unknown, (value: unknown) => boolean>', initializer: `new Map<unknown, (value: unknown) => boolean>([${catalog.entries.map((e) => `\n  [${valueLiteral(e.code)}, ${ctx.guardName(e)}]`).join(',')}\n])` }],
  });
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: 'CODE_SET', type: 'ReadonlySet<unknown>', initializer: 'new Set<unknown>(ERROR_CODES)' }],
  });
  statements.push(
    guard(
      'isApiError',
      'unknown',
      'value is ApiError',
      codeless
        ? [`return ${catalog.entries.map((e) => `${ctx.guardName(e)}(value)`).join(' || ') || 'false'};`]
        : [`const check = GUARDS.get(${codeExpression(ctx, 'value')});`, 'return check !== undefined && check(value);'],
      codeless ? 'Whether a value is a documented error object.' : 'Whether a value is a documented error object: its code is known and it has exactly the shape that code promises.',
    ),
    guard('isUnknownError', 'unknown', 'value is UnknownError', [`return ${checkOf(errorObjectSchema(catalog), 'value', ctx.patterns)};`], 'Whether a value has the shape every error shares, whatever its code.'),
    guard('isErrorBody', 'unknown', 'value is ErrorBody', [`return ${checkOf(wrapInEnvelope(catalog, { 'x-guard': 'isApiError' }), 'value', ctx.patterns)};`], 'Whether a response body is a documented error body.'),
    guard('isErrorCode', 'unknown', 'value is ErrorCode', ['return CODE_SET.has(value);'], 'Whether a value is one of the documented codes.'),
  );
  if (!codeless) {
    statements.push({
      kind: StructureKind.Function,
      name: 'hasErrorCode',
      isExported: true,
      typeParameters: [{ name: 'C', constraint: 'ErrorCode' }],
      parameters: [{ name: 'body', type: 'unknown' }, { name: 'code', type: 'C' }],
      returnType: 'body is BodyFor<C>',
      statements: [`return isErrorBody(body) && ${codeExpression(ctx, firstErrorExpression(ctx, 'body'))} === code;`],
      docs: [`Whether a body is a documented error body with this code${catalog.envelope.kind === 'list' ? ' (as its first error)' : ''}; narrows the body to that code's type.`],
    });
  }
  return statements;
}
