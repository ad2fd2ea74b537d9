import type { Condition, HeadersLike } from './contract.js';
import { readHeader } from './headers.js';
import { deepEqual, ownPath } from './json.js';
import { compiled } from './locate.js';

/**
 * Whether a condition holds: its header or error-object field is present (or absent), matches a
 * pattern (a string value), or equals a JSON value (a header as text). The catalog's examples are
 * checked with the same semantics (src/model/conditions.ts).
 */
export function conditionHolds(condition: Condition, error: unknown, headers: HeadersLike | undefined): boolean {
  const value: unknown =
    'header' in condition ? readHeader(headers, condition.header) : ownPath(error, condition.field);
  if (condition.present !== undefined) return (value !== undefined) === condition.present;
  if (condition.pattern !== undefined) return typeof value === 'string' && compiled(condition.pattern).test(value);
  return value !== undefined && deepEqual(value, condition.equals);
}

/** Whether any of the conditions holds; no conditions always hold. */
export function anyHolds(conditions: readonly Condition[], error: unknown, headers: HeadersLike | undefined): boolean {
  return conditions.length === 0 || conditions.some((c) => conditionHolds(c, error, headers));
}
