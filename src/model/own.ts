/**
 * Writes a property as an own, enumerable data property. Plain assignment would treat a key
 * such as `__proto__` as the prototype, and catalog names and codes can be any string.
 */
export function defineOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** An own property's value, or undefined: inherited keys (`constructor`, `toString`) never count. */
export function ownValue(source: object, key: string): unknown {
  return Object.hasOwn(source, key) ? (source as Record<string, unknown>)[key] : undefined;
}
