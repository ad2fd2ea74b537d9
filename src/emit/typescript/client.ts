import { DOCUMENTED_ERROR, ERROR_SHAPE } from '../../model/names.js';
import { ITEM_CODES } from './api.js';
import type { EmitContext } from './context.js';
import { jsDoc } from './jsdoc.js';
import { declaration, functionText, type Statement } from './layout.js';
import { stringLiteral } from './literals.js';

/**
 * The throwable error class, named from the catalog (`SandboxApiError`): a classified response
 * with its status, codes, body, headers and retry policy, built from a fetch `Response` by
 * `fromResponse`; and `withRetry`, which retries what throws it per the catalog's policies.
 */
export function clientDeclarations(ctx: EmitContext): Statement[] {
  const name = ctx.catalog.naming.errorClass;
  const message = ctx.catalog.envelope.message?.name;
  const readBody = ctx.use('readBody');
  const headerRecord = ctx.use('headerRecord');
  const messageOf = ctx.use('messageOf');
  const retryLoop = ctx.use('retryLoop');
  const delayMs = ctx.use('delayMs');
  const classify = ctx.use('classify');
  const classText = `export class ${name} extends Error {
  override readonly name: string = ${stringLiteral(name)};
  /** The HTTP status. */
  readonly status: number;
  /** Whether the response is a documented error; \`is(code)\` narrows to one. */
  readonly known: boolean;
  /** The documented code, or the finest code the body carries when it is not documented. */
  readonly code: ClassifiedError["code"];
  /** Every code level read, by name. */
  readonly codes: ErrorLevels;
  /** The codes of sub-errors (item codes). */
  readonly itemCodes: ${ITEM_CODES};
  /** The error object: a documented one, one with the shape every error shares, or undefined. */
  readonly error: ${DOCUMENTED_ERROR} | ${ERROR_SHAPE} | undefined;
  /** The body as received: parsed JSON, else its text; undefined when empty. */
  readonly body: unknown;
  readonly headers: HeadersLike;
  /** The retry policy at this status. */
  readonly retry: RetryPolicy;
  /** Whether a second attempt may follow (as the response's should-retry header allows). */
  readonly retryable: boolean;
  /** The full classification. */
  readonly classified: ClassifiedError;

  constructor(status: number, body: unknown, headers: HeadersLike = {}, options: { readonly cause?: unknown } & RetryOptions = {}) {
    // Read as the runtime's own type: each property read of \`ClassifiedError\`, a union of every code, costs the checker a pass over it.
    const classified = ${classify}(TABLES, status, body, headers, options);
    super(${messageOf}(${message === undefined ? 'undefined' : stringLiteral(message)}, status, classified.code, classified.error), "cause" in options ? { cause: options.cause } : undefined);
    this.status = status;
    this.known = classified.known;
    this.code = classified.code as ClassifiedError["code"];
    this.codes = classified.codes as ErrorLevels;
    this.itemCodes = classified.itemCodes;
    this.error = classified.error as ${DOCUMENTED_ERROR} | ${ERROR_SHAPE} | undefined;
    this.body = body;
    this.headers = headers;
    this.retry = classified.retry;
    this.retryable = classified.retryable;
    this.classified = classified as ClassifiedError;
  }

  /**
   * The error a response is, its body read once (a body that is not JSON, or none, still gives
   * an error with the status); \`cause\` chains the error that led here.
   */
  static async fromResponse(response: ResponseLike, options: { readonly cause?: unknown } = {}): Promise<${name}> {
    return new ${name}(response.status, await ${readBody}(response), response.headers, options);
  }

  /** Whether this is the documented error \`code\`; narrows \`error\` to its type. */
  is<C extends ErrorCode>(code: C): this is ${name} & { readonly known: true; readonly code: C; readonly error: ErrorFor<C> } {
    // Compared as unknown: \`this.code\` against \`C\` would cost the checker a pass over every code.
    const own: unknown = this.code;
    return this.known && own === code;
  }

  /** How long to wait before retrying after attempt number \`attempt\` failed; undefined: do not retry. */
  retryDelayMs(attempt: number, options: RetryOptions = {}): number | undefined {
    return ${delayMs}(TABLES.defaultBackoff, this, attempt, this.headers, options);
  }

  toJSON(): {
    readonly name: string;
    readonly message: string;
    readonly status: number;
    readonly known: boolean;
    readonly code: ClassifiedError["code"];
    readonly codes: ErrorLevels;
    readonly body: unknown;
    readonly headers: Record<string, string>;
    readonly retry: RetryPolicy;
  } {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      known: this.known,
      code: this.code,
      codes: this.codes,
      body: this.body,
      headers: ${headerRecord}(this.headers),
      retry: this.retry,
    };
  }
}`;
  return [
    declaration(jsDoc(`An error response of the ${ctx.catalog.info.title}, classified per its catalog: throw it from a client's middleware or interceptor, narrow it with \`is(code)\`, retry it with \`withRetry\`.`), classText),
    declaration(jsDoc('`withRetry` options: caps on attempts and waits, an `AbortSignal`, and the clock, randomness and sleep, for tests.'), 'export type WithRetryOptions = RetryLoopOptions & RetryOptions;'),
    functionText({
      doc: jsDoc(
        `Calls \`fn\` (with the attempt number, 1 first) until it resolves. When it throws ${'`'}${name}${'`'}, retries as the catalog says for that error: its attempts, its backoff with jitter, or the delay the server asks for in any form the catalog declares; anything else is thrown at once, as is the last error when a cap is reached or the signal aborts.`,
      ),
      name: 'withRetry',
      typeParameters: 'T',
      parameters: ['fn: (attempt: number, signal?: AbortSignal) => Promise<T>', 'options: WithRetryOptions = {}'],
      returnType: 'Promise<T>',
      body: [
        `return ${retryLoop}(`,
        '  fn,',
        `  (error, attempt) => (error instanceof ${name} ? error.retryDelayMs(attempt, options) : undefined),`,
        '  options,',
        ');',
      ],
    }),
  ];
}
