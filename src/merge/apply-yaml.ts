import { stringify } from 'yaml';
import type { Edit } from './plan.js';
import { applyEdits, isMapping, mappingAt } from './spec-data.js';
import type { YamlOutline } from './yaml-layout.js';

/** The edits to one mapping, their paths relative to it. */
interface Group {
  path: string[];
  edits: Edit[];
}

interface Splice {
  start: number;
  end: number;
  text: string;
  /** Nesting of the edited mapping: at one offset, a nested insertion goes before its parent's. */
  depth: number;
}

/** How far the file indents a block mapping inside another: its first one below the root shows it. */
function indentUnit(outline: YamlOutline, data: unknown): number {
  const root = outline.mapping([]);
  if (root?.style !== 'block' || !isMapping(data)) return 2;
  for (const key of Object.keys(data)) {
    const child = outline.mapping([key]);
    if (child?.style === 'block' && child.column > root.column) return child.column - root.column;
  }
  return 2;
}

const within = (key: string) => (edit: Edit): Edit => ({ ...edit, path: [key, ...edit.path] });
const isPrefix = (prefix: readonly string[], path: readonly string[]) => prefix.length < path.length && prefix.every((key, i) => path[i] === key);

/**
 * Edits grouped by the mapping they change. Edits inside a mapping the outline cannot reach
 * (it does not exist yet, or sits behind an alias) move up to the nearest one it can; edits
 * inside a mapping that is rewritten whole join that rewrite.
 */
function groupEdits(outline: YamlOutline, edits: readonly Edit[]): Group[] {
  const groups = new Map<string, Group>();
  const groupOf = (path: readonly string[]) => {
    const id = JSON.stringify(path);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { path: [...path], edits: [] }));
    return group;
  };
  for (const edit of edits) groupOf(edit.path).edits.push({ ...edit, path: [] });
  // Deepest first, so that a group moved up is itself seen at its new depth.
  for (let depth = Math.max(...edits.map((e) => e.path.length)); depth > 0; depth--) {
    for (const [id, group] of groups) {
      if (group.path.length !== depth || outline.mapping(group.path)) continue;
      groups.delete(id);
      groupOf(group.path.slice(0, -1)).edits.push(...group.edits.map(within(group.path[depth - 1] as string)));
    }
  }
  const ordered = [...groups.values()].sort((a, b) => b.path.length - a.path.length);
  for (const group of ordered) {
    const whole = ordered.find((other) => isPrefix(other.path, group.path) && outline.mapping(other.path)?.style === 'whole' && groups.has(JSON.stringify(other.path)));
    if (!whole) continue;
    groups.delete(JSON.stringify(group.path));
    whole.edits.push(...group.edits.map((edit) => group.path.slice(whole.path.length).reduceRight((e, key) => within(key)(e), edit)));
  }
  return [...groups.values()];
}

/**
 * A flow mapping or alias written on one line as the value of a block mapping's key
 * (`components: {}`, `responses: { '200': { description: ok } }`, `responses: *shared`):
 * where its key's colon ends, what follows it on the line (a comment), where the line ends, and
 * the column of the key. Undefined for anything else (a multi-line flow mapping, one inside
 * another, one with an anchor or tag), which stays a flow mapping.
 */
