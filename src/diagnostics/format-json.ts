import type { Diagnostic } from './diagnostic.js';

/**
 * The `json` format: one object, `{ ok, errors, warnings, diagnostics }` and what a command adds
 * (`catalogs` for lint, `files` for generate and check). Diagnostics keep their fields as they
 * are in the public `Diagnostic` type, `related` included.
 */
export function formatJson(diagnostics: readonly Diagnostic[], extra: Readonly<Record<string, unknown>> = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const report = { ok: errors === 0, errors, warnings: diagnostics.filter((d) => d.severity === 'warning').length, diagnostics, ...extra };
  return `${JSON.stringify(report, null, 2)}\n`;
}
