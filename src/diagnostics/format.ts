import type { Diagnostic } from './diagnostic.js';

/** The `stylish` format: what a person reads on a terminal. */
export interface FormatOptions {
  color: boolean;
  /** The file's text, for the code frame; omitted when unreadable. */
  sourceText?: string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const STYLES = { red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
type Style = keyof typeof STYLES;

/**
 * `path:line:col - error code: message`, an indented `path:line:col - note: …` line per related
 * location, then a code frame when the text is known.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const paint = (style: Style, s: string) => (options.color ? STYLES[style](s) : s);
  const where = paint('cyan', `${d.file}:${d.start.line}:${d.start.column}`);
  const severity = paint(d.severity === 'error' ? 'red' : 'yellow', d.severity);
  const head = `${where} - ${severity} ${paint('dim', d.code)}: ${d.message}`;
  const notes = (d.related ?? []).map((r) => `\n  ${paint('cyan', `${r.file}:${r.start.line}:${r.start.column}`)} - ${paint('dim', 'note')}: ${r.message}`).join('');
  const frame = options.sourceText === undefined ? '' : codeFrame(options.sourceText, d, paint);
  return `${head}${notes}${frame ? `\n${frame}` : ''}`;
}

/** Every diagnostic in the stylish format, with its file's code frame when `texts` has the file. */
export function formatStylish(diagnostics: readonly Diagnostic[], options: { color: boolean; texts?: ReadonlyMap<string, string> }): string {
  return diagnostics
    .map((d) => {
      const text = options.texts?.get(d.file);
      return `${formatDiagnostic(d, { color: options.color, ...(text !== undefined ? { sourceText: text } : {}) })}\n`;
    })
    .join('');
}

function codeFrame(text: string, d: Diagnostic, paint: (style: Style, s: string) => string): string {
  const lines = text.split(/\r?\n/);
  const line = lines[d.start.line - 1];
  if (line === undefined) return '';
  const gutter = String(d.start.line);
  // Tabs keep their width so the caret lines up under the offending text.
  const before = line.slice(0, d.start.column - 1).replace(/[^\t]/g, ' ');
  const width = d.end.line === d.start.line ? Math.max(1, d.end.column - d.start.column) : Math.max(1, line.length - d.start.column + 1);
  const caret = paint(d.severity === 'error' ? 'red' : 'yellow', '~'.repeat(Math.min(width, 80)));
  return `\n${paint('dim', gutter + ' | ')}${line}\n${' '.repeat(gutter.length)}${paint('dim', ' | ')}${before}${caret}\n`;
}

export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
