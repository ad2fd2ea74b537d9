/**
 * The normalized Catalog model: the only thing emitters see.
 *
 * Everything here is resolved — defaults applied, references checked, computed values
 * expanded — so an emitter never needs to look at the catalog text or guess.
 */

export type EnvelopeKind = 'flat' | 'wrapped' | 'problem' | 'list' | 'codeless';

export type CodeStyle =
  | 'snake_case'
  | 'UPPER_SNAKE_CASE'
  | 'kebab-case'
  | 'camelCase'
  | 'PascalCase'
  | 'dot.case';

/** A JSON value, as it appears in examples and constants. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';
export type FieldType = ScalarType | 'object' | 'array';

/** The shape of one property of an error body. A small, guard-friendly subset of JSON Schema. */
/** JSON Schema keywords a field may carry as written, copied as they are. */
export interface FieldConstraints {
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

export interface FieldShape extends FieldConstraints {
  type: FieldType;
  nullable: boolean;
  description?: string;
  enum?: readonly (string | number)[];
  /** For arrays. */
  items?: FieldShape;
  /** For objects. */
  properties?: readonly Field[];
  additionalProperties?: boolean;
  example?: JsonValue;
}

/** How a field's value is decided for each entry. */
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

export interface CodeField {
  /** Property path inside the error object; one segment for a top-level property. */
  path: readonly string[];
  type: 'string' | 'integer';
  style?: CodeStyle;
  description?: string;
}

export interface Envelope {
  kind: EnvelopeKind;
  /**
   * Set exactly for `wrapped` (the key holding the error object) and `list` (the key holding the
   * array), with its default already applied; absent when the error object is the body.
   */
  key?: string;
  contentType: string;
  /** Absent for `codeless` envelopes. */
  code?: CodeField;
  message: { name: string; required: boolean; description?: string };
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
}

export type Jitter = 'none' | 'full' | 'equal';

export interface BackoffPolicy {
  strategy: 'backoff';
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  jitter: Jitter;
}

export interface RetryAfterPolicy {
  strategy: 'retry-after';
  /** Where the server says how long to wait: a header (seconds or HTTP-date) or a body field (seconds). */
  source: { header: string } | { field: string };
  maxAttempts: number;
  /** Used when the header or field is absent or unreadable. */
  fallback: BackoffPolicy;
}

export type RetryPolicy = { strategy: 'never' } | BackoffPolicy | RetryAfterPolicy;

export interface Example {
  name: string;
  summary?: string;
  /** The whole body as it travels on the wire. */
  body: JsonValue;
  /** Header values shown with the example. */
  headers: Readonly<Record<string, string>>;
  /** True when errcat made the example because the catalog had none. */
  derived: boolean;
}

export interface Deprecation {
  message?: string;
  replacedBy?: string;
}

export interface Entry {
  /** The wire code; for codeless envelopes, the entry's name. */
  code: string | number;
  /** Identifier used for TypeScript names and component names, PascalCase. */
  name: string;
  statuses: readonly number[];
  title?: string;
  description?: string;
  fix?: string;
  docUrl?: string;
  /** Entry-specific fields, after the shared ones. */
  fields: readonly Field[];
  /** Values for the shared fields that take one per entry (`per-entry`, `const`, computed), resolved. */
  values: Readonly<Record<string, JsonValue>>;
  /** Header names, every-error headers first, then the entry's own. */
  headers: readonly string[];
  retry: RetryPolicy;
  examples: readonly Example[];
  deprecated?: Deprecation;
  since?: string;
  tags: readonly string[];
}

/** Everything known about one HTTP status that the catalog uses. */
export interface StatusInfo {
  status: number;
  title: string;
  description?: string;
  fix?: string;
  /** Codes answered with this status, in catalog order. */
  codes: readonly (string | number)[];
  /** True when the catalog declares the status without any code of its own. */
  statusOnly: boolean;
  retry: RetryPolicy;
  headers: readonly string[];
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
  /** Codes this rule attaches. */
  codes: readonly (string | number)[];
  /** Statuses this rule attaches (status-only responses, or every code at the status). */
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
  naming: { componentPrefix: string; typeSuffix: string };
  /** Fields on every error object, besides the code and the message. */
  fields: readonly Field[];
  headers: readonly Header[];
  entries: readonly Entry[];
  statuses: readonly StatusInfo[];
  /**
   * The catalog's retry defaults by status (`429`), class (`5xx`) or `default`. A status none of
   * them names gets errcat's own: never for 4xx, backoff for 5xx.
   */
  retryDefaults: Readonly<Record<string, RetryPolicy>>;
  operations: readonly OperationRule[];
}
