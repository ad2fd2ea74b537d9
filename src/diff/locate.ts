import type { PathSegment } from '../model/catalog.js';
import { parseSource } from '../parse/parse-document.js';
import { locate } from '../parse/source-document.js';
import type { Finding } from './finding.js';

/** Where a catalog path is written: a file position, or undefined when unknown. */
export type PathLocator = (path: readonly PathSegment[]) => { file: string; line: number; column: number } | undefined;

/** Positions in a catalog's text (parsed on first use). A one-level envelope written the v1 way (`code:`) stands for `levels[0]`. */
export function catalogLocator(file: string, text: string): PathLocator {
  let source: ReturnType<typeof parseSource>['source'] | null = null;
  return (path) => {
    if (source === null) source = parseSource(file, text).source;
    if (!source) return undefined;
    let target = path;
    if (path[0] === 'envelope' && path[1] === 'levels' && !source.document.hasIn(['envelope', 'levels']) && source.document.hasIn(['envelope', 'code'])) target = ['envelope', 'code', ...path.slice(3)];
    const { start } = locate(source, target, { key: typeof target[target.length - 1] === 'string' && target[0] === 'errors' && target.length === 2 });
    return { file, line: start.line, column: start.column };
  };
}

/** The findings with their `at` resolved to a position in the OLD or NEW file. */
export function locateFindings(findings: readonly Finding[], locators: { old?: PathLocator; new?: PathLocator }): Finding[] {
  return findings.map((f) => {
    const location = locators[f.at.side]?.(f.at.path);
    return location ? { ...f, location } : f;
  });
}
