import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/diff/diff.js';
import { openApiDocument } from '../../src/emit/openapi/index.js';
import { mergeSpec } from '../../src/merge/merge.js';
import { listOperations } from '../../src/merge/operations.js';
import type { Catalog } from '../../src/model/catalog.js';
import { mustLoad, ROOT, SPEC_CATALOGS } from '../helpers.js';
import { describeFindings, mustImport, roundTrip } from './roundtrip.js';

/**
 * Every bundled catalog, merged into its API's base spec and imported back: the diff of the two
 * contracts is empty, and merging the imported catalog into the base spec gives every operation
 * the same error responses as merging the original.
 */
const catalogs = new Map<string, Promise<Catalog>>();
/** Each catalog loaded once for all the tests here. */
const catalogOf = (file: string) => catalogs.get(file) ?? (catalogs.set(file, mustLoad(file)).get(file) as Promise<Catalog>);

describe('import(merge(catalog, spec)) for every catalog in specs/', () => {
  it.each(SPEC_CATALOGS)('%s', async (catalogFile) => {
    const catalog = await catalogOf(catalogFile);
    const specFile = join(ROOT, catalogFile.replace(/errors\.yaml$/, 'openapi.yaml'));
    const text = readFileSync(specFile, 'utf8');
    const spec = load(text) as Record<string, unknown>;
    // Swagger-parser judges merges of these catalogs elsewhere (test/merge); here the merge is read back.
    const trip = await roundTrip(catalog, specFile, text, spec, { validate: false });
    expect(describeFindings(trip.findings)).toEqual([]);
    // errcat's output is read exactly: nothing guessed, nothing left out.
    expect(trip.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    // Every operation gets the same error responses, whichever catalog is merged.
    const again = await mergeSpec(trip.imported, specFile, text, { validate: false });
    const responses = (merged: string) => {
      const data = load(merged) as { paths: Record<string, Record<string, { responses: unknown }>> };
      return listOperations(data).map((op) => JSON.stringify(data.paths[op.path]?.[op.method]?.responses));
    };
    expect(responses(again.text as string)).toEqual(responses(trip.merged));
  });

  it.each(['3.1', '3.0', '2.0'] as const)("reads errcat's components file back, OpenAPI %s", async (version) => {
    for (const catalogFile of SPEC_CATALOGS) {
      const catalog = await catalogOf(catalogFile);
      const doc = openApiDocument(catalog, version);
      const imported = mustImport(`${catalogFile}.${version}.json`, JSON.stringify(doc)).catalog;
      const findings = diffCatalogs(catalog, imported, { specs: { old: doc, new: doc } });
      // Swagger 2.0 has no header components: where a header is not always sent, whether it is required elsewhere is not said.
      const unsaid = version === '2.0' ? findings.filter((f) => f.kind !== 'header-made-optional') : findings;
      expect({ catalogFile, findings: describeFindings(unsaid) }).toEqual({ catalogFile, findings: [] });
    }
  });
});
