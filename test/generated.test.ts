import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { mustLoad, ROOT, SPEC_CATALOGS } from './helpers.js';

// generated/ is the checked-in output of specs/: a golden test per file. `npm run generate` refreshes it.
describe('generated/', () => {
  it.each(SPEC_CATALOGS)('is current for %s', async (file) => {
    const api = file.split('/')[1] ?? '';
    const outDir = join(ROOT, 'generated', api);
    const files = generate(await mustLoad(file), { outDir });
    for (const f of files) {
      expect(existsSync(f.path), `${f.path} is missing; run npm run generate`).toBe(true);
      expect(readFileSync(f.path, 'utf8'), `${f.path} is stale; run npm run generate`).toBe(f.content);
    }
    expect(readdirSync(outDir).sort()).toEqual(files.map((f) => f.path.slice(outDir.length + 1)).sort());
  });

  it('has a folder for every catalog and nothing else', () => {
    expect(readdirSync(join(ROOT, 'generated')).sort()).toEqual(SPEC_CATALOGS.map((f) => f.split('/')[1]).sort());
  });
});
