/**
 * Records keyed by names from a catalog or a spec, where a name may be `__proto__`,
 * `constructor` or `toString`: read own properties only (`{}.toString` is no field), and define
 * properties rather than assign them (`obj.__proto__ = v` sets the prototype).
 */

/** The record's own value under a key; undefined when it has none (inherited ones do not count). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets a key as a plain data property, whatever its name. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
