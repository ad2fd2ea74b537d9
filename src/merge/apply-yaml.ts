import { isMap, isScalar, parseDocument, stringify, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Edit } from './plan.js';

interface Group {
  path: string[];
  sets: Map<string, unknown>;
  deletes: Set<string>;
}

interface Splice {
  start: number;
  end: number;
  text: string;
  /** Nesting of the edited mapping: at one offset, a nested insertion goes before its parent's. */
  depth: number;
}

function mapAt(document: Document.Parsed, path: readonly string[]): YAMLMap | undefined {
  const node: unknown = path.length === 0 ? document.contents : document.getIn(path, true);
  return isMap(node) ? node : undefined;
}

/** The smallest indentation of any key line: the file's indent unit. */
function indentUnit(text: string): number {
  let unit = Infinity;
  for (const match of text.matchAll(/^( +)[^\s#-]/gm)) unit = Math.min(unit, match[1]?.length ?? Infinity);
  return Number.isFinite(unit) ? unit : 2;
}

function groupEdits(document: Document.Parsed, edits: readonly Edit[]): Group[] {
  const groups = new Map<string, Group>();
  const groupOf = (path: readonly string[]) => {
    const id = JSON.stringify(path);
    let group = groups.get(id);
    if (!group) {
      group = { path: [...path], sets: new Map(), deletes: new Set() };
      groups.set(id, group);
    }
    return group;
  };
  for (const edit of edits) {
    const group = groupOf(edit.path);
    if (edit.kind === 'set') group.sets.set(edit.key, edit.value);
    else group.deletes.add(edit.key);
  }
  // A mapping that does not exist yet becomes one new key of its nearest existing ancestor.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, group] of [...groups.entries()].sort(([, a], [, b]) => b.path.length - a.path.length)) {
      if (mapAt(document, group.path) || group.path.length === 0) continue;
      groups.delete(id);
      changed = true;
      if (group.sets.size === 0) continue;
      const parent = groupOf(group.path.slice(0, -1));
      const key = group.path[group.path.length - 1] as string;
      const merged = { ...((parent.sets.get(key) as Record<string, unknown> | undefined) ?? {}), ...Object.fromEntries(group.sets) };
      parent.sets.set(key, merged);
    }
  }
  return [...groups.values()];
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/**
 * Applies edits to YAML text by splicing: each edited pair's lines are replaced, new pairs go
 * after a mapping's last pair, and every other byte — comments, order, quoting, blank lines,
 * anchors — stays as it was. A flow mapping (`{ … }`) is rewritten as one flow mapping.
 */
export function applyToYaml(text: string, edits: readonly Edit[], parsed?: Document.Parsed): string {
  const document = parsed ?? parseDocument(text);
  const unit = indentUnit(text);
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const afterLine = (offset: number) => {
    const newline = text.indexOf('\n', offset);
    return newline === -1 ? text.length : newline + 1;
  };
  const block = (key: string, value: unknown, column: number) =>
    stringify({ [key]: value }, { indent: unit, lineWidth: 0, aliasDuplicateObjects: false })
      .split('\n')
      .map((line) => (line === '' ? line : ' '.repeat(column) + line))
      .join('\n');
  const splices: Splice[] = [];
  for (const group of groupEdits(document, edits)) {
    const map = mapAt(document, group.path);
    if (!map?.range) continue;
    const first = map.items[0];
    if (map.flow || !first || !isScalar(first.key) || !first.key.range) {
      const value = { ...(map.toJS(document) as Record<string, unknown>) };
      for (const key of group.deletes) delete value[key];
      for (const [key, v] of group.sets) value[key] = v;
      splices.push({ start: map.range[0], end: map.range[1], text: JSON.stringify(value), depth: group.path.length });
      continue;
    }
    const column = first.key.range[0] - lineStart(first.key.range[0]);
    const pending = new Map(group.sets);
    let end = 0;
    for (const pair of map.items) {
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (!keyRange) continue;
      const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? keyRange[1];
      const pairEnd = afterLine(Math.max(keyRange[0], valueEnd - 1));
      end = Math.max(end, pairEnd);
      const key = keyOf(pair);
      if (group.deletes.has(key)) splices.push({ start: lineStart(keyRange[0]), end: pairEnd, text: '', depth: group.path.length });
      else if (pending.has(key)) {
        splices.push({ start: lineStart(keyRange[0]), end: pairEnd, text: block(key, pending.get(key), column), depth: group.path.length });
        pending.delete(key);
      }
    }
    if (pending.size > 0) {
      const lead = end > 0 && text[end - 1] !== '\n' ? '\n' : '';
      splices.push({ start: end, end, text: lead + [...pending].map(([key, value]) => block(key, value, column)).join(''), depth: group.path.length });
    }
  }
  // One pass from the start: at one offset the deeper mapping's insertion comes first.
  const ordered = splices.sort((a, b) => a.start - b.start || a.end - b.end || b.depth - a.depth);
  const chunks: string[] = [];
  let cursor = 0;
  for (const splice of ordered) {
    chunks.push(text.slice(cursor, splice.start), splice.text);
    cursor = Math.max(cursor, splice.end);
  }
  chunks.push(text.slice(cursor));
  return chunks.join('');
}
