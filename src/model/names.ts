import type { Catalog, Entry, Envelope } from './catalog.js';
import { words } from './naming.js';

/**
 * Names errcat derives from the model, shared by every emitter so that the OpenAPI components and
 * the TypeScript exports agree (the scheme is tabled in the README). No emitter spells a
 * structural name itself.
 */

/**
 * Appends a suffix unless the name already says it: `InternalError` stays, `NotFound` →
 * `NotFoundError`, and Microsoft's `ErrorUnsupportedOrderBy` stays too (no word said twice).
 */
export function withSuffix(name: string, suffix: string): string {
  if (suffix === '' || name.endsWith(suffix)) return name;
  const said = words(name);
  return words(suffix).every((w) => said.includes(w)) ? name : `${name}${suffix}`;
}

/**
 * Puts a prefix before a name unless the name already starts with it as a whole word:
 * `Sandbox` + `SandboxError` stays `SandboxError`; `Sand` + `SandboxError` is `SandSandboxError`.
 */
export function withPrefix(prefix: string, name: string): string {
  if (prefix === '' || !name.startsWith(prefix)) return `${prefix}${name}`;
  const next = name.charAt(prefix.length);
  return next === '' || /[A-Z0-9]/.test(next) ? name : `${prefix}${name}`;
}

/** The TypeScript (and OpenAPI schema) name of an entry: `RateLimitExceeded` + `Error`, never `…ErrorError`. */
export function typeName(catalog: Pick<Catalog, 'naming'>, entry: Pick<Entry, 'name'>): string {
  return withSuffix(entry.name, catalog.naming.typeSuffix);
}

/** An entry name's TypeScript name (the suffix once) and OpenAPI component name (the prefix once). */
export function entryTypeNames(naming: Pick<Catalog['naming'], 'typeSuffix' | 'componentPrefix'>, name: string): { type: string; component: string } {
  const type = withSuffix(name, naming.typeSuffix);
  return { type, component: withPrefix(naming.componentPrefix, type) };
}

/** Whether errcat keeps an entry's names for its own types: as the TypeScript name, or as the component once the prefix is put before it. */
export function isErrcatEntryName(names: { type: string; component: string }, componentPrefix: string): boolean {
  return isStructuralName(names.type) || (componentPrefix !== '' && isStructuralName(names.component.slice(componentPrefix.length)));
}

/** The OpenAPI component name of a TypeScript name: the catalog's prefix before it, once. */
export function componentName(catalog: Pick<Catalog, 'naming'>, name: string): string {
  return withPrefix(catalog.naming.componentPrefix, name);
}

/**
 * The throwable error class of a catalog, unless `naming.errorClass` names it: the component
 * prefix, else the title up to its first `API` word (`Sandbox API` → `SandboxApiError`), ending
 * in `ApiError` once.
 */
export function errorClassName(prefix: string, title: string): string {
  let base = prefix;
  if (base === '') {
    const all = words(title.replace(/\([^)]*\)/g, ' '));
    const api = all.findIndex((w) => w === 'api' || w === 'apis');
    base = (api === -1 ? all.slice(0, 4) : all.slice(0, api + 1)).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    if (base === '' || /^[0-9]/.test(base)) base = `Catalog${base}`;
  }
  if (base.endsWith('ApiError')) return base;
  if (/Apis?$/.test(base)) return `${base.replace(/s$/, '')}Error`;
  return `${base}ApiError`;
}

/** The guard of a type: `isNotFoundError`. */
export function guardOf(type: string): string {
  return `is${type}`;
}

/** Whether the body is more than the error object: wrapped under a key, or a list of errors. */
export function hasBodyWrapper(envelope: Pick<Envelope, 'kind' | 'key'>): boolean {
  return envelope.key !== undefined || envelope.kind === 'array';
}

/** The union of every documented error object. */
export const DOCUMENTED_ERROR = 'DocumentedError';
/** The shape every error shares, whatever its code: the body of a status without a code. */
export const ERROR_SHAPE = 'ErrorShape';
/** The union of codes (one level), and the whole body. */
export const ERROR_CODE = 'ErrorCode';
export const ERROR_BODY = 'ErrorBody';

/**
 * Structural names errcat emits beside the per-code ones, types of the generated TypeScript
 * runtime included; an entry or a named type may not take them. `Retryable` is there because
 * its guard would be `isRetryable`.
 */
export const STRUCTURAL_NAMES = [
  DOCUMENTED_ERROR,
  ERROR_SHAPE,
  ERROR_BODY,
  ERROR_CODE,
  'ErrorMeta',
  'ErrorMetaOf',
  'ErrorTitles',
  'ErrorsTable',
  'ErrorStatus',
  'ClassifiedError',
  'RetryPolicy',
  'ErrorResponse',
  'ErrorResponseInit',
  'ErrorResponseInitWith',
  'HeadersLike',
  'ErrorTypes',
  'ErrorFor',
  'BodyFor',
  'ErrorLevels',
  'ItemCode',
  'ResponseMeta',
  'StatusMeta',
  'KnownError',
  'UnclassifiedError',
  'Retryable',
  'StatusErrors',
  'OperationErrors',
  'OperationStatusErrors',
  'OperationFailure',
  'OperationError',
  'OperationKey',
  'OperationMeta',
  'ResponseLike',
  'WithRetryOptions',
  'ErrorInit',
  // The runtime's own types (src/runtime/contract.ts and its internal ones).
  'JsonValue',
  'WireValue',
  'HeaderLocator',
  'BodyLocator',
  'Locator',
  'ShouldRetry',
  'NeverPolicy',
  'BackoffPolicy',
  'HintFormat',
  'RetryHint',
  'RetryAfterPolicy',
  'RetryOptions',
  'RetryLoopOptions',
  'RetryDecision',
  'EntryGuard',
  'IndexedLevel',
  'IndexedItems',
  'GuardIndex',
  'Condition',
  'ResponseFacts',
  'EntryFacts',
  'LevelRow',
  'LevelsRead',
  'EnvelopeRow',
  'CodeSite',
  'ErrorTables',
  'Classified',
  'LevelPin',
  'BuildRow',
  'BuiltResponse',
  'Visit',
] as const;

/**
 * Names per status (`Status404Error`, `Status404Body`, `Status404Response` and subsets of them)
 * and the constructors' shared fields types (`ErrorFields`, `ErrorFields2`) are errcat's.
 */
const STRUCTURAL_PATTERN = /^(Status\d{3}|ErrorFields\d*$)/;

export function isStructuralName(name: string): boolean {
  return (STRUCTURAL_NAMES as readonly string[]).includes(name) || STRUCTURAL_PATTERN.test(name);
}

/** `Status404`, then what it names: `Status404Error` (the union), `Status404Body`, `Status404Response`. */
export function statusName(status: number, kind: string): string {
  return `Status${status}${kind}`;
}

export function statusUnionName(status: number): string {
  return statusName(status, 'Error');
}

export function statusBodyName(status: number): string {
  return statusName(status, 'Body');
}

/** The enum of one level's values when the envelope has several: `decline_code` → `DeclineCodeLevel`. */
export function levelTypeName(level: string): string {
  return withSuffix(pascalWords(level), 'Level');
}

/** `X-Request-Id` → `XRequestId`. */
export function pascalWords(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

/** A header's component name (before the prefix): `X-Request-Id` → `XRequestIdHeader`. */
export function headerComponentName(header: string): string {
  return withSuffix(pascalWords(header), 'Header');
}
