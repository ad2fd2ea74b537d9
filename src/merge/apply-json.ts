import type { Edit } from './plan.js';
import { mappingAt } from './spec-data.js';

/** The indentation the file uses: the first indented line's leading whitespace. */
export function detectIndent(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

function mapAt(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let node = root;
  for (const key of path) {
    const child = node[key];
    if (typeof child === 'object' && child !== null && !Array.isArray(child)) node = child as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      Object.defineProperty(node, key, { value: created, enumerable: true, writable: true, configurable: true });
      node = created;
    }
  }
  return node;
}

/** Applies edits to a parsed spec in place: keys keep their order, new ones go last. */
export function applyEdits(root: Record<string, unknown>, edits: readonly Edit[]): Record<string, unknown> {
  for (const edit of edits) {
    // defineProperty, so that a key such as `__proto__` stays a plain property.
    if (edit.kind === 'set') Object.defineProperty(mapAt(root, edit.path), edit.key, { value: edit.value, enumerable: true, writable: true, configurable: true });
    else delete mappingAt(root, edit.path)?.[edit.key];
  }
  return root;
}

/** Prints a spec as JSON the way its original text was: the file's indentation and final newline kept (key order is the data's). */
export function formatLike(text: string, value: unknown): string {
  return `${JSON.stringify(value, null, detectIndent(text))}${text.endsWith('\n') ? '\n' : ''}`;
}
