/**
 * The catalog as written, after it passed the JSON Schema: every key optional where the schema
 * allows, nothing resolved yet. Generated from schema/catalog.schema.json by
 * `npm run schema:types`; do not edit by hand.
 */
/* eslint-disable */

/**
 * `never`, or an object whose `strategy` is `never`, `backoff` (exponential) or `retry-after` (honour a header or body field, with a backoff fallback).
 *
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "retryPolicy".
 */
export type RawRetryPolicy =
  | ('never' | 'backoff' | 'retry-after')
  | {
      strategy: 'never' | 'backoff' | 'retry-after';
      maxAttempts?: number;
      baseDelayMs?: number;
      factor?: number;
      maxDelayMs?: number;
      jitter?: 'none' | 'full' | 'equal';
      /**
       * For `retry-after`: one header to honour (shorthand for one hint). Default `Retry-After`.
       */
      header?: string;
      /**
       * For `retry-after`: one body field holding seconds (shorthand for one hint).
       */
      field?: string;
      fallback?: RawBackoff;
      /**
       * For `retry-after`: where the delay is told, in order; the first present and readable wins.
       *
       * @minItems 1
       */
      hints?: [RawHint, ...RawHint[]];
      /**
       * A header that says whether to retry (`true`/`false`), overriding the policy (Stripe-Should-Retry).
       */
      shouldRetry?: {
        header: string;
      };
    };
/**
 * Read this hint only when one of these holds (GitHub: x-ratelimit-reset, when x-ratelimit-remaining is "0").
 */
export type RawConditions = RawCondition | [RawCondition, ...RawCondition[]];
/**
 * Conditions, any of which makes this apply.
 *
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "conditions".
 */
export type RawConditions1 = RawCondition | [RawCondition, ...RawCondition[]];

/**
 * One file that lists every error an HTTP API can return: the envelope on the wire, the shared fields and headers, and one entry per code. errcat compiles it into OpenAPI components, TypeScript and a Markdown reference.
 */
export interface RawCatalog {
  /**
   * Where editors find this schema.
   */
  $schema?: string;
  /**
   * The catalog format version: 2 (catalogs written for 1 are read as they are: the language only grew).
   */
  errcat: number;
  /**
   * Who the catalog belongs to. Becomes the OpenAPI info and the reference's heading.
   */
  info: {
    /**
     * The API's name, e.g. `Sandbox API`.
     */
    title: string;
    /**
     * The version of the error contract, e.g. `1.0.0`.
     */
    version: string;
    /**
     * Prose shown at the top of the reference.
     */
    description?: string;
    /**
     * Where the API's own error documentation lives.
     */
    docsUrl?: string;
  };
  /**
   * Naming rules for codes and generated names.
   */
  naming?: {
    /**
     * The case style every code must follow; `errcat lint` enforces it.
     */
    codeStyle?: 'snake_case' | 'UPPER_SNAKE_CASE' | 'kebab-case' | 'camelCase' | 'PascalCase' | 'dot.case';
    /**
     * Put before every OpenAPI component name, e.g. `Sandbox` gives `SandboxNotFoundError`.
     */
    componentPrefix?: string;
    /**
     * Put after every derived TypeScript name. Default `Error`.
     */
    typeSuffix?: string;
    /**
     * The name of the throwable error class in errors.ts. Default: the component prefix (else the title up to its `API` word) + `ApiError`, e.g. `SandboxApiError`.
     */
    errorClass?: string;
  };
  /**
   * URL template for each entry's documentation page. Placeholders: {code}, {status}, {name}, {slug}.
   */
  docUrl?: string;
  envelope: RawEnvelope;
  /**
   * Named shapes, declared once and used by `ref` from fields, items, unions and other types; a type may refer to itself (recursion).
   */
  types?: {
    [k: string]: RawFieldShape;
  };
  /**
   * Fields on every error object besides the code and the message, keyed by property name.
   */
  fields?: {
    [k: string]: RawField;
  };
  /**
   * Response headers, declared once and referenced by name from entries, statuses and retry policies.
   */
  headers?: {
    [k: string]: RawHeader;
  };
  /**
   * Default retry policy by status (`429`), status class (`4xx`, `5xx`) or `default`. Entries may override.
   */
  retry?: {
    [k: string]: RawRetryPolicy;
  };
  /**
   * Facts per HTTP status: its title and description, and statuses that have no code of their own (e.g. a 405 told apart by status only).
   */
  statuses?: {
    [k: string]: RawStatus;
  };
  /**
   * One entry per error code, keyed by the wire code (for `codeless` envelopes, by a name of your choice).
   */
  errors: {
    [k: string]: RawEntry;
  };
  /**
   * Which errors apply to which operations when merged into a spec. Rules add up.
   */
  operations?: RawOperationRule[];
}
/**
 * How every error body looks on the wire.
 *
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "envelope".
 */
