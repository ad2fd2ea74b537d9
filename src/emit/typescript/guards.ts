import { isDeepStrictEqual } from 'node:util';
import type { FunctionDeclarationStructure, JSDocStructure, StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import { DOCUMENTED_ERROR, ERROR_BODY, ERROR_SHAPE, guardOf } from '../../model/names.js';
import { GUARD_REF, type EmitContext } from './context.js';
import { declaration, functionText, returnText, type Statement } from './layout.js';
import { inlineCode, jsDoc, printDoc, withArticle } from './jsdoc.js';
import { jsonTable, stringLiteral, valueLiteral } from './literals.js';
import { checkOf } from './schema-to-check.js';
import type { JsonValue } from '../../model/catalog.js';
import type { JsonSchema } from '../../model/error-schema.js';
import { hoistConstants, type HoistedConstant, type HoistedSchema } from '../../model/schema-constants.js';

/**
 * The required top-level properties an entry's schema pins to a constant, when that is all it
 * adds to the shared shape's schema: the same skeleton once their constants are hoisted
 * (`hoistConstants`, as example validation splits them), every shared constant kept. Else
 * undefined, and the entry's guard checks its whole schema.
 */
function constantsBeyond(schema: JsonSchema, base: HoistedSchema): [string, JsonValue][] | undefined {
  const own = hoistConstants(schema);
  if (!isDeepStrictEqual(own.skeleton, base.skeleton)) return undefined;
  const within = (list: readonly HoistedConstant[], c: HoistedConstant) => list.some((other) => isDeepStrictEqual(other, c));
  if (base.constants.some((c) => !within(own.constants, c))) return undefined;
  const added = own.constants.filter((c) => !within(base.constants, c));
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const primitive = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (added.some((c) => c.path.length !== 1 || !required.includes(c.path[0] as string) || !primitive(c.value))) return undefined;
  return added.map((c) => [c.path[0] as string, c.value as JsonValue]);
}

/** A guard of a named type or of the whole error: the check, and any throw on the way (a getter, a revoked proxy) means no. */
function guard(name: string, type: string, check: string, docs: JSDocStructure[]): string {
  return functionText({
    doc: docs,
    name,
    parameters: ['value: unknown'],
    returnType: `value is ${type}`,
    body: ['try {', ...returnText(check, 4).map((line) => `  ${line}`), '} catch {', '  return false;', '}'],
  });
}

/**
 * Each code's guard, a const made by a factory that files it in `GUARDS` by code. An entry whose
 * schema is the shared shape plus required constants is checked as `isErrorShape` and its row of
 * `SHARED_SHAPE_CONSTANTS` (a JSON table); any other checks its whole schema. Every client's build
 * type-checks these: a const with a declared type and a call costs the checker a fraction of a
 * function body, and filing as they are made spares a list of every guard (a reference to each).
 */
function entryGuards(ctx: EmitContext): Statement[] {
  const { catalog } = ctx;
  // The shared shape's constants, hoisted once for every code to be compared with.
  const shared = hoistConstants(ctx.errorObject());
  const constants: Record<string, JsonValue> = {};
  const guards = catalog.entries.map((entry) => {
    const schema = ctx.errorObject(entry);
    const beyond = constantsBeyond(schema, shared);
    const type = ctx.typeName(entry);
    const head = `export const ${ctx.guardName(entry)}: (value: unknown) => value is ${type} =`;
    const code = valueLiteral(entry.code);
    let text: string;
    if (beyond === undefined) {
      const check = returnText(checkOf(schema, 'value', ctx), 2).map((line) => `  ${line}`);
      text = `${head} guardFor(${code}, (value) => {\n${check.join('\n')}\n});`;
    } else {
      constants[String(entry.code)] = beyond;
      text = `${head} sharedShapeGuard(${code});`;
    }
    // One line that names the type, which has the full JSDoc: the text of every code twice is parse
    // time in every client's build, and so is a `{@link}` (tsc resolves each; the type in the
    // signature is a link already).
    const deprecated: [string, string][] = entry.deprecated === undefined ? [] : [['deprecated', `See ${inlineCode(type)}.`]];
    return declaration(jsDoc(`Whether a value is ${withArticle(String(entry.code))} error object (${inlineCode(type)}), exactly as its schema says.`, deprecated), text);
  });
  const factories: Statement[] = [
    declaration(
      jsDoc("Each code's guard by code, filed as the guards below are made. A Map, so that no key (`__proto__`, `constructor`) reaches a prototype."),
      'const GUARDS = new Map<unknown, (value: unknown) => boolean>();',
    ),
  ];
  if (guards.length === 0) return factories;
  factories.push(
    [
      printDoc(jsDoc("Files a code's guard in `GUARDS` and gives it: its check, where any throw on the way (a getter, a revoked proxy) means no.")),
      // Typed `any`, like the factories: each guard's type is declared where it is, and relating the
      // two would cost every client's checker. `code` is not an `ErrorCode`: a literal argument
      // against a union of every code costs the checker a pass over the union at each call.
      'function guardFor(code: string | number, check: (value: unknown) => boolean): any {',
      '  const guard = (value: unknown): boolean => {',
      '    try {',
      '      return check(value);',
      '    } catch {',
      '      return false;',
      '    }',
      '  };',
      '  GUARDS.set(code, guard);',
      '  return guard;',
      '}',
    ].join('\n'),
  );
  if (Object.keys(constants).length > 0) {
    factories.push(
      declaration(
        jsDoc('The required constants each code adds to the shape every error shares, as `[property, value]` pairs.'),
        `const SHARED_SHAPE_CONSTANTS: { readonly [code: string]: readonly (readonly [string, string | number | boolean | null])[] } = ${jsonTable(constants)};`,
      ),
      [
        printDoc(jsDoc("A code's guard: the shape every error shares, then the code's row of `SHARED_SHAPE_CONSTANTS`, each an own property.")),
        'function sharedShapeGuard(code: string | number): any {',
        '  const constants = SHARED_SHAPE_CONSTANTS[String(code)] ?? [];',
        '  // None: the shape\'s own guard, one function for every such code, which the classifier then tries once.',
        '  if (constants.length === 0) {',
        `    GUARDS.set(code, ${guardOf(ERROR_SHAPE)});`,
        `    return ${guardOf(ERROR_SHAPE)};`,
        '  }',
        '  return guardFor(code, (value) => {',
        `    if (!${guardOf(ERROR_SHAPE)}(value)) return false;`,
        '    for (let i = 0; i < constants.length; i++) {',
        '      const [key, constant] = constants[i]!;',
        `      if (${ctx.use('ownValue')}(value, key) !== constant) return false;`,
        '    }',
        '    return true;',
        '  });',
        '}',
      ].join('\n'),
    );
  }
  return [...factories, ...guards];
}

export function guardDeclarations(ctx: EmitContext): Statement[] {
  const { catalog } = ctx;
  const statements: Statement[] = [];
  for (const type of catalog.types) {
    const check = checkOf(ctx.schemas.shape(type.shape), 'value', ctx);
    statements.push(guard(ctx.typeGuardName(type.name), type.name, check, jsDoc(`Whether a value is ${withArticle(type.name)}, exactly as the schema says.`)));
  }
  statements.push(...entryGuards(ctx));
  statements.push(
    guard(guardOf(DOCUMENTED_ERROR), DOCUMENTED_ERROR, `${ctx.use('acceptedByAny')}(TABLES, value)`, jsDoc("Whether a value is a documented error object: some code's guard accepts it (looked up by the codes it carries).")),
    guard(guardOf(ERROR_SHAPE), ERROR_SHAPE, checkOf(ctx.errorObject(), 'value', ctx), jsDoc('Whether a value has the shape every error shares, whatever its code.')),
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
