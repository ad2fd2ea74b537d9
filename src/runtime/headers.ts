import type { HeadersLike } from './contract.js';

/** A header value, case-insensitively, from a fetch `Headers` or a plain record; never throws. */
export function readHeader(headers: HeadersLike | undefined, name: string): string | undefined {
  if (headers === undefined || headers === null) return undefined;
  try {
    if (typeof (headers as { get?: unknown }).get === 'function') {
      const value = (headers as { get(name: string): unknown }).get(name);
      return typeof value === 'string' ? value : undefined;
    }
    const wanted = name.toLowerCase();
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() !== wanted) continue;
      const value: unknown = (headers as Record<string, unknown>)[key];
      if (typeof value === 'string') return value;
      if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    }
  } catch {
    return undefined;
  }
  return undefined;
}
