import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../../bench/synthetic.js';
import { loadCatalogText } from '../../../src/load.js';
import { typeName } from '../../../src/model/names.js';
import { moduleOf } from './modules.js';

const CODES = 60;

/** Occurrences of a name as a whole word. */
function mentions(text: string, name: string): number {
  return text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
}

describe('errors.ts as every client type-checks it', () => {
  it('names each code\'s guard and constructor once, where each is made, and each guard still answers for its code', async () => {
    const { catalog } = loadCatalogText('synthetic.yaml', syntheticCatalog(CODES, { examples: true }));
    if (!catalog) throw new Error('the synthetic catalog does not load');
    const { module, text } = await moduleOf(catalog, 'checker-shape');
    for (const entry of catalog.entries) {
      const name = typeName(catalog, entry);
      expect(typeof module[`is${name}`], `is${name}`).toBe('function');
      // A list of every guard or constructor costs the checker a reference each (a tuple of 1,000 guards took about a third of the per-code check time).
      expect(mentions(text, `is${name}`), `is${name}`).toBe(1);
      expect(mentions(text, `create${name}`), `create${name}`).toBe(1);
      // Filed as made: the lookup by code finds each guard, and it accepts the code's example and no other code's.
      const body = entry.responses[0]?.examples[0]?.body;
      expect(module.hasErrorCode?.(body, entry.code), String(entry.code)).toBe(true);
      const other = catalog.entries.find((e) => e.code !== entry.code);
      expect(module.hasErrorCode?.(body, other?.code), `${String(entry.code)} as ${String(other?.code)}`).toBe(false);
    }
  });

  it('keeps the tables of every code as data, and no JSDoc block that tsc parses', async () => {
    const { catalog } = loadCatalogText('synthetic.yaml', syntheticCatalog(CODES, { examples: true }));
    if (!catalog) throw new Error('the synthetic catalog does not load');
    const { text } = await moduleOf(catalog, 'checker-shape-tables');
    // Outside the JSON tables (one string each to the checker), a code's literal is written only
    // where its own declarations and the per-code types need it: a literal table of every code
    // (`as const`) would add a type per code to every client's check.
    const typed = text.replace(/String\.raw`[^`]*`/g, 'String.raw``');
    for (const entry of catalog.entries) {
      const literal = JSON.stringify(String(entry.code));
      expect(typed.split(literal).length - 1, literal).toBeLessThanOrEqual(6);
    }
    expect(text).toMatch(/export const ERROR_CODES: readonly ErrorCode\[\] = JSON\.parse/);
    expect(text).toMatch(/export const STATUSES: StatusTable = JSON\.parse/);
    // tsc's command line parses a JSDoc block only when it names @see or @link, and then resolves the tag's first word.
    expect(text).not.toMatch(/@see|@link/);
  });
});
