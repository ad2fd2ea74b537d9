import { StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import type { EmitContext } from './context.js';
import { valueLiteral } from './literals.js';
import { codeExpression, firstErrorExpression } from './guards.js';

/** `classifyError(status, body, headers)` and its result types. */
export function classifyDeclarations(ctx: EmitContext): StatementStructures[] {
  const { catalog } = ctx;
  const codeless = catalog.envelope.code === undefined;
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.TypeAlias,
      name: 'KnownError',
      isExported: true,
      docs: ['A response classified as a documented error; narrow on `code` to get its typed `error`.'],
      type: `{ [C in ErrorCode]: {
  readonly known: true;
  readonly code: C;
  readonly status: number;
  /** Whether the catalog documents this code with this status. */
  readonly statusDocumented: boolean;
  readonly error: ErrorFor<C>;
  readonly meta: ErrorMeta;
  readonly retry: RetryPolicy;
  readonly retryable: boolean;
  /** The delay before a first retry, or undefined when it should not be retried. */
  readonly retryDelayMs: number | undefined;
} }[ErrorCode]`,
    },
    {
      kind: StructureKind.Interface,
      name: 'UnclassifiedError',
      isExported: true,
      docs: ['A response that is not a documented error: the status\'s policy still says whether to retry.'],
      properties: [
        { name: 'known', type: 'false', isReadonly: true },
        { name: 'code', type: 'undefined', isReadonly: true },
        { name: 'status', type: 'number', isReadonly: true },
        { name: 'error', type: 'UnknownError | undefined', isReadonly: true, docs: ['The error object when it has the shape every error shares (e.g. a status with no code of its own).'] },
        { name: 'retry', type: 'RetryPolicy', isReadonly: true },
        { name: 'retryable', type: 'boolean', isReadonly: true },
        { name: 'retryDelayMs', type: 'number | undefined', isReadonly: true },
      ],
    },
    { kind: StructureKind.TypeAlias, name: 'ClassifiedError', isExported: true, type: 'KnownError | UnclassifiedError' },
  ];
  if (codeless) {
    statements.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['The entry each status belongs to: with no code on the wire, the status tells errors apart.'],
      declarations: [{ name: 'BY_STATUS', type: 'ReadonlyMap<number, ErrorCode>', initializer: `new Map<number, ErrorCode>([${catalog.entries.flatMap((e) => e.statuses.map((s) => `[${s}, ${valueLiteral(e.code)}]`)).join(', ')}])` }],
    });
  }
  const known = codeless
    ? [
        'const code = BY_STATUS.get(status);',
        'const check = code === undefined ? undefined : GUARDS.get(code);',
        'if (code !== undefined && check !== undefined && check(body)) {',
      ]
    : [`const error = ${firstErrorExpression(ctx, 'body')};`, 'if (isErrorBody(body)) {', `  const code = ${codeExpression(ctx, 'error')} as ErrorCode;`];
  statements.push(
    {
      kind: StructureKind.Function,
      name: 'classifyBody',
      parameters: [{ name: 'status', type: 'number' }, { name: 'body', type: 'unknown' }, { name: 'headers', type: 'HeadersLike | undefined' }],
      returnType: 'ClassifiedError',
      statements: [
        ...known,
        '  const meta: ErrorMeta = ERRORS[code];',
        `  const result = { known: true as const, code, status, statusDocumented: meta.statuses.includes(status), error: ${codeless ? 'body' : 'error'}, meta, retry: meta.retry };`,
        '  return { ...result, retryable: isRetryable(result), retryDelayMs: retryDelayMs(result, 1, headers) } as KnownError;',
        '}',
        `const shared = ${codeless ? 'body' : 'error'};`,
        'const result = { known: false as const, code: undefined, status, error: isUnknownError(shared) ? shared : undefined, retry: retryPolicyFor(status) };',
        'return { ...result, retryable: isRetryable(result), retryDelayMs: retryDelayMs(result, 1, headers) };',
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'classifyError',
      isExported: true,
      parameters: [{ name: 'status', type: 'number' }, { name: 'body', type: 'unknown' }, { name: 'headers', type: 'HeadersLike', hasQuestionToken: true }],
      returnType: 'ClassifiedError',
      docs: [
        `Classifies an error response${codeless ? ' by its status (the body carries no code), checking the body has that error\'s shape' : ' by the code in its body'}. Never throws, and never reports a body that does not match as a documented code: anything else is \`known: false\`, with the status's retry policy.`,
      ],
      statements: [
        'try {',
        '  return classifyBody(status, body, headers);',
        '} catch {',
        '  // A hostile body (a throwing getter, a revoked proxy) is simply not a documented error.',
        '  const retry = retryPolicyFor(Number(status));',
        '  return { known: false, code: undefined, status, error: undefined, retry, retryable: isRetryable({ retry }), retryDelayMs: retryDelayMs({ retry }, 1) };',
        '}',
      ],
    },
  );
  return statements;
}
