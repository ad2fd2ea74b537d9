/** A spec (or part of one) as plain data: JSON.parse's or a YAML loader's output. */
export type SpecMapping = Record<string, unknown>;

export function isMapping(value: unknown): value is SpecMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mapping at a path of keys, or undefined when there is none (or something else is there). */
export function mappingAt(value: unknown, path: readonly string[]): SpecMapping | undefined {
  let node = value;
  for (const key of path) {
    if (!isMapping(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return isMapping(node) ? node : undefined;
}
