import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { FILE_START, type Position, type Span } from '../diagnostics/diagnostic.js';
import type { PathSegment } from '../model/catalog.js';

/** A parsed catalog text: the `yaml` Document keeps every node's range, so any path can be located. */
export interface SourceDocument {
  file: string;
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export type { PathSegment } from '../model/catalog.js';

export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The line and column of an offset in a text, without a LineCounter (for texts no parser has read). */
export function positionOfOffset(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function spanOf(lineCounter: LineCounter, range: readonly [number, number, ...number[]]): Span {
  return { start: positionAt(lineCounter, range[0]), end: positionAt(lineCounter, range[1]) };
}

/**
 * The span of the node at `path`. With `key: true`, the span of the mapping key that names the
 * last segment (where "unknown key" and "duplicate code" belong). Falls back to the nearest
 * ancestor that exists, so a diagnostic always points somewhere sensible.
 */
export function locate(source: SourceDocument, path: readonly PathSegment[], options: { key?: boolean } = {}): Span {
  let node: unknown = source.document.contents;
  let best: Node | null = isNodeWithRange(node) ? node : null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) break;
      if (last && options.key && isNodeWithRange(pair.key)) {
        best = pair.key;
        break;
      }
      node = pair.value;
      // A key with no value (`fix:`) has no value node: point at the key.
      if (isNodeWithRange(pair.value)) best = pair.value;
      else if (isNodeWithRange(pair.key)) best = pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!isNodeWithRange(node)) break;
      best = node;
    } else {
      break;
    }
  }
  if (!best?.range) return FILE_START;
  return spanOf(source.lineCounter, best.range);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as Node).range);
}
