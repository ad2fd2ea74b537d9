/**
 * Records keyed by names from a catalog or a spec, where a name may be `__proto__`,
 * `constructor` or `toString`: read own properties only (`{}.toString` is no field), and define
 * properties rather than assign them (`obj.__proto__ = v` sets the prototype).
 */

/** Writes a property as an own, enumerable data property, whatever its name. */
export function defineOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** The own value under a key; undefined when there is none (inherited ones do not count). */
export function ownValue<T = unknown>(record: Readonly<Record<string, T>> | object, key: string): T | undefined {
  return Object.hasOwn(record, key) ? (record as Record<string, T>)[key] : undefined;
}

/** Sets a key as a plain data property, whatever its name. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  defineOwn(record, key, value);
}
