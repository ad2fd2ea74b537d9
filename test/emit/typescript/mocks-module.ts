import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../../src/generate.js';
import { specOperations } from '../../../src/merge/operations.js';
import { mustLoad, ROOT } from '../../helpers.js';

/** Writes the sandbox's errors.ts (with its operations) and MSW mocks.ts into `dir`; returns their paths. */
export async function writeMocksModule(dir: string): Promise<string[]> {
  const catalog = await mustLoad('specs/sandbox/errors.yaml');
  const specFile = join(ROOT, 'specs/sandbox/openapi.yaml');
  const operations = specOperations(specFile, readFileSync(specFile, 'utf8'));
  const files = generate(catalog, { outDir: dir, files: { openapi: false, docs: false }, operations, mocks: 'mocks.ts' });
  for (const file of files) writeFileSync(file.path, file.content);
  return files.map((f) => f.path);
}
