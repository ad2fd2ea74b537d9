import type { Diagnostic } from './diagnostic.js';

// The escaping of GitHub's workflow commands (actions/toolkit, command.ts): the message may hold
// anything but `%`, CR and LF; a property value may not hold `:` or `,` either.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * The `github-actions` format: one workflow command per diagnostic, which a GitHub Actions run
 * shows as an annotation on the file and line:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::<message>`.
 * Related locations follow the message on lines of their own.
 */
export function formatGitHubActions(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [
        ['file', d.file],
        ['line', String(d.start.line)],
        ['col', String(d.start.column)],
        ['endLine', String(d.end.line)],
        ['endColumn', String(d.end.column)],
        ['title', d.code],
      ]
        .map(([name, value]) => `${name}=${escapeProperty(value as string)}`)
        .join(',');
      const notes = (d.related ?? []).map((r) => `\n${r.file}:${r.start.line}:${r.start.column} - note: ${r.message}`).join('');
      // Workflow commands are error, warning and notice: information is a notice.
      return `::${d.severity === 'info' ? 'notice' : d.severity} ${properties}::${escapeData(d.message + notes)}\n`;
    })
    .join('');
}
