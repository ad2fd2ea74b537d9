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


/**
 * The mapping at a path, made where there is none (replacing whatever else is there), and copied
 * where this edit run has not copied it yet (`copied` given): a YAML alias makes two places share
 * one object, and an edit at one place must not show at the other (the text errcat writes says so too).
 */
function mappingFor(root: SpecMapping, path: readonly string[], copied: WeakSet<object> | undefined): SpecMapping {
  let node = root;
  for (const key of path) {
    const child = ownValue(node, key);
    const next: SpecMapping = !isMapping(child) ? {} : copied && !copied.has(child) ? { ...child } : child;
    if (next !== child) {
      setOwn<unknown>(node, key, next);
      copied?.add(next);
    }
    node = next;
  }
  return node;
}

/**
 * Applies edits to spec data: keys keep their order, new ones go last; a delete where there is no
 * mapping changes nothing. The root is changed in place; the mappings on the edits' paths are
 * copied once (see `mappingFor`), the rest is shared with the input. Data known to share nothing
 * (JSON, YAML without aliases) is changed in place throughout, `shared` false.
 */
export function applyEdits(root: SpecMapping, edits: readonly Edit[], shared = true): SpecMapping {
  const copied = shared ? new WeakSet<object>([root]) : undefined;
  for (const edit of edits) {
    if (edit.kind === 'set') setOwn(mappingFor(root, edit.path, copied), edit.key, edit.value);
    else if (mappingAt(root, edit.path)) delete mappingFor(root, edit.path, copied)[edit.key];
  }
  return root;
}