function keyedOneLiner(text: string, outline: YamlOutline, path: readonly string[], layout: { start: number; end: number }): { colonEnd: number; comment: string; end: number; column: number } | undefined {
  if (path.length === 0) return undefined;
  const parent = outline.mapping(path.slice(0, -1));
  if (parent?.style !== 'block') return undefined;
  const pair = parent.pairs.find((p) => p.key === path[path.length - 1]);
  if (!pair || layout.start < pair.start || layout.end > pair.end) return undefined;
  const head = text.slice(pair.start, layout.start);
  const node = text.slice(layout.start, layout.end);
  const rest = text.slice(layout.end, pair.end);
  if (!/^[^\n]*:[ \t]*$/.test(head) || !/^[{*][^\n]*$/.test(node) || !/^[ \t]*(#[^\n]*)?\r?\n?$/.test(rest)) return undefined;
  return { colonEnd: pair.start + head.trimEnd().length, comment: rest.replace(/\r?\n$/, ''), end: pair.end, column: parent.column };
}

/**
 * A block mapping's edits as whole pairs: the keys to delete, and the value each other edited
 * key gets (edits deeper inside a key become that key's new value).
 */
function pairEdits(group: Group, data: unknown): { pending: Map<string, unknown>; deletes: Set<string> } {
  const pending = new Map<string, unknown>();
  const deletes = new Set<string>();
  const nested = new Map<string, Edit[]>();
  for (const edit of group.edits) {
    const [key, ...rest] = edit.path;
    if (key !== undefined) nested.set(key, [...(nested.get(key) ?? []), { ...edit, path: rest }]);
    else if (edit.kind === 'set') pending.set(edit.key, edit.value);
    else deletes.add(edit.key);
  }
  for (const [key, edits] of nested) {
    const existing = mappingAt(data, [...group.path, key]);
    // Deletes inside a mapping that is not there change nothing.
    if (existing || edits.some((edit) => edit.kind === 'set')) pending.set(key, applyEdits(structuredClone(existing) ?? {}, edits));
  }
  return { pending, deletes };
}

/**
 * Applies edits to YAML text by splicing: each edited pair's lines are replaced, new pairs go
 * after a mapping's last pair, and every other byte — comments, order, quoting, blank lines,
 * anchors — stays as it was. A one-line flow mapping or alias under a key of a block mapping
 * (`components: {}`) becomes block lines at the file's indentation; any other flow mapping is
 * rewritten as one flow mapping. `data` is what the text says, and `outline` where it says it.
 */
export function applyToYaml(text: string, edits: readonly Edit[], outline: YamlOutline, data: unknown): string {
  const unit = indentUnit(outline, data);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = (pairs: Iterable<[string, unknown]>, column: number) =>
    stringify(new Map(pairs), { indent: unit, lineWidth: 0, aliasDuplicateObjects: false })
      .split('\n')
      .map((line) => (line === '' ? line : ' '.repeat(column) + line))
      .join(eol);
  const splices: Splice[] = [];
  for (const group of groupEdits(outline, edits)) {
    const layout = outline.mapping(group.path);
    if (!layout) continue;
    const depth = group.path.length;
    if (layout.style === 'whole') {
      const value = applyEdits(structuredClone(mappingAt(data, group.path) ?? {}), group.edits);
      const underKey = Object.keys(value).length > 0 ? keyedOneLiner(text, outline, group.path, layout) : undefined;
      if (underKey) {
        // `components: {}` filled: its key keeps its line (and comment), the value goes below it in block style.
        splices.push({ start: underKey.colonEnd, end: underKey.end, text: `${underKey.comment}${eol}${block(Object.entries(value), underKey.column + unit)}`, depth });
      } else splices.push({ start: layout.start, end: layout.end, text: JSON.stringify(value), depth });
      continue;
    }
    const { pending, deletes } = pairEdits(group, data);
    const first = layout.pairs[0];
    if (first && pending.size === 0 && layout.pairs.every((pair) => deletes.has(pair.key))) {
      // Emptied: an empty flow mapping, since no pairs at all would read as null.
      splices.push({ start: first.start, end: layout.end, text: `${' '.repeat(layout.column)}{}${eol}`, depth });
      continue;
    }
    for (const pair of layout.pairs) {
      if (deletes.has(pair.key)) splices.push({ start: pair.start, end: pair.end, text: '', depth });
      else if (pending.has(pair.key)) {
        splices.push({ start: pair.start, end: pair.end, text: block([[pair.key, pending.get(pair.key)]], layout.column), depth });
        pending.delete(pair.key);
      }
    }
    if (pending.size > 0) {
      const { end } = layout;
      const lead = end > 0 && text[end - 1] !== '\n' ? eol : '';
      splices.push({ start: end, end, text: lead + block(pending, layout.column), depth });
    }
  }
  // One pass from the start: at one offset the deeper mapping's insertion comes first.
  const ordered = splices.sort((a, b) => a.start - b.start || a.end - b.end || b.depth - a.depth);
  const chunks: string[] = [];
  let cursor = 0;
  for (const splice of ordered) {
    if (splice.start < cursor) throw new Error(`errcat bug: overlapping YAML edits at offset ${splice.start}`);
    chunks.push(text.slice(cursor, splice.start), splice.text);
    cursor = splice.end;
  }
  chunks.push(text.slice(cursor));
  return chunks.join('');
}
