import type { Condition, HeadersLike } from './contract.js';
import { readHeader } from './headers.js';
import { deepEqual, ownPath } from './json.js';
import { asText, compiled } from './locate.js';

/** Whether a condition holds: its header (trimmed) or error-object field equals, matches, or is present. */
export function conditionHolds(condition: Condition, error: unknown, headers: HeadersLike | undefined): boolean {
  const value: unknown = 'header' in condition ? readHeader(headers, condition.header)?.trim() : ownPath(error, condition.field);
  if (condition.present !== undefined) return (value !== undefined) === condition.present;
  if (value === undefined) return false;
  if (condition.equals !== undefined) return deepEqual(value, condition.equals);
  if (condition.pattern !== undefined) {
    const text = asText(value);
    return text !== undefined && compiled(condition.pattern).test(text);
  }
  return true;
}

/** Whether any of the conditions holds; no conditions always hold. */
export function anyHolds(conditions: readonly Condition[], error: unknown, headers: HeadersLike | undefined): boolean {
  return conditions.length === 0 || conditions.some((c) => conditionHolds(c, error, headers));
}
