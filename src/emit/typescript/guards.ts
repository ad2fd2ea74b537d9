import { isDeepStrictEqual } from 'node:util';
import type { FunctionDeclarationStructure, JSDocStructure, StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import { DOCUMENTED_ERROR, ERROR_BODY, ERROR_SHAPE, guardOf } from '../../model/names.js';
import { GUARD_REF, type EmitContext } from './context.js';
import { declaration, functionText, returnText, type Statement } from './layout.js';
import { jsDoc, withArticle } from './jsdoc.js';
import { stringLiteral, valueLiteral } from './literals.js';
import { checkOf } from './schema-to-check.js';
import type { JsonValue } from '../../model/catalog.js';
import type { JsonSchema } from '../../model/error-schema.js';
import { hoistConstants, type HoistedConstant } from '../../model/schema-constants.js';

/**
 * The required top-level properties an entry's schema pins to a constant, when that is all it
 * adds to the shared shape's schema: the same skeleton once their constants are hoisted
 * (`hoistConstants`, as example validation splits them), every shared constant kept. Else
 * undefined, and the entry's guard checks its whole schema.
 */
function constantsBeyond(schema: JsonSchema, shared: JsonSchema): [string, JsonValue][] | undefined {
  const own = hoistConstants(schema);
  const base = hoistConstants(shared);
  if (!isDeepStrictEqual(own.skeleton, base.skeleton)) return undefined;
  const within = (list: readonly HoistedConstant[], c: HoistedConstant) => list.some((other) => isDeepStrictEqual(other, c));
  if (base.constants.some((c) => !within(own.constants, c))) return undefined;
  const added = own.constants.filter((c) => !within(base.constants, c));
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const primitive = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (added.some((c) => c.path.length !== 1 || !required.includes(c.path[0] as string) || !primitive(c.value))) return undefined;
  return added.map((c) => [c.path[0] as string, c.value as JsonValue]);
}

/** A guard: the check, and any throw on the way (a getter, a revoked proxy) means no. */
function guard(name: string, type: string, check: string, docs: JSDocStructure[]): string {
  return functionText({
    doc: docs,
    name,
    parameters: ['value: unknown'],
    returnType: `value is ${type}`,
    body: ['try {', ...returnText(check, 4).map((line) => `  ${line}`), '} catch {', '  return false;', '}'],
  });
}

export function guardDeclarations(ctx: EmitContext): Statement[] {
  const { catalog } = ctx;
  const statements: Statement[] = [];
  for (const type of catalog.types) {
    const check = checkOf(ctx.schemas.shape(type.shape), 'value', ctx);
    statements.push(guard(ctx.typeGuardName(type.name), type.name, check, jsDoc(`Whether a value is ${withArticle(type.name)}, exactly as the schema says.`)));
  }
  const shared = ctx.schemas.errorObject();
  for (const entry of catalog.entries) {
    const schema = ctx.schemas.errorObject(entry);
    const constants = constantsBeyond(schema, shared);
    // The shape every error shares, then the code's constants: fewer expressions for every client's type check.
    const check =
      constants === undefined
        ? checkOf(schema, 'value', ctx)
        : [`${guardOf(ERROR_SHAPE)}(value)`, ...constants.map(([name, value]) => `${ctx.use('ownValue')}(value, ${stringLiteral(name)}) === ${valueLiteral(value)}`)].join(' && ');
    // One line, with a link to the type's full JSDoc: the text of every code twice is parse time in every client's build.
    const deprecated: [string, string][] = entry.deprecated === undefined ? [] : [['deprecated', `See {@link ${ctx.typeName(entry)}}.`]];
    statements.push(guard(ctx.guardName(entry), ctx.typeName(entry), check, jsDoc(`Whether a value is ${withArticle(String(entry.code))} error object ({@link ${ctx.typeName(entry)}}), exactly as its schema says.`, deprecated)));
  }
  // The guards as a tuple, each keeping its type, then seen as one function type: an array of N
  // different predicate types costs tsc a pairwise subtype reduction (quadratic; TS2590 at 10,000
  // codes), and a cast per guard a comparison each.
  const list = catalog.entries.map((e) => `  ${ctx.guardName(e)},`);
  statements.push(
    declaration(jsDoc("Each code's guard, in the order of `ERROR_CODES`."), list.length === 0 ? 'const GUARD_LIST = [] as const;' : `const GUARD_LIST = [\n${list.join('\n')}\n] as const;`),
    declaration(
      jsDoc("Each code's guard by code. A Map, so that no key (`__proto__`, `constructor`) reaches a prototype."),
      [
        'const GUARDS: ReadonlyMap<unknown, (value: unknown) => boolean> = new Map(',
        '  (GUARD_LIST as readonly ((value: unknown) => boolean)[]).map((guard, i): [unknown, (value: unknown) => boolean] => [ERROR_CODES[i], guard]),',
        ');',
      ].join('\n'),
    ),
  );
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
