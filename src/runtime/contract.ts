/**
 * The shapes of the data a generated errors.ts declares and its runtime reads. The emitter
 * inlines these declarations as they are, exported: the retry types are the public API, the
 * table types document the constants.
 */

/** Response headers: a fetch `Headers` (or anything with `get`, such as axios's), or a plain record such as Node's `IncomingHttpHeaders`. */
export type HeadersLike =
  | { get(name: string): unknown }
  | { readonly [name: string]: unknown };

/** A JSON value, as the catalog writes constants, `where` selectors and conditions. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A code as it travels: a level's value, an entry's pinned value, an item code. */
export type WireValue = string | number;

/** A value in a response header, optionally through a `pattern` whose first capture group is the value. */
export interface HeaderLocator {
  readonly header: string;
  readonly pattern?: string;
}

/**
 * A value in the error object: at the dotted path `field`; or at `field` inside the first item of
 * the array `in` whose properties equal `where`; or at `field` inside the innermost object
 * reached by following `chain` (one step at least). Optionally through a `pattern`.
 */
export interface BodyLocator {
  readonly field: string;
  readonly in?: string;
  readonly where?: { readonly [property: string]: JsonValue };
  readonly chain?: string;
  readonly pattern?: string;
}

/** Where a value sits in an error response. */
export type Locator = HeaderLocator | BodyLocator;

/**
 * A header that says whether to retry (`Stripe-Should-Retry`): `false` means never; `true` retries
 * even under a `never` policy.
 */
export interface ShouldRetry {
  readonly header: string;
}

/** Do not retry. */
export interface NeverPolicy {
  readonly strategy: 'never';
  readonly shouldRetry?: ShouldRetry;
}

/** Exponential backoff: `baseDelayMs * factor^(attempt - 1)`, capped at `maxDelayMs`, randomised by `jitter`. */
export interface BackoffPolicy {
  readonly strategy: 'backoff';
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
  readonly jitter: 'none' | 'full' | 'equal';
  readonly shouldRetry?: ShouldRetry;
}

/**
 * How a delay hint is written: `delay` (seconds or an HTTP-date, as `Retry-After`), `seconds` and
 * `milliseconds` (a number or a numeric string), `http-date`, `epoch-seconds` and `epoch-ms` (the
 * moment to retry at), `duration` (`21s`, `1.5s`, `500ms`, `2m`, `1h`).
 */
export type HintFormat = 'delay' | 'seconds' | 'milliseconds' | 'http-date' | 'epoch-seconds' | 'epoch-ms' | 'duration';

/**
 * Where the server says how long to wait, and how it writes it; read only when one of its conditions
 * holds (none: always).
 */
export type RetryHint = Locator & { readonly format: HintFormat; readonly when?: readonly Condition[] };

/** Wait as long as the first readable hint says, else back off with the fallback. */
export interface RetryAfterPolicy {
  readonly strategy: 'retry-after';
  readonly hints: readonly RetryHint[];
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly fallback: BackoffPolicy;
  readonly shouldRetry?: ShouldRetry;
}

/** How to retry an error. */
export type RetryPolicy = NeverPolicy | BackoffPolicy | RetryAfterPolicy;

