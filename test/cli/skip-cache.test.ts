import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../bench/synthetic.js';
import { ROOT, runCli } from '../helpers.js';

/** A monorepo of 100 catalogs: 90 with docs from a templates folder of its own, 10 without docs. */
const root = mkdtempSync(join(tmpdir(), 'errcat-skip-'));
const withDocs = Array.from({ length: 90 }, (_, i) => `d${String(i).padStart(3, '0')}`);
const withoutDocs = Array.from({ length: 10 }, (_, i) => `p${String(i + 90).padStart(3, '0')}`);
for (const [dir, names] of [['docs', withDocs], ['plain', withoutDocs]] as const) {
  for (const name of names) {
    mkdirSync(join(root, dir, name), { recursive: true });
    writeFileSync(join(root, dir, name, 'errors.yaml'), syntheticCatalog(4));
  }
}
mkdirSync(join(root, 'tpl'));
copyFileSync(join(ROOT, 'templates/errors.md.hbs'), join(root, 'tpl/errors.md.hbs'));
writeFileSync(
  join(root, 'errcat.config.yaml'),
  ['errcat: 1', 'templates: tpl', 'catalogs:', '  - catalog: docs/*/errors.yaml', '    out: out/{name}', '  - catalog: plain/*/errors.yaml', '    out: out/{name}', '    docs: false', ''].join('\n'),
);

interface Report {
  ok: boolean;
  files: { path: string; outcome: 'written' | 'unchanged' }[];
  skipped: string[];
}

function run(command: 'generate' | 'check', ...flags: string[]): Report {
  const result = runCli([command, '--json', ...flags], { cwd: root });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Report;
}
const names = (report: Report) => report.skipped.map((file) => file.replace(/^.*\/(\w+)\/errors\.yaml$/, '$1')).sort();
const all = [...withDocs, ...withoutDocs];
const except = (...left: string[]) => all.filter((n) => !left.includes(n));

describe('the skip cache, on a config of 100 catalogs', () => {
  it('skips every catalog on a second run, and only what is unchanged after that', () => {
    const first = run('generate');
    expect(first.ok).toBe(true);
    expect(first.skipped).toEqual([]);
    expect(first.files).toHaveLength(90 * 3 + 10 * 2);
    expect(first.files.every((f) => f.outcome === 'written')).toBe(true);

    const second = run('generate');
    expect(names(second)).toEqual(all);
    expect(second.files).toHaveLength(first.files.length);
    expect(second.files.every((f) => f.outcome === 'unchanged')).toBe(true);
    expect(names(run('check'))).toEqual(all);

    // A changed catalog (a comment is a change of its text) is built again, and only it.
    appendFileSync(join(root, 'docs/d007/errors.yaml'), '# touched\n');
    expect(names(run('generate'))).toEqual(except('d007'));

    // A changed template: every catalog with docs is built again; those without are skipped.
    appendFileSync(join(root, 'tpl/errors.md.hbs'), '\nTemplate changed.\n');
    const template = run('generate');
    expect(names(template)).toEqual(withoutDocs);
    expect(template.files.filter((f) => f.outcome === 'written').map((f) => f.path).sort()).toEqual(withDocs.map((n) => `out/${n}/errors.md`));

    // Outputs deleted or edited by hand are never trusted: their catalogs are built again.
    rmSync(join(root, 'out/p095/errors.ts'));
    appendFileSync(join(root, 'out/d042/openapi.yaml'), '# edited\n');
    const checked = run('check');
    expect(checked.ok).toBe(false);
    expect(names(checked)).toEqual(except('p095', 'd042'));
    const repaired = run('generate');
    expect(names(repaired)).toEqual(except('p095', 'd042'));
    expect(repaired.files.filter((f) => f.outcome === 'written').map((f) => f.path).sort()).toEqual(['out/d042/openapi.yaml', 'out/p095/errors.ts']);

    // --no-cache builds everything.
    expect(run('generate', '--no-cache').skipped).toEqual([]);
    expect(names(run('check'))).toEqual(all);
  }, 240_000);
});
