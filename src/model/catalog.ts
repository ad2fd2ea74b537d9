/**
 * The resolved Catalog model: the only thing emitters, merge, diff and import see.
 *
 * Everything here is resolved — defaults applied, references checked, computed values expanded,
 * and every fact that can differ by HTTP status resolved per status (`Entry.responses`,
 * `StatusInfo`) — so an emitter never looks at the catalog text, never guesses and keeps no
 * fallbacks of its own. Facts a user may ask "where did that come from?" about carry the catalog
 * path they were resolved from (`Origin`).
 */

export type EnvelopeKind = 'flat' | 'wrapped' | 'problem' | 'list' | 'array' | 'codeless';

export type CodeStyle =
  | 'snake_case'
  | 'UPPER_SNAKE_CASE'
  | 'kebab-case'
  | 'camelCase'
  | 'PascalCase'
  | 'dot.case';

/** A JSON value, as it appears in examples and constants. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A step of a path into the catalog document: a key, or an index in a list. */
export type PathSegment = string | number;

/**
 * Where a resolved fact came from: a catalog path (`['retry', '5xx']`), or errcat's own default
 * (`{ default: 'retry for 5xx' }`) when the catalog says nothing.
 */
export type Origin = { readonly path: readonly PathSegment[] } | { readonly default: string };

export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';
export type FieldType = ScalarType | 'object' | 'array' | 'any';

