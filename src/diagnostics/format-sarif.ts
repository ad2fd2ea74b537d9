import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './codes.js';
import type { Diagnostic, Position } from './diagnostic.js';

export interface SarifTool {
  name: string;
  version: string;
  informationUri?: string;
}

const RULE_IDS = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** A file as a SARIF artifact: a relative path stays relative to the checkout (`%SRCROOT%`), any other becomes a file: URI. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** A SARIF region; the end column is the one after the last character, as SARIF wants, and never before the start. */
function region(start: Position, end: Position) {
  const endsBefore = end.line < start.line || (end.line === start.line && end.column < start.column);
  const last = endsBefore ? start : end;
  return { startLine: start.line, startColumn: start.column, endLine: last.line, endColumn: last.column };
}

function physicalLocation(file: string, start: Position, end: Position) {
  return { artifactLocation: artifactLocation(file), region: region(start, end) };
}

/**
 * The `sarif` format: a SARIF 2.1.0 log with one run, the code table as the tool's rules, and a
 * result per diagnostic, for code scanning (GitHub's upload-sarif and others).
 */
export function formatSarif(diagnostics: readonly Diagnostic[], tool: SarifTool): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri !== undefined ? { informationUri: tool.informationUri } : {}),
            rules: RULE_IDS.map((id) => ({
              id,
              shortDescription: { text: DIAGNOSTIC_CODES[id].summary },
              defaultConfiguration: { level: sarifLevel(DIAGNOSTIC_CODES[id].severity) },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: RULE_IDS.indexOf(d.code),
          level: sarifLevel(d.severity),
          message: { text: d.message },
          locations: [{ physicalLocation: physicalLocation(d.file, d.start, d.end) }],
          ...(d.related && d.related.length > 0
            ? { relatedLocations: d.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: physicalLocation(r.file, r.start, r.end) })) }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** SARIF's levels are error, warning and note: information is a note. */
function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}
