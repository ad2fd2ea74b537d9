import type { HeadersLike, JsonValue, LevelRow, Locator, WireValue } from './contract.js';
import { readHeader } from './headers.js';
import { deepEqual, defineOwn, hasOwn, own, ownPath, plainObject } from './json.js';

/** Each catalog pattern compiled once. */
const PATTERNS = new Map<string, RegExp>();

/** A catalog pattern as a Unicode regular expression, compiled on first use. */
export function compiled(pattern: string): RegExp {
  let regex = PATTERNS.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, 'u');
    PATTERNS.set(pattern, regex);
  }
  return regex;
}

/** A string or a finite number as text, for patterns; anything else is not text. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** The first item of an array whose own properties equal `where`. */
export function selectedItem(array: unknown, where: { readonly [property: string]: JsonValue }): unknown {
  if (!Array.isArray(array)) return undefined;
  const items: readonly unknown[] = array;
  const keys = Object.keys(where);
  return items.find((item) => plainObject(item) && keys.every((key) => hasOwn(item, key) && deepEqual(item[key], where[key])));
}

/** Every item of an array whose own properties equal `where`. */
export function selectedItems(array: unknown, where: { readonly [property: string]: JsonValue }): unknown[] {
  if (!Array.isArray(array)) return [];
  const items: readonly unknown[] = array;
  const keys = Object.keys(where);
  return items.filter((item) => plainObject(item) && keys.every((key) => hasOwn(item, key) && deepEqual(item[key], where[key])));
}

/** The innermost object reached by following `key` from `value`, one step at least; cycles end the walk. */
export function innermost(value: unknown, key: string): unknown {
  let current = own(value, key);
  if (!plainObject(current)) return undefined;
  const seen = new Set<unknown>([current]);
  for (let next = own(current, key); plainObject(next) && !seen.has(next); next = own(current, key)) {
    seen.add(next);
    current = next;
  }
  return current;
}

/** The value a locator points at in a response (the error object and its headers), through its pattern. */
export function located(at: Locator, error: unknown, headers: HeadersLike | undefined): unknown {
  let value: unknown;
  if ('header' in at) value = readHeader(headers, at.header);
  else {
    let scope = error;
    if (at.in !== undefined) scope = selectedItem(ownPath(error, at.in), at.where ?? {});
    else if (at.chain !== undefined) scope = innermost(error, at.chain);
    value = ownPath(scope, at.field);
  }
  if (at.pattern === undefined) return value;
  const text = asText(value);
  return text === undefined ? undefined : compiled(at.pattern).exec(text)?.[1];
}

/**
 * A value read as a level's code: strings and finite numbers as they are, except that text
 * (from a header or a pattern) is read as an integer for an integer level.
 */
export function wireValue(value: unknown, type: LevelRow['type'], text: boolean): WireValue | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  return text && type === 'integer' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
}

/** Whether a level's locator yields text (a header, or a pattern's capture). */
function readsText(at: Locator): boolean {
  return 'header' in at || at.pattern !== undefined;
}

/**
 * Every level's value, by name. The body comes first; a header that echoes a level stands in
 * when the body lacks it. `agree` is false when an echo differs from the body's value.
 */
export function readLevels(levels: readonly LevelRow[], error: unknown, headers: HeadersLike | undefined): { codes: Record<string, WireValue>; agree: boolean } {
  const codes: Record<string, WireValue> = {};
  let agree = true;
  for (const level of levels) {
    let value = wireValue(located(level.at, error, headers), level.type, readsText(level.at));
    for (const header of level.echoes) {
      const echoed = wireValue(readHeader(headers, header), level.type, true);
      if (echoed === undefined) continue;
      if (value === undefined) value = echoed;
      else if (String(echoed) !== String(value)) agree = false;
    }
    if (value !== undefined) defineOwn(codes, level.name, value);
  }
  return { codes, agree };
}
