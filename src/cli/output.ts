import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, isReportFormat, REPORT_FORMATS, type ReportFormat } from '../diagnostics/formats.js';
import type { SarifTool } from '../diagnostics/format-sarif.js';
import { displayPath } from '../project/display-path.js';
import { ERRCAT_VERSION, UsageError, useColor } from './terminal.js';

const TOOL: SarifTool = { name: 'errcat', version: ERRCAT_VERSION };

export interface ReportOptions {
  format?: string;
  json?: boolean;
  quiet?: boolean;
}

/** `--format`, with `--json` as its alias; `--quiet` means something only to the stylish format. */
export function reportFormat(options: ReportOptions): ReportFormat {
  if (options.format !== undefined && !isReportFormat(options.format)) {
    const hint = options.format === 'yaml' ? '; for the OpenAPI file format use --openapi-format' : '';
    throw new UsageError(`errcat: --format must be one of ${REPORT_FORMATS.join(', ')}, not "${options.format}"${hint}`);
  }
  if (options.json && options.format !== undefined && options.format !== 'json') throw new UsageError(`errcat: --json is --format json; it cannot go with --format ${options.format}`);
  const format = options.json ? 'json' : (options.format ?? 'stylish');
  if (options.quiet && format !== 'stylish') throw new UsageError(`errcat: --quiet applies to the stylish format only, not to --format ${format}`);
  return format;
}

/** Paths as the user reads them, relative to the current folder: in every format, `related` included. */
function forDisplay(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const shown: Diagnostic = { ...d, file: displayPath(d.file) };
    if (d.related) shown.related = d.related.map((r) => ({ ...r, file: displayPath(r.file) }));
    return shown;
  });
}

/** Diagnostics in a report format: stylish to stderr (beside a command's own lines on stdout), the others to stdout. */
export function writeDiagnostics(format: ReportFormat, diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string> = new Map(), extra: Readonly<Record<string, unknown>> = {}): void {
  const stream = format === 'stylish' ? process.stderr : process.stdout;
  const shownTexts = new Map([...texts].map(([file, text]) => [displayPath(file), text]));
  const text = formatDiagnostics(format, forDisplay(diagnostics), { color: useColor(stream), texts: shownTexts, extra, tool: TOOL });
  stream.write(text);
}

/** Diagnostics for a person, on stderr; `texts` (by the diagnostics' own file names) give code frames. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string> = new Map()): void {
  writeDiagnostics('stylish', diagnostics, texts);
}

/** Time since `start` (performance.now()), as a summary line ends: `0.41 s`. */
export function elapsed(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(2)} s`;
}
