import type { Diagnostic } from './diagnostic.js';
import { formatGitHubActions } from './format-github-actions.js';
import { formatJson } from './format-json.js';
import { formatSarif, type SarifTool } from './format-sarif.js';
import { formatStylish } from './format.js';

/** The report formats of `lint`, `check` (and `diff`): `--format <name>`. */
export const REPORT_FORMATS = ['stylish', 'json', 'github-actions', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

export interface ReportFormatOptions {
  /** stylish: colour, and file texts for code frames. */
  color?: boolean;
  texts?: ReadonlyMap<string, string>;
  /** json: what the command adds to the report. */
  extra?: Readonly<Record<string, unknown>>;
  /** sarif: the tool that ran. */
  tool: SarifTool;
}

/** Diagnostics as text in one of the report formats. */
export function formatDiagnostics(format: ReportFormat, diagnostics: readonly Diagnostic[], options: ReportFormatOptions): string {
  switch (format) {
    case 'stylish':
      return formatStylish(diagnostics, { color: options.color ?? false, ...(options.texts ? { texts: options.texts } : {}) });
    case 'json':
      return formatJson(diagnostics, options.extra);
    case 'github-actions':
      return formatGitHubActions(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, options.tool);
  }
}
