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

/** The layout of a YAML spec's mappings, by path of keys from the root. */
export interface YamlOutline {
  /** The mapping at a path, reached through mappings only; undefined when there is none. */
  mapping(path: readonly string[]): MappingLayout | undefined;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function afterLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