/** JSON Schema keywords a field may carry as written, copied as they are. */
export interface FieldConstraints {
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** One documented value of a code-bearing field (an item code such as GitHub's `missing_field`). */
export interface DocumentedCode {
  value: string | number;
  description?: string;
}

/**
 * The shape of one value of an error body: a small, guard-friendly subset of JSON Schema.
 * Exactly one of `type`, `oneOf` and `ref` says what it is.
 */
export interface FieldShape extends FieldConstraints {
  /** Absent for a union (`oneOf`) or a reference (`ref`). `any` accepts every JSON value. */
  type?: FieldType;
  nullable: boolean;
  description?: string;
  enum?: readonly (string | number)[];
  /**
   * Documented codes this field carries (item codes: GitHub `errors[].code`, Microsoft
   * `details[].code`). They close the field like `enum` unless `extensible`; the classifier
   * reports every one it finds in a body as `itemCodes`.
   */
  codes?: readonly DocumentedCode[];
  /** Codes beyond the documented ones may appear: documented, but not enforced. */
  extensible?: boolean;
  /** For arrays. */
  items?: FieldShape;
  /** For objects. */
  properties?: readonly Field[];
  /** For objects: closed (`false`), open (`true`, the default), or a map whose values have this shape. */
  additionalProperties?: boolean | FieldShape;
  /** A union: the value has one of these shapes. */
  oneOf?: readonly FieldShape[];
  /** For a union of objects: the property whose constant tells the members apart (`@type`). */
  discriminator?: string;
  /** A named type declared under the catalog's `types` (the way to recursion). */
  ref?: string;
  example?: JsonValue;
}

/** How a field's value is decided for each entry and status. */
export type FieldValue =
  | { kind: 'free' }
  | { kind: 'status' }
  | { kind: 'code' }
  | { kind: 'title' }
  | { kind: 'docUrl' }
  | { kind: 'template'; template: string }
  | { kind: 'const'; value: JsonValue }
  | { kind: 'per-entry'; default?: JsonValue };

export interface Field extends FieldShape {
  name: string;
  required: boolean;
  value: FieldValue;
}

/** A shape declared once under `types`, referenced by `ref`; may refer to itself. */
export interface NamedType {
  name: string;
  shape: FieldShape;
}

/**
 * Where a value sits in an error response. Body paths are relative to the error object (for a
 * `list` or `array` envelope, to one item of the list).
 */
export type Locator = BodyLocator | HeaderLocator;

export interface BodyLocator {
  source: 'body';
  /**
   * The value sits in an item of an array: the first item at `path` whose properties equal
   * `where` (Google's `details` item whose `@type` is ErrorInfo).
   */
  items?: { path: readonly string[]; where: Readonly<Record<string, JsonValue>> };
  /**
   * Follow this key from the error object as deep as it goes (`innererror`); the value is read
   * at the innermost object reached, one step at least.
   */
  chain?: string;
  /** The value's path inside the error object, the item, or the innermost chain object. */
  path: readonly string[];
  /** A regular expression (ECMAScript, `u` flag) with one capture group: the value is that group. */
  pattern?: string;
}

export interface HeaderLocator {
  source: 'header';
  /** The header name as the catalog writes it; read case-insensitively. */
  header: string;
  pattern?: string;
}

/**
 * One discriminator of the error model. Levels go from coarse to fine: Stripe's
 * `type` → `code` → `decline_code`, Google's `status` → ErrorInfo `reason`.
 */
export interface CodeLevel {
  name: string;
  at: Locator;
  type: 'string' | 'integer';
  /** Bodies may lack it: they classify by a coarser level, then by status. */
  optional: boolean;
  style?: CodeStyle;
  description?: string;
}

/** A condition on a response; an entry with conditions applies when any of them holds. */
export type Condition =
  | { source: 'header'; header: string; equals?: string; pattern?: string; present?: boolean }
  | { source: 'body'; path: readonly string[]; equals?: JsonValue; pattern?: string; present?: boolean };

export interface Envelope {
  kind: EnvelopeKind;
  /**
   * Set exactly for `wrapped` (the key holding the error object) and `list` (the key holding the
   * array), with its default already applied; absent when the error object is the body (or, for
   * `array`, an item of the body).
   */
  key?: string;
  contentType: string;
  /** Coarse to fine; empty for `codeless` envelopes. */
  levels: readonly CodeLevel[];
  /** Absent when error objects carry no message member (Slack). */
  message?: { name: string; required: boolean; description?: string };
  /**
   * A property of the error object that marks an error sent under a 2xx status
   * (Slack's `ok: false`): the error object always carries it with this value.
   */
  errorWhen?: { name: string; value: JsonValue };
  /** Whether error objects may carry properties the catalog does not declare. */
  additionalProperties: boolean;
}

export interface Header {
  name: string;
  description?: string;
  type: ScalarType;
  format?: string;
  required: boolean;
  example?: string | number;
  /** Sent with every error response. */
  everyError: boolean;
  /** The level whose value this header repeats (`x-ms-error-code` repeats `code`). */
  echo?: string;
}

export type Jitter = 'none' | 'full' | 'equal';

/** A header that tells the client whether to retry (`Stripe-Should-Retry: true|false`); it overrides the policy. */
export interface ShouldRetry {
  header: string;
}

export interface NeverPolicy {
  strategy: 'never';
  shouldRetry?: ShouldRetry;
}

export interface BackoffPolicy {
  strategy: 'backoff';
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  jitter: Jitter;
  shouldRetry?: ShouldRetry;
}

/**
 * How a delay hint is written:
 * - `delay`: delay-seconds or an HTTP-date (RFC 9110 `Retry-After`);
 * - `seconds`, `milliseconds`: a number (integer or float), or a numeric string;
 * - `http-date`: an IMF-fixdate;
 * - `epoch-seconds`, `epoch-ms`: the moment to retry at (`x-ratelimit-reset`);
 * - `duration`: a duration string such as `21s`, `1.5s`, `500ms`, `2m` (Google's RetryInfo).
 */
export type HintFormat = 'delay' | 'seconds' | 'milliseconds' | 'http-date' | 'epoch-seconds' | 'epoch-ms' | 'duration';

/** Where the server says how long to wait, and how it writes it. */
export interface RetryHint {
  at: Locator;
  format: HintFormat;
  /** Read only when one of these holds (empty: always). */
  when: readonly Condition[];
}

export interface RetryAfterPolicy {
  strategy: 'retry-after';
  /** Read in order; the first one present and readable gives the delay. */
  hints: readonly RetryHint[];
  maxAttempts: number;
  /** Used when no hint is present or readable. */
  fallback: BackoffPolicy;
  shouldRetry?: ShouldRetry;
}

export type RetryPolicy = NeverPolicy | BackoffPolicy | RetryAfterPolicy;

export interface Example {
  name: string;
  summary?: string;
  /** The status this example is answered with. */
  status: number;
  /** The whole body as it travels on the wire. */
  body: JsonValue;
  /** Header values shown with the example. */
  headers: Readonly<Record<string, string>>;
  /** True when errcat made the example because the catalog had none for this status. */
  derived: boolean;
  origin: Origin;
}

export interface Deprecation {
  message?: string;
  replacedBy?: string;
}

/** A header as one response sends it. */
export interface ResponseHeader {
  name: string;
  /** Always sent with this response (the header is required and every error here sends it). */
  required: boolean;
}

/** An entry as answered with one status: every fact that can differ from status to status, resolved. */
export interface EntryResponse {
  status: number;
  /** The entry's title for this status, else the entry's, else the status's, else its reason phrase. */
  title: string;
  description?: string;
  fix?: string;
  retry: RetryPolicy;
  /** Catalog order, every-error headers first. */
  headers: readonly ResponseHeader[];
  /** The value of every computed or pinned field at this status, by field name. */
  values: Readonly<Record<string, JsonValue>>;
  /** The written examples for this status, or one derived. */
  examples: readonly Example[];
  /** When this entry applies at this status: any condition holding (empty: always). */
  when: readonly Condition[];
  origins: { readonly title: Origin; readonly retry: Origin };
}

export interface Entry {
  /**
   * The entry's identity: its key under `errors`, the member of the generated `ErrorCode` union.
   * For an entry at a level it is its wire value too, unless the catalog gave another (`value`).
   */
  code: string | number;
  /** PascalCase name for TypeScript types and component names. */
  name: string;
  /** The level it sits at; absent for codeless entries, told apart by status and conditions. */
  level?: string;
  /** Its wire value at that level. */
  value?: string | number;
  /** The coarser entry it refines (Stripe's `card_declined` refines `card_error`). */
  parent?: string | number;
  /** The wire value it fixes at each level: its own and its ancestors'. */
  pins: Readonly<Record<string, string | number>>;
  statuses: readonly number[];
  title?: string;
  description?: string;
  fix?: string;
  docUrl?: string;
  /** Entry-specific fields, after the shared ones. */
  fields: readonly Field[];
  /** This entry's values for shared `per-entry` and free fields, as written. */
  values: Readonly<Record<string, JsonValue>>;
  /** Every header any of its responses sends, catalog order. */
  headers: readonly string[];
  /** One per status, in the order of `statuses`. */
  responses: readonly EntryResponse[];
  deprecated?: Deprecation;
  since?: string;
  tags: readonly string[];
  origin: Origin;
}

/** Everything known about one HTTP status the catalog uses. */
export interface StatusInfo {
  status: number;
  title: string;
  description?: string;
  fix?: string;
  /** Entries answered with this status, in catalog order. */
  codes: readonly (string | number)[];
  /** True when the catalog declares the status without any entry of its own. */
  statusOnly: boolean;
  /** The status's own policy: for status-only responses and bodies that name no documented code. */
  retry: RetryPolicy;
  headers: readonly ResponseHeader[];
  /** For a status-only response: its derived example. */
  examples: readonly Example[];
  origins: { readonly retry: Origin };
}

export interface OperationSelector {
  all: boolean;
  tags: readonly string[];
  paths: readonly string[];
  methods: readonly string[];
  operationIds: readonly string[];
}

export interface OperationRule {
  match: OperationSelector;
  exclude?: OperationSelector;
  /** Entries this rule attaches. */
  codes: readonly (string | number)[];
  /** Statuses this rule attaches (status-only responses, or every entry at the status). */
  statuses: readonly number[];
  /** Replace responses the spec already has at these statuses. */
  replace: boolean;
}

export interface CatalogInfo {
  title: string;
  version: string;
  description?: string;
  docsUrl?: string;
}

export interface Catalog {
  /** The file the catalog came from, as given. */
  source: string;
  info: CatalogInfo;
  envelope: Envelope;
  /** Component prefix, type suffix, and the name of the throwable error class (`SandboxApiError`). */
  naming: { componentPrefix: string; typeSuffix: string; errorClass: string };
  types: readonly NamedType[];
  /** Fields on every error object, besides the levels and the message. */
  fields: readonly Field[];
  headers: readonly Header[];
  entries: readonly Entry[];
  statuses: readonly StatusInfo[];
  /**
   * The catalog's retry defaults by status (`429`), class (`5xx`) or `default`: what a client
   * applies to a status the catalog does not list. A status none of them names gets errcat's own:
   * never for 4xx, backoff for 5xx.
   */
  retryDefaults: Readonly<Record<string, RetryPolicy>>;
  operations: readonly OperationRule[];
}
