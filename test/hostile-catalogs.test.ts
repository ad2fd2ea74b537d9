import { describe, expect, it } from 'vitest';
import { tscErrors } from './judges.js';
import { FIXTURES, generatedModules, header, runFixture } from './hostile.js';

const CATALOGS = FIXTURES.filter((name) => name.includes('.catalog.'));

describe('the hostile corpus: catalogs', () => {
  it('has a catalog for each class', () => expect(CATALOGS.length).toBeGreaterThanOrEqual(12));

  it.each(CATALOGS)('%s', runFixture, 180_000);

  it('generated modules that tsc --strict compiles, for every catalog that generates', () => {
    expect(generatedModules.length).toBe(CATALOGS.filter((name) => header(name).expect === 'ok').length);
    expect(tscErrors(generatedModules)).toBe('');
  }, 180_000);
});
