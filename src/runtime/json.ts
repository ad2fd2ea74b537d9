/**
 * Reading and writing JSON values safely: own properties only, so that `__proto__`,
 * `constructor` or `toString` never come from a prototype, and arrays are never objects.
 */

/** A plain JSON object: not an array, not null. */
export function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property: inherited keys such as `constructor` or `__proto__` never count. */
export function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** An own property's value of an object, or undefined: a guard's one read of a required property. */
export function ownValue(value: object, key: string): unknown {
  return hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** An own property's value, or undefined. */
export function own(value: unknown, key: string): unknown {
  return plainObject(value) && hasOwn(value, key) ? value[key] : undefined;
}

/** The value at a dotted path of own properties, or undefined. */
export function ownPath(value: unknown, path: string): unknown {
  // Most paths are one key: no array for them (guards run this per body).
  return path.indexOf('.') === -1 ? own(value, path) : ownAt(value, path.split('.'));
}

/** The value at a path of own properties, its keys split ahead (a path read per body, split once). */
export function ownAt(value: unknown, keys: readonly string[]): unknown {
  // Most paths are one key: read directly, no loop (the guards' index reads one per body).
  if (keys.length === 1) return own(value, keys[0] as string);
  let current = value;
  for (let i = 0; i < keys.length; i++) current = own(current, keys[i] as string);
  return current;
}

/** No properties besides the allowed ones. */
export function onlyKeys(value: object, allowed: readonly string[]): boolean {
  // for-in rather than Object.keys(...).every(...): no array and no closure per check.
  for (const key in value) {
    if (hasOwn(value, key) && !allowed.includes(key)) return false;
  }
  return true;
}

/**
 * Every item passes the check. A loop rather than `Array.prototype.every(check)`: a list body was
 * checked about a tenth faster so.
 */
export function everyItem(items: readonly unknown[], check: (item: unknown) => boolean): boolean {
  for (let i = 0; i < items.length; i++) {
    if (!check(items[i])) return false;
  }
  return true;
}

/** Every property besides the declared ones passes the check (a map's values). */
export function everyValue(
  value: Record<string, unknown>,
  declared: readonly string[],
  check: (item: unknown) => boolean,
): boolean {
  return Object.keys(value).every((key) => declared.includes(key) || check(value[key]));
}

/** String length in code points, as JSON Schema counts it. */
export function codePoints(value: string): number {
  return Array.from(value).length;
}

/** JSON equality. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (plainObject(a) && plainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** Writes an own, enumerable property, even for a key such as `__proto__`. */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Writes a value at a dotted path, making (or copying) plain objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return;
  if (rest.length === 0) {
    defineOwn(target, head, value);
    return;
  }
  const existing = own(target, head);
  const child: Record<string, unknown> = plainObject(existing) ? { ...existing } : {};
  setPath(child, rest.join('.'), value);
  defineOwn(target, head, child);
}
