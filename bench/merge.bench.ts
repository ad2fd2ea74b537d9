import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parseDocument, stringify } from 'yaml';
import { loadCatalog } from '../src/load.js';
import { mergeSpec } from '../src/merge/merge.js';
import { printTable, round } from './table.js';

const ROUNDS = 3;
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
  const jsonBytes = readFileSync(GITHUB);
  const json = jsonBytes.toString('utf8');
  const yaml = stringify(JSON.parse(json), { lineWidth: 0, aliasDuplicateObjects: false });
  const rows = [];
  // Each step taken ROUNDS times in turn, the best kept: one sample of a 2-second step swings by
  // half on this machine, and the floors and the merge then meet the same noise.
  const best = async <K extends string>(steps: Record<K, () => unknown>, rounds: number): Promise<Record<K, number>> => {
    const times = {} as Record<K, number>;
    for (let round = 0; round < rounds; round++) {
      for (const name of Object.keys(steps) as K[]) times[name] = Math.min(times[name] ?? Infinity, await timed(steps[name]));
    }
    return times;
  };
  // As `errcat merge` does: the text with the bytes it was read from.
  for (const [format, text, file, bytes] of [['JSON', json, 'github.json', jsonBytes], ['YAML', yaml, 'github.yaml', Buffer.from(yaml)]] as const) {
    // Each pair apart: a validation leaves some 200 MB of garbage, which would otherwise be
    // collected during whichever step came next.
    const { trip, merge } = await best(
      {
        trip: format === 'JSON' ? () => JSON.stringify(JSON.parse(text)) : () => parseDocument(text).toString(),
        merge: () => mergeSpec(catalog, file, text, { validate: false, bytes }),
      },
      ROUNDS * 2,
    );
    const { mergeValidate, validate } = await best(
      {
        mergeValidate: () => mergeSpec(catalog, file, text, { bytes }),
        // swagger-parser alone, on a parsed copy of the spec (it mutates its input): the floor of a validated merge.
        validate: () => SwaggerParser.validate(JSON.parse(json) as never, { resolve: { external: false } }),
      },
      ROUNDS,
    );
    rows.push({
      format,
      'spec MiB': round(text.length / 2 ** 20, 1),
      'round trip ms': round(trip),
      'merge ms': round(merge),
      'merge / round trip': round(merge / trip, 2),
      'merge + validate ms': round(mergeValidate),
      'swagger-parser validate ms': round(validate),
      'merge + validate / validate': round(mergeValidate / validate, 2),
    });
  }
  printTable(`merge: the sandbox catalog into GitHub's spec, best of ${ROUNDS * 2} rounds (merge and its round trip) and of ${ROUNDS} (merge + validate and validate) (floors in the same run: a round trip — JSON.parse+stringify, or yaml Document parse+toString — and swagger-parser validate of the spec alone; goals: merge ≤ 2× the JSON round trip, merge + validate ≤ 1.2× validate)`, rows);
}
