import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { importSpec } from '../../src/import/import.js';
import { mergeSpec } from '../../src/merge/merge.js';
import { listOperations } from '../../src/merge/operations.js';
import { mustLoad, ROOT, SPEC_CATALOGS } from '../helpers.js';
import { describeFindings, roundTrip } from './roundtrip.js';

/**
 * Every bundled catalog, merged into its API's base spec and imported back: the diff of the two
 * contracts is empty, and merging the imported catalog into the base spec gives every operation
 * the same error responses as merging the original.
 */
describe('import(merge(catalog, spec)) for every catalog in specs/', () => {
  it.each(SPEC_CATALOGS)('%s', async (catalogFile) => {
    const catalog = await mustLoad(catalogFile);
    const specFile = join(ROOT, catalogFile.replace(/errors\.yaml$/, 'openapi.yaml'));
    const text = readFileSync(specFile, 'utf8');
    const spec = load(text) as Record<string, unknown>;
    const trip = await roundTrip(catalog, specFile, text, spec);
    expect(describeFindings(trip.findings)).toEqual([]);
    // Every operation gets the same error responses, whichever catalog is merged.
    const again = await mergeSpec(trip.imported, specFile, text, { validate: false });
    const responses = (merged: string) => {
      const data = load(merged) as { paths: Record<string, Record<string, { responses: unknown }>> };
      return listOperations(data).map((op) => JSON.stringify(data.paths[op.path]?.[op.method]?.responses));
    };
    expect(responses(again.text as string)).toEqual(responses(trip.merged));
  });

  it('reads errcat output exactly: nothing guessed, nothing left out', async () => {
    for (const catalogFile of SPEC_CATALOGS) {
      const catalog = await mustLoad(catalogFile);
      const specFile = join(ROOT, catalogFile.replace(/errors\.yaml$/, 'openapi.yaml'));
      const merged = await mergeSpec(catalog, specFile, readFileSync(specFile, 'utf8'), { validate: false });
      const result = importSpec(specFile, merged.text as string);
      expect({ catalogFile, diagnostics: result.diagnostics.filter((d) => d.severity !== 'info' || d.code !== 'import-no-body').map((d) => d.code) }).toEqual({ catalogFile, diagnostics: [] });
    }
  });
});
