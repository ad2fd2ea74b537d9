import { StructureKind, VariableDeclarationKind, type FunctionDeclarationStructure, type JSDocStructure, type StatementStructures } from 'ts-morph';
import { DOCUMENTED_ERROR, ERROR_BODY, ERROR_SHAPE, guardOf } from '../../model/names.js';
import { GUARD_REF, type EmitContext } from './context.js';
import { entryDoc, inlineCode, jsDoc } from './jsdoc.js';
import { valueLiteral } from './literals.js';
import { checkOf } from './schema-to-check.js';

/** A guard: the check, and any throw on the way (a getter, a revoked proxy) means no. */
function guard(name: string, type: string, check: string, docs: JSDocStructure[]): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name,
    isExported: true,
    parameters: [{ name: 'value', type: 'unknown' }],
    returnType: `value is ${type}`,
    statements: ['try {', `  return ${check};`, '} catch {', '  return false;', '}'],
    docs,
  };
}

export function guardDeclarations(ctx: EmitContext): StatementStructures[] {
  const { catalog } = ctx;
  const statements: StatementStructures[] = [];
  for (const type of catalog.types) {
    const check = checkOf(ctx.schemas.shape(type.shape), 'value', ctx);
    statements.push(guard(ctx.typeGuardName(type.name), type.name, check, jsDoc(`Whether a value is a ${inlineCode(type.name)}, exactly as the schema says.`)));
  }
  for (const entry of catalog.entries) {
    const check = checkOf(ctx.schemas.errorObject(entry), 'value', ctx);
    statements.push(guard(ctx.guardName(entry), ctx.typeName(entry), check, entryDoc(entry, `Whether a value is a ${inlineCode(String(entry.code))} error object, exactly as its schema says.`)));
  }
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc("Each code's guard. A Map, so that no key (`__proto__`, `constructor`) reaches a prototype."),
    declarations: [
      {
        name: 'GUARDS',
        type: 'ReadonlyMap<unknown, (value: unknown) => boolean>',
        initializer: `new Map<unknown, (value: unknown) => boolean>([${catalog.entries.map((e) => `\n  [${valueLiteral(e.code)}, ${ctx.guardName(e)}]`).join(',')}\n])`,
      },
    ],
  });
  statements.push(
    guard(guardOf(DOCUMENTED_ERROR), DOCUMENTED_ERROR, `${ctx.use('acceptedByAny')}(TABLES, value)`, jsDoc("Whether a value is a documented error object: some code's guard accepts it (looked up by the codes it carries).")),
    guard(guardOf(ERROR_SHAPE), ERROR_SHAPE, checkOf(ctx.schemas.errorObject(), 'value', ctx), jsDoc('Whether a value has the shape every error shares, whatever its code.')),
    guard(guardOf(ERROR_BODY), ERROR_BODY, checkOf(ctx.schemas.body({ [GUARD_REF]: guardOf(DOCUMENTED_ERROR) }), 'value', ctx), jsDoc('Whether a response body is a documented error body.')),
    {
      kind: StructureKind.Function,
      name: 'isErrorCode',
      isExported: true,
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: 'value is ErrorCode',
      statements: ['return CODES.has(value);'],
      docs: jsDoc('Whether a value is one of the documented codes.'),
    },
  );
  if (catalog.envelope.levels.length > 0) {
    const list = catalog.envelope.kind === 'list' || catalog.envelope.kind === 'array';
    statements.push({
      kind: StructureKind.Function,
      name: 'hasErrorCode',
      isExported: true,
      typeParameters: [{ name: 'C', constraint: 'ErrorCode' }],
      parameters: [{ name: 'body', type: 'unknown' }, { name: 'code', type: 'C' }],
      returnType: 'body is BodyFor<C>',
      statements: [
        'const check = GUARDS.get(code);',
        'try {',
        `  return check !== undefined && isErrorBody(body) && check(${ctx.use('errorObjectOf')}(TABLES.envelope, body));`,
        '} catch {',
        '  return false;',
        '}',
      ],
      docs: jsDoc(`Whether a body is a documented error body whose error${list ? ' (the first of the list)' : ''} has the shape of this code; narrows the body to that code's type.`),
    });
  }
  return statements;
}
