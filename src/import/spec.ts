import { visit } from 'jsonc-parser';
import { FILE_START, type Position, type Span } from '../diagnostics/diagnostic.js';
import { isJsonText, parseSource } from '../parse/parse-document.js';
import { locate } from '../parse/source-document.js';
import { isMapping, type SpecMapping } from '../merge/spec-data.js';
import type { OpenApiVersion } from '../emit/openapi/names.js';

/** A path of keys into the spec's data (a JSON pointer, split). */
export type SpecPath = readonly string[];

/**
 * A spec as import reads it: its data, its version, `$ref`s followed inside the document, and
 * positions for diagnostics — found by a located parse of the text (jsonc-parser for JSON, the
 * `yaml` package for YAML) made only when the first position is asked for.
 */
export class Spec {
  private spans: ((path: SpecPath) => Span) | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly data: SpecMapping,
    readonly version: OpenApiVersion,
  ) {}

  /** The value at a path, undefined when there is none. */
  at(path: SpecPath): unknown {
    let node: unknown = this.data;
    for (const key of path) {
      if (Array.isArray(node) && /^\d+$/.test(key)) node = node[Number(key)];
      else if (isMapping(node) && Object.hasOwn(node, key)) node = node[key];
      else return undefined;
    }
    return node;
  }

  /**
   * Follows `$ref`s from a value found at `path`: the value they lead to and its path. A
   * reference outside the document, or to nothing, gives `unresolved` with the reference.
   */
  follow(value: unknown, path: SpecPath): { value: unknown; path: SpecPath; unresolved?: string } {
    let current = value;
    let where = path;
    for (let hops = 0; isMapping(current) && typeof current['$ref'] === 'string'; hops++) {
      const ref = current['$ref'];
      const target = hops < 32 && ref.startsWith('#/') ? refPath(ref) : undefined;
      const next = target === undefined ? undefined : this.at(target);
      if (target === undefined || next === undefined) return { value: current, path: where, unresolved: ref };
      current = next;
      where = target;
    }
    return { value: current, path: where };
  }

  /**
   * Where paths are written in the text (each at its nearest ancestor that is, at worst the
   * file's start), found in one pass.
   */
  spansOf(paths: readonly SpecPath[]): Span[] {
    if (isJsonText(this.file, this.text)) return jsonSpans(this.text, paths);
    this.spans ??= yamlLocator(this.file, this.text);
    return paths.map((p) => (this.spans as (path: SpecPath) => Span)(p));
  }
}

/** `#/components/schemas/a~1b` → ['components', 'schemas', 'a/b']. */
export function refPath(ref: string): string[] {
  return ref
    .slice(2)
    .split('/')
    .map((k) => decodeURIComponent(k.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/**
 * Positions of paths in JSON text, in one pass of jsonc-parser's visitor that keeps its own
 * path and looks only under the paths asked for: a 13 MB spec costs a scan, not a tree.
 */
function jsonSpans(text: string, paths: readonly SpecPath[]): Span[] {
  const prefixes = new Set<string>();
  for (const path of paths) for (let n = 0; n <= path.length; n++) prefixes.add(path.slice(0, n).join('\u0000'));
  const found = new Map<string, Position>();
  interface Frame {
    array: boolean;
    index: number;
    property: string;
    /** This container's path, when it leads to a path asked for. */
    key: string | undefined;
  }
  const stack: Frame[] = [];
  // A value begins: its path, when its container is on the way to a path asked for.
  const begin = (line: number, character: number): string | undefined => {
    const parent = stack[stack.length - 1];
    let key: string | undefined = '';
    if (parent) {
      if (parent.key === undefined) return undefined;
      const segment = parent.array ? String(parent.index) : parent.property;
      key = parent.key === '' && stack.length === 1 ? segment : `${parent.key}\u0000${segment}`;
    }
    if (!prefixes.has(key)) return undefined;
    if (!found.has(key)) found.set(key, { line: line + 1, column: character + 1 });
    return key;
  };
  const open = (array: boolean) => (_o: number, _l: number, line: number, character: number) => {
    stack.push({ array, index: 0, property: '', key: begin(line, character) });
  };
  visit(text, {
    onObjectBegin: open(false),
    onArrayBegin: open(true),
    onObjectEnd: () => void stack.pop(),
    onArrayEnd: () => void stack.pop(),
    onObjectProperty: (property) => {
      const top = stack[stack.length - 1];
      if (top) top.property = property;
    },
    onSeparator: (character) => {
      const top = stack[stack.length - 1];
      if (character === ',' && top?.array) top.index++;
    },
    onLiteralValue: (_v, _o, _l, line, character) => void begin(line, character),
  });
  return paths.map((path) => {
    for (let n = path.length; n >= 0; n--) {
      const start = found.get(path.slice(0, n).join('\u0000'));
      if (start) return { start, end: start };
    }
    return FILE_START;
  });
}

function yamlLocator(file: string, text: string): (path: SpecPath) => Span {
  const { source } = parseSource(file, text);
  return (path) => {
    if (!source) return FILE_START;
    const span = locate(source, path.map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
    return { start: span.start, end: span.end };
  };
}
