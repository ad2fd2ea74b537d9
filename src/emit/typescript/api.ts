import { StructureKind } from './ts-morph.js';
import { ERROR_SHAPE } from '../../model/names.js';
import type { EmitContext } from './context.js';
import { declaration, functionText, type Statement } from './layout.js';
import { jsDoc } from './jsdoc.js';

/** The type of a classified error's `itemCodes`: the documented item codes, and any other the body carries. */
export const ITEM_CODES = 'readonly (ItemCode | (string & {}) | (number & {}))[]';

interface ApiFunction {
  name: string;
  parameters: { name: string; type: string; hasQuestionToken?: boolean; initializer?: string }[];
  returnType: string;
  statements: string[];
}

function exportedFunction(f: ApiFunction, doc: string): string {
  const parameters = f.parameters.map((p) => `${p.name}${p.hasQuestionToken ? '?' : ''}: ${p.type}${p.initializer === undefined ? '' : ` = ${p.initializer}`}`);
  return functionText({ doc: jsDoc(doc), name: f.name, parameters, returnType: f.returnType, body: f.statements });
}

/** `classifyError` and the retry helpers: typed doors onto the runtime, over `TABLES`. */
export function apiDeclarations(ctx: EmitContext): Statement[] {
  const classify = ctx.use('classify');
  const attemptsLeft = ctx.use('attemptsLeft');
  const overridden = ctx.use('overriddenPolicy');
  return [
    declaration(
      jsDoc('A response classified as a documented error; narrow on `code` to get its typed `error`.'),
      `export type KnownError = {
  [C in ErrorCode]: {
    readonly known: true;
    /** The entry it resolved to. */
    readonly code: C;
    readonly status: number;
    /** Whether the catalog documents this code with this status. */
    readonly statusDocumented: boolean;
    readonly error: ErrorFor<C>;
    readonly meta: ErrorMeta;
    /** The code as answered with this status; undefined when the catalog does not document that. */
    readonly response: ResponseMeta | undefined;
    /** Every code level read, by name. */
    readonly codes: ErrorLevels;
    /** Every value of a code-bearing field in the error object (sub-errors' codes). */
    readonly itemCodes: ${ITEM_CODES};
    /** The policy at this status (the status's own where the code is not documented with it). */
    readonly retry: RetryPolicy;
    readonly retryable: boolean;
    /** The delay before a first retry, or undefined when it should not be retried. */
    readonly retryDelayMs: number | undefined;
  };
}[ErrorCode];`,
    ),
    {
      kind: StructureKind.Interface,
      name: 'UnclassifiedError',
      isExported: true,
      docs: jsDoc("A response that is not a documented error. Its codes still come back: `code` is the finest level value the body (or an echoing header) carries."),
      properties: [
        { name: 'known', type: 'false', isReadonly: true },
        { name: 'code', type: 'Exclude<ErrorLevels[keyof ErrorLevels], undefined> | undefined', isReadonly: true, docs: jsDoc('The finest level value read, as it is; undefined when there is none (or a 2xx body is not an error).') },
        { name: 'status', type: 'number', isReadonly: true },
        { name: 'error', type: `${ERROR_SHAPE} | undefined`, isReadonly: true, docs: jsDoc('The error object when it has the shape every error shares.') },
        { name: 'codes', type: 'ErrorLevels', isReadonly: true },
        { name: 'itemCodes', type: ITEM_CODES, isReadonly: true },
        { name: 'retry', type: 'RetryPolicy', isReadonly: true, docs: jsDoc('The policy of the code the body names at this status, if there is one; else the status\'s.') },
        { name: 'retryable', type: 'boolean', isReadonly: true },
        { name: 'retryDelayMs', type: 'number | undefined', isReadonly: true },
      ],
    },
    { kind: StructureKind.TypeAlias, name: 'ClassifiedError', isExported: true, type: 'KnownError | UnclassifiedError' },
    exportedFunction(
      {
        name: 'classifyError',
        parameters: [
          { name: 'status', type: 'number' },
          { name: 'body', type: 'unknown' },
          { name: 'headers', type: 'HeadersLike', hasQuestionToken: true },
          { name: 'options', type: 'RetryOptions', initializer: '{}' },
        ],
        returnType: 'ClassifiedError',
        statements: [`return ${classify}(TABLES, status, body, headers, options) as ClassifiedError;`],
      },
      "Classifies an error response: reads every code level (the body first; a header that echoes a level stands in when the body lacks it, and one that disagrees makes the response unknown) and every item code, then resolves the finest level that names a code whose other levels, conditions and shape agree, then coarser levels, then the codes told apart by status alone. Never throws; anything else is `known: false`, with its raw codes and the status's retry policy (or that of the code it names).",
    ),
    exportedFunction(
      { name: 'retryPolicyFor', parameters: [{ name: 'status', type: 'number' }], returnType: 'RetryPolicy', statements: [`return ${ctx.use('policyForStatus')}(TABLES, status);`] },
      "The retry policy of an HTTP status: the catalog's for the status, else its default by status, class or `default`, else never for 4xx and backoff for 5xx.",
    ),
    exportedFunction(
      {
        name: 'isRetryable',
        parameters: [{ name: 'error', type: '{ readonly retry: RetryPolicy }' }, { name: 'attempt', type: 'number', initializer: '1' }],
        returnType: 'boolean',
        statements: [`return ${attemptsLeft}(error.retry, attempt);`],
      },
      "Whether another attempt may follow attempt number `attempt` (1 for the first request) under the error's policy.",
    ),
    exportedFunction(
      {
        name: 'shouldRetry',
        parameters: [{ name: 'error', type: '{ readonly retry: RetryPolicy }' }, { name: 'attempt', type: 'number', initializer: '1' }, { name: 'headers', type: 'HeadersLike', hasQuestionToken: true }],
        returnType: 'boolean',
        statements: [`return ${attemptsLeft}(${overridden}(error.retry, headers, TABLES.defaultBackoff), attempt);`],
      },
      "Whether to retry after attempt number `attempt`: the policy, as the response's should-retry header overrides it (`false`: never; `true` under a never policy: errcat's default backoff).",
    ),
    exportedFunction(
      {
        name: 'retryDelayMs',
        parameters: [
          { name: 'error', type: '{ readonly retry: RetryPolicy; readonly error?: unknown }' },
          { name: 'attempt', type: 'number' },
          { name: 'headers', type: 'HeadersLike', hasQuestionToken: true },
          { name: 'options', type: 'RetryOptions', initializer: '{}' },
        ],
        returnType: 'number | undefined',
        statements: [`return ${ctx.use('delayMs')}(TABLES.defaultBackoff, error, attempt, headers, options);`],
      },
      'How long to wait before retrying after attempt number `attempt` failed, in milliseconds; `undefined` when not to retry (never, attempts used up, or the should-retry header says no).\n\nA `retry-after` policy reads its hints in order (headers, body fields, fields of array items) as delay-seconds or HTTP-dates, seconds, milliseconds, epoch resets or durations, and falls back to its backoff when none is present and readable.',
    ),
  ];
}
