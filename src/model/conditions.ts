import type { Condition, JsonValue } from './catalog.js';

/** The value at a path of own properties, or undefined. */
function valueAt(object: unknown, path: readonly string[]): unknown {
  let node = object;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A header's value, case-insensitively, from a plain record. */
function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const key = Object.keys(headers).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : headers[key];
}

/**
 * Whether a condition holds for an error object and its headers — the semantics the generated
 * classifier applies: `equals` compares JSON values (headers as text), `pattern` tests a string
 * value, `present` asks whether the value is there at all.
 */
export function conditionHolds(condition: Condition, errorObject: unknown, headers: Readonly<Record<string, string>>): boolean {
  const value = condition.source === 'header' ? headerValue(headers, condition.header) : valueAt(errorObject, condition.path);
  if (condition.present !== undefined) return (value !== undefined) === condition.present;
  if (condition.pattern !== undefined) return typeof value === 'string' && new RegExp(condition.pattern, 'u').test(value);
  return value !== undefined && JSON.stringify(value) === JSON.stringify(condition.equals as JsonValue);
}

/** A condition as the catalog writes it: `{ header | field, equals | pattern | present }`. */
export function conditionData(condition: Condition): JsonValue {
  const data: Record<string, JsonValue> = condition.source === 'header' ? { header: condition.header } : { field: condition.path.join('.') };
  if (condition.equals !== undefined) data['equals'] = condition.equals;
  if (condition.pattern !== undefined) data['pattern'] = condition.pattern;
  if (condition.present !== undefined) data['present'] = condition.present;
  return data;
}

/** A condition in words: `the x-ratelimit-remaining header is "0"`, `message matches /…/`. */
export function describeCondition(condition: Condition): string {
  const subject = condition.source === 'header' ? `the ${condition.header} header` : `\`${condition.path.join('.')}\``;
  if (condition.pattern !== undefined) return `${subject} matches \`/${condition.pattern}/\``;
  if (condition.present !== undefined) return `${subject} is ${condition.present ? 'present' : 'absent'}`;
  return `${subject} is \`${JSON.stringify(condition.equals)}\``;
}
