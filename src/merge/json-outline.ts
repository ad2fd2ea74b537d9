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
  | { ok: true; objects: ReadonlyMap<string, JsonObjectLayout> }
  | { ok: false; problem: 'duplicate-key'; offset: number; key: string }
  | { ok: false; problem: 'too-deep'; offset: number };

/** The id of a path of keys in the scan's map. */
export const pathId = (path: readonly string[]): string => JSON.stringify(path);

/** Paths to record, as a tree of keys. */
type Wanted = Map<string, Wanted>;

function wantedTree(paths: readonly (readonly string[])[]): Wanted {
  const root: Wanted = new Map();
  for (const path of paths) {
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

/** What each ASCII character means to the scanner; everything else is part of a literal. */
const SKIP = 1;
const COMMA = 2;
const STRING = 3;
const OPEN = 4;
const CLOSE = 5;
const CLASS = new Uint8Array(128);
for (const char of ' \n\r\t:') CLASS[char.charCodeAt(0)] = SKIP;
CLASS[0x2c] = COMMA;
CLASS[QUOTE] = STRING;
CLASS[0x7b] = OPEN;
CLASS[0x5b] = OPEN;
CLASS[0x7d] = CLOSE;
CLASS[0x5d] = CLOSE;

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

/**
 * One pass over a JSON text that `JSON.parse` accepted: every object's keys are checked for
 * duplicates (which `JSON.parse` drops silently), nesting is checked against `maxDepth`, and the
 * layout of the objects at `paths` (and their ancestors) is recorded, so that edits can be
 * spliced into the text and every other byte kept. Linear, with no recursion, and the stack kept
 * in arrays reused level by level: on GitHub's 13 MB spec it costs about what `JSON.parse` does.
 */
export function scanJson(text: string, paths: readonly (readonly string[])[], maxDepth: number): JsonScan {
  const objects = new Map<string, JsonObjectLayout>();
  // The open containers, one slot per level.
  const isObject: boolean[] = [];
  const keys: string[][] = [];
  const keySets: (Set<string> | undefined)[] = [];
  const wanted: (Wanted | undefined)[] = [];
  const layouts: (JsonObjectLayout | undefined)[] = [];
  const keyPaths: (string[] | undefined)[] = [];
  const lastKey: (string | undefined)[] = [];
  let expectKey = false;
  let depth = 0;
  const rootWanted = wantedTree(paths);
  /** The recorded pair the value at `at` belongs to, if its object is recorded. */
  const pairOf = (at: number): JsonPair | undefined => {
    const layout = depth > 0 && isObject[depth - 1] ? layouts[depth - 1] : undefined;
    const pair = layout?.pairs[layout.pairs.length - 1];
    return pair && (pair.valueStart === -1 || pair.valueStart === at) ? pair : undefined;
  };
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    const kind = char < 128 ? (CLASS[char] as number) : 0;
    if (kind === SKIP) continue;
    if (kind === COMMA) {
      expectKey = depth > 0 && (isObject[depth - 1] as boolean);
      continue;
    }
    if (kind === STRING) {
      const end = stringEnd(text, at);
      if (expectKey) {
        const level = depth - 1;
        const raw = text.slice(at + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(at, end + 1)) as string) : raw;
        const set = keySets[level];
        const list = keys[level] as string[];
        if (set ? set.has(key) : list.includes(key)) return { ok: false, problem: 'duplicate-key', offset: at, key };
        if (set) set.add(key);
        else if (list.push(key) > 16) keySets[level] = new Set(list);
        lastKey[level] = key;
        expectKey = false;
        layouts[level]?.pairs.push({ key, keyStart: at, keyEnd: end + 1, valueStart: -1, valueEnd: -1 });
      } else {
        const pair = pairOf(at);
        if (pair) {
          pair.valueStart = at;
          pair.valueEnd = end + 1;
        }
      }
      at = end;
      continue;
    }
    if (kind === OPEN) {
      if (depth >= maxDepth) return { ok: false, problem: 'too-deep', offset: at };
      const pair = pairOf(at);
      if (pair) pair.valueStart = at;
      const object = char === 0x7b;
      const parent = depth - 1;
      const key = parent >= 0 ? lastKey[parent] : undefined;
      const tree = !object ? undefined : parent < 0 ? rootWanted : isObject[parent] && key !== undefined ? wanted[parent]?.get(key) : undefined;
      const path = tree === undefined ? undefined : parent < 0 ? [] : [...(keyPaths[parent] as string[]), key as string];
      const layout = tree === undefined ? undefined : { start: at, end: -1, pairs: [] };
      if (layout) objects.set(pathId(path as string[]), layout);
      isObject[depth] = object;
      if (keys[depth]) (keys[depth] as string[]).length = 0;
      else keys[depth] = [];
      keySets[depth] = undefined;
      wanted[depth] = tree;
      layouts[depth] = layout;
      keyPaths[depth] = path;
      lastKey[depth] = undefined;
      depth++;
      expectKey = object;
      continue;
    }
    if (kind === CLOSE) {
      depth--;
      const layout = layouts[depth];
      if (layout) layout.end = at;
      // The closed container is the value of its parent's last pair.
      const parent = depth > 0 && isObject[depth - 1] ? layouts[depth - 1] : undefined;
      const pair = parent?.pairs[parent.pairs.length - 1];
      if (pair && pair.valueEnd === -1) pair.valueEnd = at + 1;
      expectKey = false;
      continue;
    }
    // A number, true, false or null: up to the next delimiter.
    let end = at + 1;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c < 128 && (CLASS[c] as number) !== 0 && c !== 0x3a) break;
    }
    const pair = pairOf(at);
    if (pair) {
      pair.valueStart = at;
      pair.valueEnd = end;
    }
    at = end - 1;
  }
  return { ok: true, objects };
}
