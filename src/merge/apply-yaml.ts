import { stringify } from 'yaml';
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

/**
 * A mapping errcat rewrites whole (a flow mapping or an alias) is written from its data, which
 * has lost a number too large for JavaScript and the bytes of text that was not UTF-8 (read as
 * U+FFFD): such a mapping is refused rather than changed. Everything spliced pair by pair keeps
 * its bytes, whatever they are.
 */
export function rewriteRefusal(text: string, edits: readonly Edit[], outline: YamlOutline, data: unknown): RewriteRefusal | undefined {
  const targets = { reachable: (path: readonly string[]) => outline.mapping(path) !== undefined, whole: (path: readonly string[]) => outline.mapping(path)?.style === 'whole' };
  // Aliases written out as their value (see `keepAliases`) are written from data too.
  for (const path of new Set(edits.flatMap((edit) => edit.path.map((_, i) => JSON.stringify(edit.path.slice(0, i + 1)))))) {
    const at = outline.aliases(JSON.parse(path) as string[])[0];
    if (!at) continue;
    if (!isWellFormed(text)) return { code: 'not-text', offset: at.start, message: `This alias must be written out as its value, and the file holds bytes that are not UTF-8; save it as UTF-8, or write the value out.` };
    if (unsafeNumberIn(mappingAt(data, JSON.parse(path) as string[]))) return { code: 'unsafe-integer', offset: at.start, message: `This alias must be written out as its value, which holds a number JavaScript cannot hold exactly; write the value out, or quote the number.` };
  }
  for (const group of groupEdits(targets, edits)) {
    const layout = outline.mapping(group.path);
    if (layout?.style !== 'whole') continue;
    const where = group.path.length === 0 ? 'the top-level mapping' : `\`${group.path.join('.')}\``;
    if (!isWellFormed(text.slice(layout.start, layout.end))) {
      return { code: 'not-text', offset: layout.start, message: `${where} holds bytes that are not UTF-8, and errcat must rewrite it (it is a flow mapping or an alias); save the file as UTF-8, or write this mapping in block style.` };
    }
    if (unsafeNumberIn(mappingAt(data, group.path))) {
      return { code: 'unsafe-integer', offset: layout.start, message: `${where} holds a number JavaScript cannot hold exactly, and errcat must rewrite it (it is a flow mapping or an alias); write the mapping in block style, or quote the number.` };
    }
  }
  return undefined;
}

/**
 * The splices that apply edits to YAML text: each edited pair's lines are replaced, new pairs go
 * after a mapping's last pair, and every other byte — comments, order, quoting, blank lines,
 * anchors — stays as it was. A flow mapping (`{ … }`) or an alias is rewritten as one flow
 * mapping. `data` is what the text says, and `outline` where it says it.
 */
export function yamlSplices(text: string, edits: readonly Edit[], outline: YamlOutline, data: unknown): Splice[] {
  const unit = indentUnit(outline, data);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = (pairs: Iterable<[string, unknown]>, column: number) =>
    stringify(new Map(pairs), { indent: unit, lineWidth: 0, aliasDuplicateObjects: false })
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
      const value = applyEdits(structuredClone(mappingAt(data, group.path) ?? {}), group.edits);
      splices.push({ start: layout.start, end: layout.end, text: JSON.stringify(value), depth });
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
  return [...splices, ...keepAliases(outline, edits, splices, data)];
}

/**
 * An edit to an anchored mapping (or to anything inside one) would show through every alias of
 * it; where the edits do not rewrite an alias anyway, it is written out as the value it had.
 */
function keepAliases(outline: YamlOutline, edits: readonly Edit[], splices: readonly Splice[], data: unknown): Splice[] {
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
        if (!inside(alias.start)) kept.set(alias.start, { start: alias.start, end: alias.end, text: JSON.stringify(mappingAt(data, path)), depth: 0 });
      }
    }
  }
  return [...kept.values()];
}

/** The edited YAML text (see `yamlSplices`). */
export function applyToYaml(text: string, edits: readonly Edit[], outline: YamlOutline, data: unknown): string {
  return applySplices(text, yamlSplices(text, edits, outline, data));
}
