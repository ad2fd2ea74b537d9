import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { loadCatalog } from '../src/load.js';
import { mergeSpec } from '../src/merge/merge.js';
import { printTable, round } from './table.js';

const GITHUB = join('node_modules/@octokit/openapi/generated/api.github.com.json');

async function timed(run: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Merge into GitHub's published spec (13 MB JSON, ~10 MB as YAML) beside plain parse-and-print round trips. */
export async function benchMerge(): Promise<void> {
  const catalog = (await loadCatalog('specs/sandbox/errors.yaml')).catalog;
  if (!catalog) throw new Error('sandbox catalog does not load');
  const json = readFileSync(GITHUB, 'utf8');
  const yaml = stringify(JSON.parse(json), { lineWidth: 0, aliasDuplicateObjects: false });
  const rows = [];
  for (const [format, text, file] of [['JSON', json, 'github.json'], ['YAML', yaml, 'github.yaml']] as const) {
    const roundTrip = format === 'JSON' ? () => JSON.stringify(JSON.parse(text)) : () => parseDocument(text).toString();
    const trip = await timed(roundTrip);
    const merge = await timed(() => mergeSpec(catalog, file, text, { validate: false }));
    rows.push({
      format,
      'spec MiB': round(text.length / 2 ** 20, 1),
      'round trip ms': round(trip),
      'merge ms': round(merge),
      'merge / round trip': round(merge / trip, 2),
      'merge + validate ms': round(await timed(() => mergeSpec(catalog, file, text))),
    });
  }
  printTable('merge: the sandbox catalog into GitHub\'s spec (round trip: JSON.parse+stringify, or yaml Document parse+toString)', rows);
}