export interface RawEnvelope {
  /**
   * `flat`: the error object is the body. `wrapped`: under one key ({error: {…}}). `problem`: RFC 9457 problem details. `list`: an array under one key ({errors: [ … ]}). `array`: the body itself is an array of error objects. `codeless`: no code on the wire; errors are told apart by HTTP status (and `when` conditions).
   */
  kind: 'flat' | 'wrapped' | 'problem' | 'list' | 'array' | 'codeless';
  /**
   * For `wrapped`, the key holding the error (default `error`); for `list`, the key holding the array (default `errors`).
   */
  key?: string;
  /**
   * Default `application/json`; `application/problem+json` for `problem`.
   */
  contentType?: string;
  /**
   * The code field, as one level named after the field's last segment (the v1 form). Use `levels` for several. Not allowed for `codeless`.
   */
  code?: {
    /**
     * Property name inside the error object; a dotted path (`meta.code`) for a nested code. Default `code`.
     */
    field?: string;
    /**
     * JSON type of the code. Default `string`.
     */
    type?: 'string' | 'integer';
    description?: string;
  };
  /**
   * The codes clients branch on, coarse to fine (Stripe: type → code → decline_code). A body classifies to the finest level that has an entry, then to coarser ones, then to its status.
   *
   * @minItems 1
   */
  levels?: [RawLevel, ...RawLevel[]];
  /**
   * The level of entries that name none. Default: the finest level.
   */
  defaultLevel?: string;
  /**
   * The human-readable message member, or `false` when error objects have none (Slack).
   */
  message?:
    | false
    | {
        /**
         * Default `message`; `detail` for `problem`.
         */
        field?: string;
        /**
         * Default true.
         */
        required?: boolean;
        description?: string;
      };
  /**
   * Errors sent under a 2xx status, told apart from success by a property of the body (Slack's `ok: false`). Error objects always carry it with this value.
   */
  errorWhen?: {
    field: string;
    /**
     * The value that marks an error.
     */
    equals: unknown;
  };
  /**
   * Whether error objects may carry properties the catalog does not declare. Default true.
   */
  additionalProperties?: boolean;
}
/**
 * One code level and where it sits: `field`, `in`+`where`+`field`, `chain`+`field`, or `header`; optionally through `pattern`.
 *
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "level".
 */
