import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parseDocument, stringify } from 'yaml';
import { loadCatalog } from '../src/load.js';
import { mergeSpec } from '../src/merge/merge.js';
import { median, printTable, round } from './table.js';


const ROUNDS = 5;
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
  const rows = [];
  // A floor and its subject taken in turn, round after round; the row gives the medians and the
  // median of the rounds' ratios: one sample of a 2-second step swings by half on this machine,
  // and in each round the floor and the merge meet the same noise.
  const paired = async (floor: () => unknown, subject: () => unknown, rounds: number) => {
    const floors: number[] = [];
    const subjects: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < rounds; i++) {
      floors.push(await timed(floor));
      subjects.push(await timed(subject));
      ratios.push((subjects[i] as number) / (floors[i] as number));
    }
    return { floor: median(floors), subject: median(subjects), ratio: median(ratios) };
  };
  // As `errcat merge` does: the text with the bytes it was read from.
  // The YAML copy is made after the JSON rows: making it leaves garbage that the JSON merges would collect.
  const yamlText = () => stringify(JSON.parse(json), { lineWidth: 0, aliasDuplicateObjects: false });
  for (const [format, file] of [['JSON', 'github.json'], ['YAML', 'github.yaml']] as const) {
    const text = format === 'JSON' ? json : yamlText();
    const bytes = format === 'JSON' ? jsonBytes : Buffer.from(text);
    // Each pair apart: a validation leaves some 200 MB of garbage, which would otherwise be
    // collected during whichever step came next.
    const rounds = format === 'JSON' ? ROUNDS : 3;
    const merged = await paired(
      format === 'JSON' ? () => JSON.stringify(JSON.parse(text)) : () => parseDocument(text).toString(),
      () => mergeSpec(catalog, file, text, { validate: false, bytes }),
      rounds * 2 + 1,
    );
    const validated = await paired(
      // swagger-parser alone, on a parsed copy of the spec (it mutates its input): the floor of a validated merge.
      () => SwaggerParser.validate(JSON.parse(json) as never, { resolve: { external: false } }),
      () => mergeSpec(catalog, file, text, { bytes }),
      rounds,
    );
    rows.push({
      format,
      'spec MiB': round(text.length / 2 ** 20, 1),
      'round trip ms': round(merged.floor),
      'merge ms': round(merged.subject),
      'merge / round trip': round(merged.ratio, 2),
      'merge + validate ms': round(validated.subject),
      'swagger-parser validate ms': round(validated.floor),
      'merge + validate / validate': round(validated.ratio, 2),
    });
  }
  printTable(`merge: the sandbox catalog into GitHub's spec, each beside its floor in turn: for JSON ${ROUNDS * 2 + 1} rounds of merge and its round trip and ${ROUNDS} of merge + validate and validate (YAML: 7 and 3); ms: medians; ratios: the median of the rounds' ratios (floors: a round trip — JSON.parse+stringify, or yaml Document parse+toString — and swagger-parser validate of the spec alone; goals: merge ≤ 2× the JSON round trip, merge + validate ≤ 1.2× validate)`, rows);
}
