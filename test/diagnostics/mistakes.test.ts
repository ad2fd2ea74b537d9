import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/load.js';
import { ROOT } from '../helpers.js';

const DIR = join(ROOT, 'test/fixtures/mistakes');

/**
 * Typical mistakes, one fixture each: the exact number of diagnostics (one, never a cascade),
 * and the first one's code, position and the words of its fix. The header says them:
 * `# diagnostics: N` and `# expect: code line:col words`.
 */
function header(text: string): { count: number; code: string; line: number; column: number; words: string } {
  const count = /^# diagnostics: (\d+)$/m.exec(text);
  const expect = /^# expect: ([a-z-]+) (\d+):(\d+) (.+)$/m.exec(text);
  if (!count || !expect) throw new Error('a mistakes fixture needs `# diagnostics:` and `# expect:` lines');
  return { count: Number(count[1]), code: expect[1] as string, line: Number(expect[2]), column: Number(expect[3]), words: expect[4] as string };
}

describe('typical mistakes get one diagnostic each, with the fix', () => {
  it.each(readdirSync(DIR).sort())('%s', async (name) => {
    const file = join(DIR, name);
    const want = header(readFileSync(file, 'utf8'));
    const { diagnostics } = await loadCatalog(file);
    expect(diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`)).toHaveLength(want.count);
    const [first] = diagnostics;
    expect({ code: first?.code, line: first?.start.line, column: first?.start.column }).toEqual({ code: want.code, line: want.line, column: want.column });
    expect(first?.message).toContain(want.words);
    if (want.code === 'duplicate-code') expect(first?.related?.[0]).toMatchObject({ message: 'first defined here', start: { line: want.line - 1, column: 3 } });
  });
});
