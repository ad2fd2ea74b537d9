import type { Edit } from './plan.js';
import { applyEdits, mappingAt } from './spec-data.js';
import { encodeSpecText, isWellFormed } from './spec-text.js';

/** The edits to one mapping, their paths relative to it. */
export interface EditGroup {
  path: string[];
  edits: Edit[];
}

/** Where a spec's text can be edited: mappings it can reach, and which of them are rewritten whole. */
export interface EditTargets {
  /** Whether the text has the mapping at this path where edits can go. */
  reachable(path: readonly string[]): boolean;
  /** Whether that mapping is rewritten as a whole rather than pair by pair. */
  whole(path: readonly string[]): boolean;
}

const within = (key: string) => (edit: Edit): Edit => ({ ...edit, path: [key, ...edit.path] });
const isPrefix = (prefix: readonly string[], path: readonly string[]) => prefix.length < path.length && prefix.every((key, i) => path[i] === key);

/**
 * Edits grouped by the mapping they change. Edits inside a mapping the text does not have (it
 * does not exist yet, or sits behind an alias) move up to the nearest one it has; edits inside a
 * mapping that is rewritten whole join that rewrite.
 */
export function groupEdits(targets: EditTargets, edits: readonly Edit[]): EditGroup[] {
  const groups = new Map<string, EditGroup>();
  const groupOf = (path: readonly string[]) => {
    const id = JSON.stringify(path);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { path: [...path], edits: [] }));
    return group;
  };
  // Edits of one object share its path array (thousands, for a large spec): its id is worked out once.
  const byArray = new Map<readonly string[], EditGroup>();
  for (const edit of edits) {
    let group = byArray.get(edit.path);
    if (!group) byArray.set(edit.path, (group = groupOf(edit.path)));
    group.edits.push({ ...edit, path: [] });
  }
  // Deepest first, so that a group moved up is itself seen at its new depth.
  for (let depth = Math.max(...edits.map((e) => e.path.length)); depth > 0; depth--) {
    for (const group of groups.values()) {
      if (group.path.length !== depth || targets.reachable(group.path)) continue;
      groups.delete(JSON.stringify(group.path));
      groupOf(group.path.slice(0, -1)).edits.push(...group.edits.map(within(group.path[depth - 1] as string)));
    }
  }
  const ordered = [...groups.values()].sort((a, b) => b.path.length - a.path.length);
  const wholes = ordered.filter((group) => targets.whole(group.path));
  for (const group of wholes.length === 0 ? [] : ordered) {
    const whole = wholes.find((other) => isPrefix(other.path, group.path) && groups.has(JSON.stringify(other.path)));
    if (!whole) continue;
    groups.delete(JSON.stringify(group.path));
    whole.edits.push(...group.edits.map((edit) => group.path.slice(whole.path.length).reduceRight((e, key) => within(key)(e), edit)));
  }
  return [...groups.values()];
}

/**
 * A mapping's edits as whole pairs: the keys to delete, and the value each other edited key gets
 * (edits deeper inside a key become that key's new value).
 */
export function pairEdits(group: EditGroup, data: unknown): { pending: Map<string, unknown>; deletes: Set<string> } {
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

/** One replacement in a text: [start, end) becomes `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
  /** Nesting of the edited mapping: at one offset, a nested insertion goes before its parent's. */
  depth: number;
}

/** The text in pieces, splices applied in one pass from the start: kept slices and new text alternate. */
function pieces(text: string, splices: Splice[]): { kept: string[]; added: string[]; replaced: string[] } {
  const ordered = splices.sort((a, b) => a.start - b.start || a.end - b.end || b.depth - a.depth);
  const kept: string[] = [];
  const added: string[] = [];
  const replaced: string[] = [];
  let cursor = 0;
  for (const splice of ordered) {
    if (splice.start < cursor) throw new Error(`errcat bug: overlapping edits at offset ${splice.start}`);
    kept.push(text.slice(cursor, splice.start));
    added.push(splice.text);
    replaced.push(text.slice(splice.start, splice.end));
    cursor = splice.end;
  }
  kept.push(text.slice(cursor));
  return { kept, added, replaced };
}

const utf8Length = (piece: string) => Buffer.byteLength(piece, 'utf8');

/**
 * The merged bytes with each kept stretch a view of `original`, the bytes of `prefix + text` as
 * read: neither encoded again (several times the cost, most of all for a text with any character
 * past U+00FF, which V8 then holds two bytes a character) nor copied. Undefined when the lengths
 * show that `original` is not that text's bytes.
 */
function keptViews(original: Uint8Array, prefix: string, kept: readonly string[], added: readonly string[], replaced: readonly string[]): Uint8Array[] | undefined {
  const keptLengths = kept.map(utf8Length);
  const replacedLengths = replaced.map(utf8Length);
  const sum = (lengths: readonly number[]) => lengths.reduce((total, length) => total + length, 0);
  const prefixLength = utf8Length(prefix);
  if (prefixLength + sum(keptLengths) + sum(replacedLengths) !== original.byteLength) return undefined;
  const chunks: Uint8Array[] = prefixLength > 0 ? [Buffer.from(prefix, 'utf8')] : [];
  let from = prefixLength;
  keptLengths.forEach((length, i) => {
    if (length > 0) chunks.push(original.subarray(from, from + length));
    from += length;
    if (i < added.length) {
      if (added[i] !== '') chunks.push(Buffer.from(added[i] as string, 'utf8'));
      from += replacedLengths[i] as number;
    }
  });
  return chunks;
}

/** Applies non-overlapping splices to a text. */
export function applySplices(text: string, splices: Splice[]): string {
  const { kept, added } = pieces(text, splices);
  return kept.flatMap((piece, i) => (i < added.length ? [piece, added[i] as string] : [piece])).join('');
}

/**
 * The same as `applySplices`, as the bytes to write, in pieces (kept text encoded losslessly, see
 * spec-text.ts). For a large spec this skips building the merged text at all: a 13 MB string
 * costs as much to assemble as the whole merge, and so does a 13 MB buffer of fresh memory.
 * `prefix` (a byte-order mark) goes first. `wellFormed` is whether `text` has no lone surrogate,
 * when the caller knows already; `original`, when given, the bytes `prefix + text` was decoded
 * from, which the kept stretches are then views of.
 */
export function spliceToChunks(text: string, splices: Splice[], prefix = '', wellFormed = isWellFormed(text), original?: Uint8Array): Uint8Array[] {
  const { kept, added, replaced } = pieces(text, splices);
  const views = original && wellFormed ? keptViews(original, prefix, kept, added, replaced) : undefined;
  if (views) return views;
  const all = [prefix, ...kept.flatMap((piece, i) => (i < added.length ? [piece, added[i] as string] : [piece]))];
  if (!wellFormed) return all.map(encodeSpecText);
  const out = Buffer.allocUnsafe(all.reduce((sum, piece) => sum + Buffer.byteLength(piece, 'utf8'), 0));
  let offset = 0;
  for (const piece of all) offset += out.write(piece, offset, 'utf8');
  return [out];
}
