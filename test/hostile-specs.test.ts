import { describe, expect, it } from 'vitest';
import { FIXTURES, runFixture } from './hostile.js';

const SPECS = FIXTURES.filter((name) => name.includes('.spec.'));

describe('the hostile corpus: specs to merge into', () => {
  it('has a spec for each class', () => expect(SPECS.length).toBeGreaterThanOrEqual(12));

  it.each(SPECS)('%s', runFixture, 180_000);
});
