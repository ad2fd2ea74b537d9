import { ownValue, setOwn } from '../model/own.js';
import type { Edit } from './plan.js';

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


/** The mapping at a path, made (replacing whatever else is there) where there is none. */
function mappingFor(root: SpecMapping, path: readonly string[]): SpecMapping {
  let node = root;
  for (const key of path) {
    const child = ownValue(node, key);
    if (isMapping(child)) node = child;
    else {
      const created: SpecMapping = {};
      setOwn<unknown>(node, key, created);
      node = created;
    }
  }
  return node;
}

/** Applies edits to spec data in place: keys keep their order, new ones go last; a delete where there is no mapping changes nothing. */
export function applyEdits(root: SpecMapping, edits: readonly Edit[]): SpecMapping {
  for (const edit of edits) {
    if (edit.kind === 'set') setOwn(mappingFor(root, edit.path), edit.key, edit.value);
    else delete mappingAt(root, edit.path)?.[edit.key];
  }
  return root;
}
