import { stringify } from 'yaml';
import { YAML_OPTIONS } from '../write/yaml-scalars.js';
import { applySplices, groupEdits, pairEdits, type Splice } from './edit-groups.js';
import type { Edit } from './plan.js';
import { applyEdits, isMapping, mappingAt } from './spec-data.js';
import { isWellFormed } from './spec-text.js';
import type { YamlOutline } from './yaml-layout.js';

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

/** A number JSON text cannot write back as it was read: past 2^53, or past a double. */
function unsafeNumberIn(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value));
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(unsafeNumberIn);
}

/** Where errcat cannot rewrite a mapping without changing what it says, and why. */
export interface RewriteRefusal {
  code: 'unsafe-integer' | 'not-text';
  offset: number;
  message: string;
}

/** What a region written from data (rather than kept) would lose, as a refusal; undefined when nothing. */
function lossOf(text: string, start: number, end: number, value: unknown, what: string): RewriteRefusal | undefined {
  if (!isWellFormed(text.slice(start, end))) return { code: 'not-text', offset: start, message: `${what} holds bytes that are not UTF-8; save the file as UTF-8, or write it in block style.` };
  if (unsafeNumberIn(value)) return { code: 'unsafe-integer', offset: start, message: `${what} holds a number JavaScript cannot hold exactly; write it in block style, or quote the number.` };
  return undefined;
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
 * The splices that apply edits to YAML text: each edited pair's lines are replaced, new pairs go
 * after a mapping's last pair, and every other byte — comments, order, quoting, blank lines,
 * anchors — stays as it was. A one-line flow mapping or alias under a key of a block mapping
 * (`components: {}`) becomes block lines at the file's indentation; any other flow mapping or
 * alias is rewritten as one flow mapping, from its data; and so is an alias of an anchored mapping the edits change (see
 * `keepAliases`). Data has lost a number too large for JavaScript, and the bytes of text that
 * was not UTF-8 (read as U+FFFD): a region holding either is refused rather than rewritten.
 * `data` is what the text says, and `outline` where it says it.
 */
export function yamlSplices(text: string, edits: readonly Edit[], outline: YamlOutline, data: unknown): Splice[] | RewriteRefusal {
  const unit = indentUnit(outline, data);
  // The first line end says which the file uses (a search of the whole text for `\r\n` costs a pass over it).
  const eol = /\r?\n/.exec(text)?.[0] ?? '\n';
  const block = (pairs: Iterable<[string, unknown]>, column: number) =>
    stringify(new Map(pairs), { ...YAML_OPTIONS, indent: unit })
      .split('\n')
      .map((line) => (line === '' ? line : ' '.repeat(column) + line))
      .join(eol);
  const splices: Splice[] = [];
  const targets = { reachable: (path: readonly string[]) => outline.mapping(path) !== undefined, whole: (path: readonly string[]) => outline.mapping(path)?.style === 'whole' };
  for (const group of groupEdits(targets, edits)) {
    const layout = outline.mapping(group.path);
    if (!layout) continue;
    const depth = group.path.length;
    if (layout.style === 'whole') {
      const where = group.path.length === 0 ? 'The top-level mapping' : `\`${group.path.join('.')}\` (a flow mapping or an alias, which errcat rewrites whole)`;
      const loss = lossOf(text, layout.start, layout.end, mappingAt(data, group.path), where);
      if (loss) return loss;
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
  const kept = keepAliases(text, outline, edits, splices, data);
  return Array.isArray(kept) ? [...splices, ...kept] : kept;
}

/**
 * An edit to an anchored mapping (or to anything inside one) would show through every alias of
 * it; where the edits do not rewrite an alias anyway, it is written out as the value it had.
 */
function keepAliases(text: string, outline: YamlOutline, edits: readonly Edit[], splices: readonly Splice[], data: unknown): Splice[] | RewriteRefusal {
  if (!outline.anchored()) return [];
  const inside = (at: number) => splices.some((splice) => splice.start <= at && at < Math.max(splice.end, splice.start + 1));
  const kept = new Map<number, Splice>();
  const seen = new Set<string>();
  for (const edit of edits) {
    for (let depth = 0; depth <= edit.path.length; depth++) {
      const path = edit.path.slice(0, depth);
      const id = JSON.stringify(path);
      if (seen.has(id)) continue;
      seen.add(id);
      for (const alias of outline.aliases(path)) {
        if (inside(alias.start)) continue;
        const value = mappingAt(data, path);
        const loss = lossOf(text, 0, text.length, value, 'This alias, which errcat writes out as its value since the mapping it names changes,');
        if (loss) return { ...loss, offset: alias.start };
        kept.set(alias.start, { start: alias.start, end: alias.end, text: JSON.stringify(value), depth: 0 });
      }
    }
  }
  return [...kept.values()];
}

/** The edited YAML text (see `yamlSplices`). */
export function applyToYaml(text: string, edits: readonly Edit[], outline: YamlOutline, data: unknown): string {
  const splices = yamlSplices(text, edits, outline, data);
  if (!Array.isArray(splices)) throw new Error(splices.message);
  return applySplices(text, splices);
}
