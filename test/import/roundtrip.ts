import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { diffCatalogs } from '../../src/diff/diff.js';
import type { Finding } from '../../src/diff/finding.js';
import { importSpec, type ImportResult } from '../../src/import/import.js';
import { mergeSpec } from '../../src/merge/merge.js';
import type { Catalog } from '../../src/model/catalog.js';

/** Imports a spec that must import; the catalog text must load (import checks) and say `errcat: 2`. */
export function mustImport(file: string, text: string): ImportResult & { catalog: Catalog; text: string } {
  const result = importSpec(file, text);
  if (!result.catalog || result.text === undefined) throw new Error(`${file} did not import: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  expect(result.text).toMatch(/^errcat: 2$/m);
  return result as ImportResult & { catalog: Catalog; text: string };
}

/**
 * The round trip: merge a catalog into a spec (errcat's own merge, validated by swagger-parser
 * unless told not to), import the merged spec, and diff the two catalogs, both attached to the
 * spec's operations. No finding means the merged spec says exactly the catalog's contract.
 */
export async function roundTrip(catalog: Catalog, file: string, text: string, spec: Record<string, unknown>, options: { validate?: boolean } = {}): Promise<{ findings: Finding[]; imported: Catalog; merged: string; diagnostics: Diagnostic[] }> {
  const merged = await mergeSpec(catalog, file, text, { validate: options.validate ?? true });
  if (merged.text === undefined) throw new Error(`merge failed: ${merged.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  const { catalog: imported, diagnostics } = mustImport(file, merged.text);
  return { findings: diffCatalogs(catalog, imported, { specs: { old: spec, new: spec } }), imported, merged: merged.text, diagnostics };
}

/** Findings as one line each, for readable failures. */
export const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.kind}: ${f.message}`);
