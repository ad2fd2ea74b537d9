/** Where one key of a block mapping sits: from the start of its key's line to the end of its value's last line. */
export interface PairLayout {
  key: string;
  start: number;
  end: number;
}

/**
 * Where a mapping of a YAML spec sits in its text, enough to splice edits into it.
 * A block mapping is edited pair by pair; anything else (a flow mapping, an alias) is
 * rewritten whole, as one flow mapping.
 */
export type MappingLayout =
  | { style: 'block'; column: number; pairs: PairLayout[]; end: number }
  | { style: 'whole'; start: number; end: number };

/** Where a piece of text sits: [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/** The layout of a YAML spec's mappings, by path of keys from the root. */
export interface YamlOutline {
  /** The mapping at a path, reached through mappings only; undefined when there is none. */
  mapping(path: readonly string[]): MappingLayout | undefined;
  /** The aliases (`*name`) elsewhere in the text of the mapping at a path, when it has an anchor. */
  aliases(path: readonly string[]): TextRange[];
  /** Whether any mapping of the text has an anchor (when none has, no alias needs a look). */
  anchored(): boolean;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function afterLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** One key of a block mapping as a parser read it: where the key starts, and its value's last character. */
export interface KeySpan {
  key: string;
  keyStart: number;
  last: number;
}

/**
 * A block mapping's layout from its keys in order; `whole` when one is not a plain key
 * (undefined) or does not open its own line (`- key:` in a sequence), since only then can it
 * be spliced line by line.
 */
export function blockLayout(text: string, keys: readonly (KeySpan | undefined)[], whole: MappingLayout): MappingLayout {
  const pairs: PairLayout[] = [];
  let column = -1;
  let end = 0;
  for (const span of keys) {
    if (!span || !Number.isFinite(span.keyStart)) return whole;
    const start = lineStart(text, span.keyStart);
    if (text.slice(start, span.keyStart).trim() !== '') return whole;
    if (column === -1) column = span.keyStart - start;
    const pairEnd = afterLine(text, Math.max(span.keyStart, span.last));
    pairs.push({ key: span.key, start, end: pairEnd });
    end = Math.max(end, pairEnd);
  }
  return pairs.length > 0 ? { style: 'block', column, pairs, end } : whole;
}
