import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { attachedStatuses, listOperations, selects } from '../../src/merge/operations.js';
import { mustLoad, ROOT, SPEC_CATALOGS } from '../helpers.js';
import { swaggerParserErrors } from '../judges.js';

// specs/<api>/openapi.yaml: the hand-written spec of each seed API that errcat merges into.
describe.each(SPEC_CATALOGS)('the base spec beside %s', (file) => {
  const spec = () => parse(readFileSync(join(ROOT, file.replace('errors.yaml', 'openapi.yaml')), 'utf8')) as { paths: object };

  it('is valid for swagger-parser', async () => {
    expect(await swaggerParserErrors(spec())).toBe('');
  });

  it("has an operation for each of the catalog's rules, and every operation gets errors", async () => {
    const catalog = await mustLoad(file);
    const operations = listOperations(spec());
    expect(operations.length).toBeGreaterThan(1);
    catalog.operations.forEach((rule, i) => expect(operations.some((op) => selects(rule.match, op)), `rule ${i} matches no operation`).toBe(true));
    for (const op of operations) expect(attachedStatuses(catalog, op).length, `${op.method} ${op.path}`).toBeGreaterThan(0);
  });
});
