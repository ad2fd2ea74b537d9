import type { Catalog, Entry, Envelope } from './catalog.js';

/**
 * Names errcat derives from the model, shared by every emitter so the OpenAPI components and
 * the TypeScript exports agree.
 */

/** The TypeScript (and OpenAPI schema) name of an entry: `RateLimitExceeded` + `Error`. */
export function typeName(catalog: Pick<Catalog, 'naming'>, entry: Pick<Entry, 'name'>): string {
  return `${entry.name}${catalog.naming.typeSuffix}`;
}

/** Whether the body is more than the error object: wrapped under a key, or a list of errors. */
export function hasBodyWrapper(envelope: Pick<Envelope, 'kind' | 'key'>): boolean {
  return envelope.key !== undefined || envelope.kind === 'array';
}

/**
 * Structural names errcat emits beside the per-code ones, types of the generated TypeScript
 * runtime included; an entry or a named type may not take them. `Retryable` is there because
 * its guard would be `isRetryable`.
 */
export const STRUCTURAL_NAMES = [
  'ApiError',
  'ErrorBody',
  'ErrorCode',
  'UnknownError',
  'ErrorMeta',
  'ErrorStatus',
  'ClassifiedError',
  'RetryPolicy',
  'ErrorResponse',
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

const STRUCTURAL_PATTERN = /^Status\d{3}(Error|Body)$/;

export function isStructuralName(name: string): boolean {
  return (STRUCTURAL_NAMES as readonly string[]).includes(name) || STRUCTURAL_PATTERN.test(name);
}

export function statusUnionName(status: number): string {
  return `Status${status}Error`;
}

export function statusBodyName(status: number): string {
  return `Status${status}Body`;
}

/** The enum of one level's values when the envelope has several: `decline_code` → `DeclineCodeLevel`. */
export function levelTypeName(level: string): string {
  return `${headerTypeName(level)}Level`;
}

/** `X-Request-Id` → `XRequestId`. */
export function headerTypeName(header: string): string {
  return header
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}