export interface RawLevel {
  /**
   * The level's name, e.g. `type`, `code`, `reason`: the key of the classifier's `codes`.
   */
  name: string;
  /**
   * A dotted path inside the error object (or the item selected by `in`/`where`, or the innermost object of `chain`).
   */
  field?: string;
  /**
   * A dotted path to an array; the value sits in its first item whose properties equal `where`.
   */
  in?: string;
  /**
   * With `in`: the item's properties that select it, e.g. {"@type": "type.googleapis.com/google.rpc.ErrorInfo"}.
   */
  where?: {
    [k: string]: unknown;
  };
  /**
   * Follow this key as deep as it goes (one step at least; `innererror`) and read `field` at the innermost object.
   */
  chain?: string;
  /**
   * A response header holds the value.
   */
  header?: string;
  /**
   * A regular expression with one capture group: the value is the part it captures (e.g. `#(.+)$`).
   */
  pattern?: string;
  /**
   * JSON type of the value. Default `string`.
   */
  type?: 'string' | 'integer';
  /**
   * Bodies may lack it. Default false.
   */
  optional?: boolean;
  /**
   * The case style every code must follow; `errcat lint` enforces it.
   */
  style?: 'snake_case' | 'UPPER_SNAKE_CASE' | 'kebab-case' | 'camelCase' | 'PascalCase' | 'dot.case';
  description?: string;
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "fieldShape".
 */
export interface RawFieldShape {
  /**
   * The JSON type; omit it for a union (`oneOf`) or a reference (`ref`).
   */
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'any';
  description?: string;
  /**
   * Whether `null` is allowed. Default false.
   */
  nullable?: boolean;
  /**
   * A JSON Schema format such as `uri` or `date-time` (documentation; not enforced by guards).
   */
  format?: string;
  /**
   * @minItems 1
   */
  enum?: [string | number, ...(string | number)[]];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: RawFieldShape;
  properties?: {
    [k: string]: RawField;
  };
  /**
   * For objects: `false` closes it, `true` (the default) leaves it open, a shape makes it a map with values of that shape.
   */
  additionalProperties?: boolean | RawFieldShape;
  /**
   * A sample value, used in derived examples.
   */
  example?: unknown;
  minItems?: number;
  maxItems?: number;
  /**
   * A union: the value has one of these shapes.
   *
   * @minItems 2
   */
  oneOf?: [RawFieldShape, RawFieldShape, ...RawFieldShape[]];
  /**
   * For a union of objects: the property whose constant tells them apart, e.g. `@type`.
   */
  discriminator?: string;
  /**
   * A type declared under `types`.
   */
  ref?: string;
  /**
   * Documented codes this field carries (item codes, e.g. GitHub's errors[].code): a list, or a mapping of code to meaning. They close the field unless `extensible`, and the classifier reports them as `itemCodes`.
   */
  codes?:
    | [string | number, ...(string | number)[]]
    | {
        [k: string]: string | null;
      };
  /**
   * With `codes`: other codes may appear (documented, not enforced). Default false.
   */
  extensible?: boolean;
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "field".
 */
export interface RawField {
  /**
   * The JSON type; omit it for a union (`oneOf`) or a reference (`ref`).
   */
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'any';
  description?: string;
  /**
   * Whether every error carries the field. Default false.
   */
  required?: boolean;
  /**
   * Whether `null` is allowed. Default false.
   */
  nullable?: boolean;
  format?: string;
  /**
   * @minItems 1
   */
  enum?: [string | number, ...(string | number)[]];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: RawFieldShape;
  properties?: {
    [k: string]: RawField;
  };
  /**
   * For objects: `false` closes it, `true` (the default) leaves it open, a shape makes it a map with values of that shape.
   */
  additionalProperties?: boolean | RawFieldShape;
  /**
   * A sample value, used in derived examples.
   */
  example?: unknown;
  /**
   * How the value is decided per entry: `status` (the HTTP status), `code`, `title`, `docUrl` (the entry's doc url), `per-entry` (each entry gives it under `values`, or `default` applies), `{template: …}` or `{const: …}`.
   */
  value?:
    | ('status' | 'code' | 'title' | 'docUrl' | 'per-entry')
    | {
        template?: string;
        const?: unknown;
      };
  /**
   * For `per-entry` fields: the value of entries that give none.
   */
  default?: unknown;
  minItems?: number;
  maxItems?: number;
  /**
   * A union: the value has one of these shapes.
   *
   * @minItems 2
   */
  oneOf?: [RawFieldShape, RawFieldShape, ...RawFieldShape[]];
  /**
   * For a union of objects: the property whose constant tells them apart, e.g. `@type`.
   */
  discriminator?: string;
  /**
   * A type declared under `types`.
   */
  ref?: string;
  /**
   * Documented codes this field carries (item codes, e.g. GitHub's errors[].code): a list, or a mapping of code to meaning. They close the field unless `extensible`, and the classifier reports them as `itemCodes`.
   */
  codes?:
    | [string | number, ...(string | number)[]]
    | {
        [k: string]: string | null;
      };
  /**
   * With `codes`: other codes may appear (documented, not enforced). Default false.
   */
  extensible?: boolean;
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "header".
 */
export interface RawHeader {
  description?: string;
  /**
   * Default `string`.
   */
  type?: 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  /**
   * Whether the header is always present where it applies. Default false.
   */
  required?: boolean;
  example?: string | number;
  /**
   * Sent with every error response. Default false.
   */
  everyError?: boolean;
  /**
   * The level whose value this header repeats, e.g. `code` for `x-ms-error-code`.
   */
  echo?: string;
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "backoff".
 */
export interface RawBackoff {
  /**
   * Attempts in all, the first one included. Default 3.
   */
  maxAttempts?: number;
  /**
   * Delay before the first retry. Default 1000.
   */
  baseDelayMs?: number;
  /**
   * Growth per retry. Default 2.
   */
  factor?: number;
  /**
   * Cap on any one delay. Default 30000.
   */
  maxDelayMs?: number;
  /**
   * Randomisation of each delay. Default `full`.
   */
  jitter?: 'none' | 'full' | 'equal';
}
/**
 * Where the server says how long to wait: `header`, or a body location (`field`, `in`+`where`+`field`, `chain`+`field`), and how it is written.
 *
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "hint".
 */
export interface RawHint {
  /**
   * A dotted path inside the error object (or the item selected by `in`/`where`, or the innermost object of `chain`).
   */
  field?: string;
  /**
   * A dotted path to an array; the value sits in its first item whose properties equal `where`.
   */
  in?: string;
  /**
   * With `in`: the item's properties that select it, e.g. {"@type": "type.googleapis.com/google.rpc.ErrorInfo"}.
   */
  where?: {
    [k: string]: unknown;
  };
  /**
   * Follow this key as deep as it goes (one step at least; `innererror`) and read `field` at the innermost object.
   */
  chain?: string;
  /**
   * A response header holds the value.
   */
  header?: string;
  /**
   * A regular expression with one capture group: the value is the part it captures (e.g. `#(.+)$`).
   */
  pattern?: string;
  /**
   * `delay` (seconds or an HTTP-date; the default for headers), `seconds` (the default for body fields), `milliseconds`, `http-date`, `epoch-seconds` / `epoch-ms` (when to retry), `duration` (`21s`, `500ms`).
   */
  format?: 'delay' | 'seconds' | 'milliseconds' | 'http-date' | 'epoch-seconds' | 'epoch-ms' | 'duration';
  when?: RawConditions;
}
/**
 * A condition on the response: a `header` or a body `field` (the message field included) that `equals` a value, matches a `pattern`, or is `present`.
 *
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "condition".
 */
export interface RawCondition {
  header?: string;
  /**
   * A dotted path inside the error object.
   */
  field?: string;
  /**
   * The exact value (a string for headers).
   */
  equals?: unknown;
  /**
   * A regular expression the value matches.
   */
  pattern?: string;
  /**
   * Whether it is there at all.
   */
  present?: boolean;
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "status".
 */
export interface RawStatus {
  /**
   * Default: the standard reason phrase.
   */
  title?: string;
  description?: string;
  /**
   * What a client should do.
   */
  fix?: string;
  retry?: RawRetryPolicy;
  headers?: string[];
  /**
   * Allow a status outside 400–599.
   */
  allowNonError?: boolean;
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "entry".
 */
export interface RawEntry {
  /**
   * The HTTP status; several when the same error is answered with more than one; or a mapping of each status to what differs there.
   */
  status:
    | number
    | [number, ...number[]]
    | {
        [k: string]: RawStatusFacts;
      };
  /**
   * The level this entry sits at. Default `envelope.defaultLevel`, else the finest.
   */
  level?: string;
  /**
   * Its wire value at that level. Default: the entry's key.
   */
  value?: string | number;
  /**
   * The coarser entry this one refines (`card_declined` refines `card_error`).
   */
  parent?: string | number;
  /**
   * No code on the wire: told apart by status and `when`. Every entry of a `codeless` envelope is.
   */
  codeless?: boolean;
  when?: RawConditions1;
  /**
   * Overrides the derived TypeScript name (PascalCase identifier).
   */
  name?: string;
  /**
   * A short meaning, one line.
   */
  title?: string;
  /**
   * When the error happens.
   */
  description?: string;
  /**
   * What the client should do about it.
   */
  fix?: string;
  /**
   * This entry's documentation page; overrides the catalog's `docUrl` template.
   */
  docUrl?: string;
  /**
   * Fields only this entry carries.
   */
  fields?: {
    [k: string]: RawField;
  };
  /**
   * This entry's values for shared `per-entry` fields.
   */
  values?: {
    [k: string]: unknown;
  };
  /**
   * Declared headers sent with this error.
   */
  headers?: string[];
  retry?: RawRetryPolicy;
  examples?: RawExample[];
  /**
   * true, or a note on what to do instead.
   */
  deprecated?: boolean | string;
  /**
   * The code to use instead.
   */
  replacedBy?: string | number;
  /**
   * The API version that introduced the code.
   */
  since?: string;
  tags?: string[];
  /**
   * Allow a status outside 400–599.
   */
  allowNonError?: boolean;
}
/**
 * What differs for this entry at one status.
 *
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "statusFacts".
 */
export interface RawStatusFacts {
  title?: string;
  description?: string;
  fix?: string;
  retry?: RawRetryPolicy;
  headers?: string[];
  when?: RawConditions1;
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "example".
 */
export interface RawExample {
  name?: string;
  summary?: string;
  /**
   * Which of the entry's statuses this example is answered with. Default: its first.
   */
  status?: number;
  /**
   * The whole response body, exactly as on the wire.
   */
  body: unknown;
  headers?: {
    [k: string]: string | number;
  };
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "operationRule".
 */
export interface RawOperationRule {
  match: RawSelector;
  exclude?: RawSelector;
  /**
   * Codes to attach.
   */
  errors?: (string | number)[];
  /**
   * Statuses to attach with every code they carry.
   */
  statuses?: number[];
  /**
   * Replace responses the spec already has at these statuses. Default false.
   */
  replace?: boolean;
}
/**
 * This interface was referenced by `RawCatalog`'s JSON-Schema
 * via the `definition` "selector".
 */
export interface RawSelector {
  /**
   * Every operation.
   */
  all?: boolean;
  tags?: string[];
  /**
   * Path patterns: `*` matches one segment, `**` any number.
   */
  paths?: string[];
  methods?: ('get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace')[];
  operationIds?: string[];
}
