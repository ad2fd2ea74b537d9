import { severityOf, type DiagnosticCode, type Severity } from './codes.js';

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Another place that explains a diagnostic, such as the first definition of a duplicate. */
export interface RelatedLocation {
  file: string;
  start: Position;
  end: Position;
  message: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  start: Position;
  end: Position;
  related?: RelatedLocation[];
}

/** Where a diagnostic points before it is tied to a file. */
export interface Span {
  start: Position;
  end: Position;
}

export const FILE_START: Span = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

export function diagnostic(code: DiagnosticCode, message: string, file: string, span: Span, related?: readonly RelatedLocation[]): Diagnostic {
  const d: Diagnostic = { code, severity: severityOf(code), message, file, start: span.start, end: span.end };
  if (related && related.length > 0) d.related = [...related];
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.start.line - b.start.line ||
      a.start.column - b.start.column ||
      a.code.localeCompare(b.code),
  );
}
