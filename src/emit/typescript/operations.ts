import type { JsonValue } from '../../model/catalog.js';
import { ERROR_SHAPE, statusUnionName } from '../../model/names.js';
import { entryOf } from '../../model/values.js';
import { attachedStatuses, operationKey, type SpecOperation } from '../../merge/operations.js';
import type { EmitContext } from './context.js';
import { jsDoc } from './jsdoc.js';
import { declaration, functionText, objectText, unionText, valueText, type Statement } from './layout.js';
import { literalType, stringLiteral } from './literals.js';

/** One status of one operation: the codes the catalog gives it there (none: a status without a code). */
interface OperationStatus {
  status: number;
  codes: readonly (string | number)[];
}

/** A member of a status-keyed map type, laid out at two levels of indentation. */
const member = (key: string, members: readonly string[]) => {
  const union = unionText(members, key.length + 8);
  return [key, union.startsWith('\n') ? union.replace(/\n/g, '\n  ') : union] as const;
};

/** `StatusErrors`: the error objects answered with each status, status by status. */
export function statusErrorsDeclaration(ctx: EmitContext): Statement {
  const { catalog } = ctx;
  const rows = catalog.statuses.map((info) => {
    const types = errorTypes(ctx, info.codes);
    // A status's union is declared already (`Status404Error`): named here, not written out again for every client's parser.
    return member(String(info.status), info.statusOnly || types[0] === ERROR_SHAPE ? types : [statusUnionName(info.status)]);
  });
  return declaration(jsDoc('The error objects answered with each HTTP status (`ErrorShape` where a status has no code of its own): narrow by status, then by code.'), `export interface StatusErrors ${objectText(rows, 0, ';')}`);
}

function errorTypes(ctx: EmitContext, codes: readonly (string | number)[]): string[] {
  const entries = codes.map((code) => entryOf(ctx.catalog, code)).filter((e) => e !== undefined);
  return entries.length === 0 ? [ERROR_SHAPE] : entries.map((e) => ctx.typeName(e));
}

/**
 * Per operation of the spec the catalog's rules select, keyed by operationId (else
 * `METHOD /path`): its errors by status (`OperationStatusErrors`), their union
 * (`OperationErrors`), `OPERATIONS` (method, path, codes per status) and `isOperationError`,
 * which narrows a thrown error to one operation's, by status, then by code.
 */
export function operationDeclarations(ctx: EmitContext, operations: readonly SpecOperation[]): Statement[] {
  const { catalog } = ctx;
  const byKey = new Map<string, { operation: SpecOperation; statuses: OperationStatus[] }>();
  for (const operation of operations) {
    const statuses = attachedStatuses(catalog, operation).map((a) => ({ status: a.status, codes: a.codes }));
    if (statuses.length > 0 && !byKey.has(operationKey(operation))) byKey.set(operationKey(operation), { operation, statuses });
  }
  const name = catalog.naming.errorClass;
  const statusMaps = [...byKey].map(([key, { operation, statuses }]) => {
    const rows = statuses.map((s) => member(String(s.status), errorTypes(ctx, s.codes)));
    return `  /** ${operation.method.toUpperCase()} ${operation.path.replace(/\*\//g, '*\\/')} */\n  ${stringLiteral(key)}: ${objectText(rows, 2, ';')};`;
  });
  const failures = [...byKey].map(([key, { statuses }]) => {
    const members = statuses.flatMap((s) => {
      const entries = s.codes.map((code) => entryOf(catalog, code)).filter((e) => e !== undefined);
      if (entries.length === 0) return [`{ readonly status: ${s.status}; readonly known: false; readonly error: ${ERROR_SHAPE} | undefined }`];
      return entries.map((e) => `{ readonly status: ${s.status}; readonly known: true; readonly code: ${literalType(e.code)}; readonly error: ${ctx.typeName(e)} }`);
    });
    return `  ${stringLiteral(key)}:${members.length === 1 ? ` ${members[0]}` : `\n${members.map((m) => `    | ${m}`).join('\n')}`};`;
  });
  const table: Record<string, JsonValue> = {};
  for (const [key, { operation, statuses }] of byKey) {
    table[key] = { method: operation.method.toUpperCase(), path: operation.path, statuses: Object.fromEntries(statuses.map((s) => [String(s.status), [...s.codes]])) };
  }
  return [
    declaration(jsDoc("Each operation's errors by HTTP status, keyed by operationId (else `METHOD /path`): exactly the error objects the catalog maps to it."), `export interface OperationStatusErrors {\n${statusMaps.join('\n')}\n}`),
    declaration(jsDoc('An operation of the spec that the catalog gives errors to.'), `export type OperationKey = keyof OperationStatusErrors;`),
    declaration(jsDoc("Each operation's errors: the union of exactly the error objects it can return."), 'export type OperationErrors = { [O in OperationKey]: OperationStatusErrors[O][keyof OperationStatusErrors[O]] };'),
    declaration(jsDoc("Each operation's failures as a thrown error says them: narrow by `status`, then by `code`."), `export interface OperationFailures {\n${failures.join('\n')}\n}`),
    declaration(jsDoc(`A \`${name}\` that one operation returns.`), `export type OperationError<O extends OperationKey> = ${name} & OperationFailures[O];`),
    declaration(
      jsDoc('Each operation: its method, its path and, per status, the codes the catalog gives it (none: a status without a code).'),
      `export const OPERATIONS = ${valueText(table, 0, 'export const OPERATIONS = '.length + 10)} as const;`,
    ),
    declaration(
      undefined,
      `/** \`OPERATIONS\`, typed for lookups. */\nconst OPERATION_TABLE: { readonly [key: string]: { readonly statuses: { readonly [status: string]: readonly WireValue[] } } } = OPERATIONS;`,
    ),
    functionText({
      doc: jsDoc(`Whether a value is a \`${name}\` that \`operation\` returns: a status it answers with and, at a status with codes, one of its documented codes there. Narrows by status, then by code.`),
      name: 'isOperationError',
      typeParameters: 'O extends OperationKey',
      parameters: ['value: unknown', 'operation: O'],
      returnType: 'value is OperationError<O>',
      body: [
        `if (!(value instanceof ${name}) || !Object.hasOwn(OPERATION_TABLE, operation)) return false;`,
        'const statuses = OPERATION_TABLE[operation]?.statuses ?? {};',
        'const codes = Object.hasOwn(statuses, String(value.status)) ? statuses[String(value.status)] : undefined;',
        'if (codes === undefined) return false;',
        'return codes.length === 0 || (value.known && value.code !== undefined && codes.includes(value.code));',
      ],
    }),
  ];
}