/** Sources of randomness and time, replaceable in tests. */
export interface RetryOptions {
  /** A number in [0, 1); default `Math.random`. */
  readonly random?: () => number;
  /** Milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * A condition on a response: a header or a field of the error object that equals a value,
 * matches a pattern, or is present (or absent).
 */
export type Condition =
  | { readonly header: string; readonly equals?: string; readonly pattern?: string; readonly present?: boolean }
  | { readonly field: string; readonly equals?: JsonValue; readonly pattern?: string; readonly present?: boolean };

/** What the classifier needs of an entry at one status. */
export interface ResponseFacts {
  readonly status: number;
  readonly retry: RetryPolicy;
  /** The entry applies at this status when any of these holds; always when there are none. */
  readonly when: readonly Condition[];
}

/** What the classifier needs of an entry: the wire value it fixes at each level, and its facts per status. */
export interface EntryFacts {
  readonly pins: { readonly [level: string]: WireValue };
  readonly responses: readonly ResponseFacts[];
}

/** One code level, coarse to fine. */
export interface LevelRow {
  readonly name: string;
  readonly at: Locator;
  readonly type: 'string' | 'integer';
  /** Headers that repeat this level's value (`x-ms-error-code`). */
  readonly echoes: readonly string[];
}

/**
 * The levels read from a response: every value per level (along a chain, innermost last), and the
 * finest of each as `codes`.
 */
export interface LevelsRead {
  codes: Record<string, WireValue>;
  values: Record<string, WireValue[]>;
  /** False when a header that echoes a level disagrees with the body. */
  agree: boolean;
}

/** How bodies carry error objects. */
export interface EnvelopeRow {
  readonly kind: 'flat' | 'wrapped' | 'problem' | 'list' | 'array' | 'codeless';
  /** The wrapper key of a `wrapped` body, or the array's key of a `list` body. */
  readonly key?: string;
  /** The message property, when error objects have one. */
  readonly message?: string;
  /** The property that marks an error sent under a 2xx status, and its value. */
  readonly errorWhen?: { readonly name: string; readonly value: JsonValue };
  readonly contentType: string;
}

/**
 * A node of the map of where item codes sit in an error object. Nodes refer to each other by
 * index (0 is the error object), so recursive types stay finite.
 */
export interface CodeSite {
  /** The value here is a code. */
  readonly codes?: boolean;
  /** Properties that hold codes or lead to them, with the node of their value. */
  readonly properties?: readonly (readonly [name: string, site: number])[];
  /** Every item of an array. */
  readonly items?: number;
  /** Every value of a map, besides its declared properties. */
  readonly values?: number;
  /** The value is also each of these nodes (the members of a union). */
  readonly also?: readonly number[];
}

/** Everything the classifier, the retry helpers and `isDocumentedError` read. */
export interface ErrorTables {
  readonly envelope: EnvelopeRow;
  /** Coarse to fine. */
  readonly levels: readonly LevelRow[];
  /** Each entry's facts, by its code. */
  readonly entries: { readonly [code: string]: EntryFacts };
  /** Each entry's guard. A Map, so that no key (`__proto__`, `constructor`) reaches a prototype. */
  readonly guards: ReadonlyMap<unknown, (value: unknown) => boolean>;
  /**
   * Per level (same order): wire value to the entries at that level with that value, conditional ones
   * first, then catalog order.
   */
  readonly byValue: readonly ReadonlyMap<unknown, readonly WireValue[]>[];
  /** Entries whose guard cannot see their own code (header, chain or pattern levels, codeless entries). */
  readonly unindexed: readonly WireValue[];
  /** Status to the codeless entries answered with it, conditional ones first, then catalog order. */
  readonly codeless: ReadonlyMap<number, readonly WireValue[]>;
  readonly itemCodes: readonly CodeSite[];
  /** Whether an error object has the shape every error shares. */
  readonly sharedShape: (value: unknown) => boolean;
  /** Each status the catalog uses, with its own policy. */
  readonly statuses: { readonly [status: string]: { readonly retry: RetryPolicy } };
  /** The catalog's policies by status, class (`5xx`) or `default`. */
  readonly retryDefaults: { readonly [key: string]: RetryPolicy };
  /** errcat's own policy for a 5xx nothing else covers, and for `shouldRetry: true` under `never`. */
  readonly defaultBackoff: BackoffPolicy;
}

/** A response classified by the runtime; the generated `classifyError` narrows it to `ClassifiedError`. */
export interface Classified {
  readonly known: boolean;
  readonly code: WireValue | undefined;
  readonly status: number;
  readonly statusDocumented?: boolean;
  readonly error: unknown;
  readonly meta?: EntryFacts;
  readonly response?: ResponseFacts | undefined;
  readonly codes: { readonly [level: string]: WireValue };
  readonly itemCodes: readonly WireValue[];
  readonly retry: RetryPolicy;
  readonly retryable: boolean;
  readonly retryDelayMs: number | undefined;
}

/**
 * A level an entry's constructor writes: its pinned `value`, or the caller's value under `input`.
 * `fill` is the array item (for `in`) or the innermost object (for `chain`) written when the
 * caller gives none.
 */
export interface LevelPin {
  readonly at: BodyLocator;
  readonly value?: WireValue;
  readonly input?: string;
  readonly fill?: JsonValue;
}

/** What an entry's constructor writes. */
export interface BuildRow {
  readonly levels: readonly LevelPin[];
  /** Every field of the error object besides the levels, the message and the marker, in order. */
  readonly fields: readonly string[];
  /** Per status: the default message and the computed field values. */
  readonly responses: readonly {
    readonly status: number;
    readonly message: string;
    readonly values: { readonly [field: string]: JsonValue };
  }[];
  /** Headers the entry fixes: header levels and echoes of its pinned values. */
  readonly headers: { readonly [name: string]: string };
}

/** An error response as built: status, headers, body. */
export interface BuiltResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/** What `fromResponse` reads of a response: a fetch `Response` has it all. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: HeadersLike;
  text(): Promise<string>;
}

/** How `withRetry` may bound and wait; the clock, randomness and sleep are replaceable in tests. */
export interface RetryLoopOptions {
  /** Attempts in all, the first included; the catalog's own cap still applies when lower. */
  readonly maxAttempts?: number;
  /** Give up rather than wait longer than this before one retry (a server may ask for more). */
  readonly maxDelayMs?: number;
  /** Give up rather than wait more than this in all. */
  readonly maxTotalDelayMs?: number;
  /** Stops waiting and retrying: the wait rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Waits; default a timer that the signal cancels. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told of each retry before its wait. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}
