import type { DiagnosticCode } from '../diagnostics/codes.js';
import { diagnostic, sortDiagnostics, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { PathSegment } from '../model/catalog.js';
import type { Spec, SpecPath } from './spec.js';

/** A catalog path as a map key. */
export const pathKey = (path: readonly PathSegment[]): string => JSON.stringify(path);

/**
 * What an import collects besides the catalog: diagnostics at spec paths (located once, at the
 * end), the comments the written catalog carries where import guessed, and where in the spec
 * each part of the catalog came from (to locate diff findings on imported specs).
 */
export class ImportContext {
  private readonly reports: { code: DiagnosticCode; message: string; path: SpecPath }[] = [];
  private readonly reported = new Set<string>();
  readonly comments = new Map<string, string[]>();
  readonly provenance = new Map<string, SpecPath>();

  constructor(readonly spec: Spec) {}

  /** Reports at a spec path; the same code and message are reported once. */
  report(code: DiagnosticCode, message: string, path: SpecPath): void {
    const key = `${code}\n${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.reports.push({ code, message, path });
  }

  /** A `# comment` above a key of the written catalog. */
  comment(path: readonly PathSegment[], text: string): void {
    const key = pathKey(path);
    const lines = this.comments.get(key) ?? [];
    if (!lines.includes(text)) lines.push(text);
    this.comments.set(key, lines);
  }

  /** Records where in the spec a part of the catalog was read. */
  from(path: readonly PathSegment[], specPath: SpecPath): void {
    if (!this.provenance.has(pathKey(path))) this.provenance.set(pathKey(path), specPath);
  }

  diagnostics(): Diagnostic[] {
    const spans = this.spec.spansOf(this.reports.map((r) => r.path));
    return sortDiagnostics(this.reports.map((r, i) => diagnostic(r.code, r.message, this.spec.file, spans[i] as Span)));
  }
}
