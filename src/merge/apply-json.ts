import type { Edit } from './plan.js';

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
    const map = mapAt(root, edit.path);
    // defineProperty, so that a key such as `__proto__` stays a plain property.
    if (edit.kind === 'set') Object.defineProperty(map, edit.key, { value: edit.value, enumerable: true, writable: true, configurable: true });
    else delete map[edit.key];
  }
  return root;
}

/** Applies edits to a JSON spec's text: key order kept, the file's indentation and final newline kept. */
export function applyToJson(text: string, edits: readonly Edit[], parsed?: Record<string, unknown>): string {
  const root = applyEdits(parsed ?? (JSON.parse(text) as Record<string, unknown>), edits);
  return `${JSON.stringify(root, null, detectIndent(text))}${text.endsWith('\n') ? '\n' : ''}`;
}
