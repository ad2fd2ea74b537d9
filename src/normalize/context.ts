import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { locate, type PathSegment, type SourceDocument } from '../parse/source-document.js';

/** Collects located diagnostics while the catalog is normalized. */
export class NormalizeContext {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly source: SourceDocument) {}

  /** Reports at the value found at `path`. */
  report(code: DiagnosticCode, message: string, path: readonly PathSegment[]): void {
    this.diagnostics.push(diagnostic(code, message, this.source.file, locate(this.source, path)));
  }

  /** Reports at the key naming the last segment of `path`; `related` names another key and says what it is. */
  reportKey(code: DiagnosticCode, message: string, path: readonly PathSegment[], related?: { path: readonly PathSegment[]; message: string }): void {
    const also = related ? [{ file: this.source.file, ...locate(this.source, related.path, { key: true }), message: related.message }] : [];
    this.diagnostics.push(diagnostic(code, message, this.source.file, locate(this.source, path, { key: true }), also));
  }
}
