/** One pair of a JSON object: where its key starts and ends, and where its value starts and ends (end-exclusive). */
export interface JsonPair {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** A JSON object in its text: the offsets of its braces and of each pair. */
export interface JsonObjectLayout {
  /** The `{`. */
  start: number;
  /** The `}`. */
  end: number;
  pairs: JsonPair[];
}

export type JsonScan =
  | { ok: true; objects: ReadonlyMap<string, JsonObjectLayout>; keys: number }
  | { ok: false; problem: 'duplicate-key'; offset: number; key: string }
  | { ok: false; problem: 'too-deep'; offset: number };

/** The id of a path of keys in the scan's map. */
export const pathId = (path: readonly string[]): string => JSON.stringify(path);

/** Paths to record, as a tree of keys. */
type Wanted = Map<string, Wanted>;

function wantedTree(paths: readonly (readonly string[])[]): Wanted {
  const root: Wanted = new Map();
  // Edits of one object share its path array: each array is walked once.
  for (const path of new Set(paths)) {
    let node = root;
    for (const key of path) {
      let child = node.get(key);
      if (!child) node.set(key, (child = new Map()));
      node = child;
    }
  }
  return root;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The closing quote of the string opening at `start` (the text is valid JSON). */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let escapes = 0;
    while (text.charCodeAt(end - 1 - escapes) === BACKSLASH) escapes++;
    if (escapes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

const isSpace = (char: number) => char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09;

/** A literal value (number, true, false, null) between a pair's key and the `,` or `}` after it: where it starts and ends. */
function literalSpan(text: string, pair: JsonPair, delimiter: number): void {
  let start = text.indexOf(':', pair.keyEnd) + 1;
  while (isSpace(text.charCodeAt(start))) start++;
  let end = delimiter;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  pair.valueStart = start;
  pair.valueEnd = end;
}

/** Whether a stretch of a text holds a backslash (an escape). */
function hasEscape(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === BACKSLASH) return true;
  return false;
}

/** A key as a string, from inside its quotes, escapes decoded. */
function keyText(text: string, from: number, to: number): string {
  return hasEscape(text, from, to) ? (JSON.parse(text.slice(from - 1, to + 1)) as string) : text.slice(from, to);
}

/** The characters that change the scanner's state; a native search jumps from one to the next. */
const STRUCTURE = /["{}[\],]/g;
/** The same, less the comma: inside a container that nothing is recorded in, only nesting and keys count. */
const NESTING = /["{}[\]]/g;

/** Whether the string that ends at `end` (its closing quote) is a key: a colon comes next. */
function isKey(text: string, end: number): boolean {
  let next = end + 1;
  while (isSpace(text.charCodeAt(next))) next++;
  return text.charCodeAt(next) === 0x3a;
}

/**
 * Passes over the container that opens at `start` (nothing in it is recorded): its keys counted,
 * its nesting held to `room` more levels. Returns its closing bracket and the keys in it, or the
 * bracket that went too deep.
 */
function passContainer(text: string, start: number, room: number, nesting: RegExp): { end: number; keys: number } | { tooDeep: number } {
  let depth = 1;
  let keys = 0;
  nesting.lastIndex = start + 1;
  while (nesting.test(text)) {
    const at = nesting.lastIndex - 1;
    const char = text.charCodeAt(at);
    if (char === QUOTE) {
      const end = stringEnd(text, at);
      nesting.lastIndex = end + 1;
      if (isKey(text, end)) keys++;
    } else if (char === 0x7b || char === 0x5b) {
      if (depth >= room) return { tooDeep: at };
      depth++;
    } else if (--depth === 0) return { end: at, keys };
  }
  throw new Error('errcat bug: a JSON text that JSON.parse accepted has an unclosed container');
}

/**
 * One pass over a JSON text that `JSON.parse` accepted: nesting is checked against `maxDepth`,
 * keys are counted, and the layout of the objects at `paths` (and their ancestors) is recorded,
 * so that edits can be spliced into the text and every other byte kept. `JSON.parse` keeps one of
 * two equal keys silently: when the count here is more than the parsed data has (`countKeys`), run
 * again with `duplicates` to find the second. Linear, with no recursion: a regular expression
 * jumps to each quote, bracket and comma, strings are skipped whole, and the stack is kept in
 * arrays reused level by level; keys become strings only where needed (a string for each of
 * GitHub's 217,000 keys would cost more in garbage collection than the scan itself). A container
 * with nothing recorded inside is passed over by a tighter loop that only counts keys and levels.
 */
export function scanJson(text: string, paths: readonly (readonly string[])[], maxDepth: number, options: { duplicates?: boolean } = {}): JsonScan {
  const objects = new Map<string, JsonObjectLayout>();
  // The open containers, one slot per level.
  const isObject: boolean[] = [];
  /** Per level, when looking for duplicates: the keys so far (a list while short, then a set). */
  const keyLists: string[][] = [];
  const keySets: (Set<string> | undefined)[] = [];
  const wanted: (Wanted | undefined)[] = [];
  const layouts: (JsonObjectLayout | undefined)[] = [];
  const keyPaths: (string[] | undefined)[] = [];
  const lastKey: (string | undefined)[] = [];
  let expectKey = false;
  let depth = 0;
  let keys = 0;
  const rootWanted = wantedTree(paths);
  /** The last pair of the recorded object that holds the value at this level, when its value is still unplaced. */
  const openPair = (): JsonPair | undefined => {
    const layout = depth > 0 && isObject[depth - 1] ? layouts[depth - 1] : undefined;
    const pair = layout?.pairs[layout.pairs.length - 1];
    return pair && pair.valueStart === -1 ? pair : undefined;
  };
  const structure = new RegExp(STRUCTURE.source, 'g');
  const nesting = new RegExp(NESTING.source, 'g');
  // `test`, not `exec`: no match object for each of a million characters.
  while (structure.test(text)) {
    const at = structure.lastIndex - 1;
    const char = text.charCodeAt(at);
    if (char === QUOTE) {
      const end = stringEnd(text, at);
      structure.lastIndex = end + 1;
      if (!expectKey) {
        const pair = openPair();
        if (pair) {
          pair.valueStart = at;
          pair.valueEnd = end + 1;
        }
        continue;
      }
      keys++;
      expectKey = false;
      const level = depth - 1;
      if (!options.duplicates && layouts[level] === undefined && wanted[level] === undefined) continue;
      const key = keyText(text, at + 1, end);
      if (options.duplicates) {
        const set = keySets[level];
        const list = keyLists[level] as string[];
        if (set ? set.has(key) : list.includes(key)) return { ok: false, problem: 'duplicate-key', offset: at, key };
        if (set) set.add(key);
        else if (list.push(key) > 16) keySets[level] = new Set(list);
      }
      lastKey[level] = key;
      layouts[level]?.pairs.push({ key, keyStart: at, keyEnd: end + 1, valueStart: -1, valueEnd: -1 });
    } else if (char === 0x7b || char === 0x5b) {
      if (depth >= maxDepth) return { ok: false, problem: 'too-deep', offset: at };
      const pair = openPair();
      if (pair) pair.valueStart = at;
      const object = char === 0x7b;
      const parent = depth - 1;
      const key = parent >= 0 ? lastKey[parent] : undefined;
      const tree = !object ? undefined : parent < 0 ? rootWanted : isObject[parent] && key !== undefined ? wanted[parent]?.get(key) : undefined;
      const path = tree === undefined ? undefined : parent < 0 ? [] : [...(keyPaths[parent] as string[]), key as string];
      if (tree === undefined && !options.duplicates) {
        // Nothing inside is recorded: pass over it whole (as the value of its pair, if that is recorded).
        const passed = passContainer(text, at, maxDepth - depth, nesting);
        if ('tooDeep' in passed) return { ok: false, problem: 'too-deep', offset: passed.tooDeep };
        keys += passed.keys;
        if (pair) pair.valueEnd = passed.end + 1;
        structure.lastIndex = passed.end + 1;
        expectKey = false;
        continue;
      }
      const layout = tree === undefined ? undefined : { start: at, end: -1, pairs: [] };
      if (layout) objects.set(pathId(path as string[]), layout);
      isObject[depth] = object;
      if (options.duplicates) {
        if (keyLists[depth]) (keyLists[depth] as string[]).length = 0;
        else keyLists[depth] = [];
        keySets[depth] = undefined;
      }
      wanted[depth] = tree;
      layouts[depth] = layout;
      keyPaths[depth] = path;
      lastKey[depth] = undefined;
      depth++;
      expectKey = object;
    } else {
      // `}`, `]` or `,`: a literal value of a recorded pair ends here.
      const literal = openPair();
      if (literal) literalSpan(text, literal, at);
      if (char === 0x2c) {
        expectKey = depth > 0 && (isObject[depth - 1] as boolean);
        continue;
      }
      depth--;
      const layout = layouts[depth];
      if (layout) layout.end = at;
      // The closed container is the value of its parent's last pair.
      const parent = depth > 0 && isObject[depth - 1] ? layouts[depth - 1] : undefined;
      const pair = parent?.pairs[parent.pairs.length - 1];
      if (pair && pair.valueEnd === -1) pair.valueEnd = at + 1;
      expectKey = false;
    }
  }
  return { ok: true, objects, keys };
}

/** How many keys the objects of parsed JSON hold in all, counted without recursion. */
export function countKeys(value: unknown): number {
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key in node) {
      keys++;
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return keys;
}
