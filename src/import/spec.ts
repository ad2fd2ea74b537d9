import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
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

  /** Where a path is written in the text (the nearest ancestor that is, at worst the file's start). */
  span(path: SpecPath): Span {
    this.spans ??= locator(this.file, this.text);
    return this.spans(path);
  }
}

/** `#/components/schemas/a~1b` → ['components', 'schemas', 'a/b']. */
export function refPath(ref: string): string[] {
  return ref
    .slice(2)
    .split('/')
    .map((k) => decodeURIComponent(k.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** The last segment of a local `$ref`: the component's name. */
export function refName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith('#/') ? refPath(ref).pop() : undefined;
}

function locator(file: string, text: string): (path: SpecPath) => Span {
  if (isJsonText(file, text)) {
    const tree = parseTree(text);
    const lines = lineStarts(text);
    return (path) => {
      if (!tree) return FILE_START;
      for (let n = path.length; n >= 0; n--) {
        const node: JsonNode | undefined = findNodeAtLocation(tree, path.slice(0, n).map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
        if (node) return { start: position(lines, node.offset), end: position(lines, node.offset + node.length) };
      }
      return FILE_START;
    };
  }
  const { source } = parseSource(file, text);
  return (path) => {
    if (!source) return FILE_START;
    const span = locate(source, path.map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
    return { start: span.start, end: span.end };
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

