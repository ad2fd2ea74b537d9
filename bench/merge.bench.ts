import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
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
  // swagger-parser alone, on a parsed copy of the spec (it mutates its input): the floor of a validated merge.
  const validateAlone = await timed(() => SwaggerParser.validate(JSON.parse(json) as never, { resolve: { external: false } }));
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
      'swagger-parser validate ms': round(validateAlone),
    });
    const last = rows[rows.length - 1] as Record<string, number | string>;
    last['merge + validate / validate'] = round((last['merge + validate ms'] as number) / validateAlone, 2);
  }
  printTable('merge: the sandbox catalog into GitHub\'s spec (floors in the same run: a round trip — JSON.parse+stringify, or yaml Document parse+toString — and swagger-parser validate of the spec alone; goals: merge ≤ 2× the JSON round trip, merge + validate ≤ 1.2× validate)', rows);
}
