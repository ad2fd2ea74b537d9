import type { HeadersLike, JsonValue, LevelRow, LevelsRead, Locator, WireValue } from './contract.js';
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
  return items.find(
    (item) => plainObject(item) && keys.every((key) => hasOwn(item, key) && deepEqual(item[key], where[key])),
  );
}

/** Every item of an array whose own properties equal `where`. */
export function selectedItems(array: unknown, where: { readonly [property: string]: JsonValue }): unknown[] {
  if (!Array.isArray(array)) return [];
  const items: readonly unknown[] = array;
  const keys = Object.keys(where);
  return items.filter(
    (item) => plainObject(item) && keys.every((key) => hasOwn(item, key) && deepEqual(item[key], where[key])),
  );
}

/**
 * The objects reached by following `key` from `value`, outermost first (one step at least, or none);
 * cycles end the walk.
 */
export function chainSteps(value: unknown, key: string): Record<string, unknown>[] {
  const steps: Record<string, unknown>[] = [];
  for (let next = own(value, key); plainObject(next) && !steps.includes(next); next = own(next, key)) steps.push(next);
  return steps;
}

/** A value through a locator's pattern: the first capture group, or nothing when it does not match. */
function throughPattern(value: unknown, pattern: string | undefined): unknown {
  if (pattern === undefined) return value;
  const text = asText(value);
  return text === undefined ? undefined : compiled(pattern).exec(text)?.[1];
}

/**
 * Every value a locator points at in a response (the error object and its headers), through its
 * pattern: one, or for a chain the value at each step, innermost last.
 */
export function locatedAll(at: Locator, error: unknown, headers: HeadersLike | undefined): unknown[] {
  if ('header' in at) return [throughPattern(readHeader(headers, at.header), at.pattern)];
  if (at.chain !== undefined)
    return chainSteps(error, at.chain).map((step) => throughPattern(ownPath(step, at.field), at.pattern));
  const scope = at.in === undefined ? error : selectedItem(ownPath(error, at.in), at.where ?? {});
  return [throughPattern(ownPath(scope, at.field), at.pattern)];
}

/** The value a locator points at: for a chain, at its innermost object. */
export function located(at: Locator, error: unknown, headers: HeadersLike | undefined): unknown {
  const values = locatedAll(at, error, headers);
  return values[values.length - 1];
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
 * Every level's values, by name. The body comes first; a header that echoes a level stands in when the
 * body lacks it.
 */
export function readLevels(levels: readonly LevelRow[], error: unknown, headers: HeadersLike | undefined): LevelsRead {
  const read: LevelsRead = { codes: {}, values: {}, agree: true };
  for (const level of levels) {
    const text = readsText(level.at);
    const values = locatedAll(level.at, error, headers)
      .map((v) => wireValue(v, level.type, text))
      .filter((v) => v !== undefined);
    for (const header of level.echoes) {
      const echoed = wireValue(readHeader(headers, header), level.type, true);
      if (echoed === undefined) continue;
      const body = values[values.length - 1];
      if (body === undefined) values.push(echoed);
      else if (String(echoed) !== String(body)) read.agree = false;
    }
    const finest = values[values.length - 1];
    if (finest === undefined) continue;
    defineOwn(read.codes, level.name, finest);
    defineOwn(read.values, level.name, values);
  }
  return read;
}
