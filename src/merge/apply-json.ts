import { groupEdits, pairEdits, type Splice } from './edit-groups.js';
import { pathId, type JsonObjectLayout } from './json-outline.js';
import type { Edit } from './plan.js';

/** The indentation the file uses: the first indented line's leading whitespace. */
function detectIndent(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/** The leading whitespace of the line holding `offset`. */
function leadingWhitespace(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/** Whether `offset` opens its line (only whitespace before it). */
const opensLine = (text: string, offset: number) => leadingWhitespace(text, offset).length === offset - (text.lastIndexOf('\n', offset - 1) + 1);

/** How an object lays out its pairs: one per line at an indentation, or all on one line. */
interface ObjectStyle {
  /** Before each pair: a newline and the pair's indentation, or a space (or nothing) on one line. */
  lead: string;
  /** Before the closing brace of an object that errcat writes anew. */
  close: string;
  /** Between a key and its value. */
  colon: string;
  /** The indentation of the lines of a new value; undefined for one-line objects. */
  indent: string | undefined;
}

function objectStyle(text: string, object: JsonObjectLayout, unit: string, eol: string): ObjectStyle {
  const [first, second] = object.pairs;
  const colon = first ? text.slice(first.keyEnd, first.valueStart) : ': ';
  const own = leadingWhitespace(text, object.start);
  const lined = [...object.pairs].reverse().find((pair) => opensLine(text, pair.keyStart));
  if (lined) {
    const indent = leadingWhitespace(text, lined.keyStart);
    return { lead: `${eol}${indent}`, close: `${eol}${own}`, colon, indent };
  }
  if (first) {
    // A one-line object keeps its own spacing: `{"a": 1, "b": 2}` or `{"a":1,"b":2}`.
    const gap = second ? text.slice(first.valueEnd + 1, second.keyStart) : text.slice(object.start + 1, first.keyStart);
    return { lead: /^[ \t]*$/.test(gap) ? gap : ' ', close: gap === '' ? '' : ' ', colon, indent: undefined };
  }
  // An empty object gets lines when it grows, unless the whole file is on one line.
  if (!text.includes('\n')) return { lead: '', close: '', colon: ':', indent: undefined };
  return { lead: `${eol}${own}${unit}`, close: `${eol}${own}`, colon, indent: `${own}${unit}` };
}

/**
 * The splices that apply edits to JSON text at the offsets one scan recorded: a replaced value is
 * written over the old one, a deleted pair goes with its comma, new pairs follow an object's last
 * pair in the object's own layout. Every other byte — numbers as written (`1e400`,
 * `12345678901234567890`), escapes, spacing, line endings — stays as it was.
 */
export function jsonSplices(text: string, edits: readonly Edit[], objects: ReadonlyMap<string, JsonObjectLayout>, data: unknown): Splice[] {
  const unit = detectIndent(text);
  // The first line end says which the file uses (a search of the whole text for `\r\n` costs a pass over it).
  const eol = /\r?\n/.exec(text)?.[0] ?? '\n';
  // Most new values are one of a few `$ref`s, thousands of times over: each text is laid out once.
  const laidOut = new Map<string, string>();
  const valueText = (value: unknown, indent: string | undefined) => {
    const compact = JSON.stringify(value);
    if (indent === undefined) return compact;
    const key = `${indent}\u0000${compact}`;
    let text = laidOut.get(key);
    if (text === undefined) laidOut.set(key, (text = (JSON.stringify(value, null, unit) as string).split('\n').join(`${eol}${indent}`)));
    return text;
  };
  const pairText = (key: string, value: unknown, style: ObjectStyle) => `${JSON.stringify(key)}${style.colon}${valueText(value, style.indent)}`;
  const splices: Splice[] = [];
  const targets = { reachable: (path: readonly string[]) => objects.has(pathId(path)), whole: () => false };
  for (const group of groupEdits(targets, edits)) {
    const object = objects.get(pathId(group.path)) as JsonObjectLayout;
    const depth = group.path.length;
    const style = objectStyle(text, object, unit, eol);
    const { pending, deletes } = pairEdits(group, data);
    const kept = object.pairs.filter((pair) => !deletes.has(pair.key));
    if (kept.length === 0) {
      // Emptied, or empty before: written anew, with the new pairs if any.
      const added = [...pending].map(([key, value]) => `${style.lead}${pairText(key, value, style)}`);
      splices.push({ start: object.start, end: object.end + 1, text: added.length === 0 ? '{}' : `{${added.join(',')}${style.close}}`, depth });
      continue;
    }
    object.pairs.forEach((pair, i) => {
      if (pending.has(pair.key) && !deletes.has(pair.key)) {
        splices.push({ start: pair.valueStart, end: pair.valueEnd, text: valueText(pending.get(pair.key), style.indent), depth });
        pending.delete(pair.key);
      }
      if (!deletes.has(pair.key) || deletes.has(object.pairs[i - 1]?.key as string)) return;
      // A run of deleted pairs goes with the comma before it, or, at the start, with the comma after it.
      let last = i;
      while (last + 1 < object.pairs.length && deletes.has((object.pairs[last + 1] as { key: string }).key)) last++;
      const before = object.pairs[i - 1];
      const after = object.pairs[last + 1];
      const end = (object.pairs[last] as { valueEnd: number }).valueEnd;
      if (before) splices.push({ start: before.valueEnd, end, text: '', depth });
      else splices.push({ start: pair.keyStart, end: (after as { keyStart: number }).keyStart, text: '', depth });
    });
    if (pending.size > 0) {
      const at = (object.pairs[object.pairs.length - 1] as { valueEnd: number }).valueEnd;
      splices.push({ start: at, end: at, text: [...pending].map(([key, value]) => `,${style.lead}${pairText(key, value, style)}`).join(''), depth });
    }
  }
  return splices;
}
