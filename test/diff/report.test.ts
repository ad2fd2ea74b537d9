import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/diff/diff.js';
import { catalogLocator, locateFindings } from '../../src/diff/locate.js';
import { formatReport } from '../../src/diff/report.js';
import { loadCatalogText } from '../../src/load.js';
import type { Catalog } from '../../src/model/catalog.js';
import { ROOT } from '../helpers.js';

const OLD = 'test/fixtures/diff/base.yaml';
const NEW = 'test/fixtures/diff/changed.yaml';
const GOLDEN = join(ROOT, 'test/fixtures/diff/report.md');
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const catalog = (file: string): Catalog => loadCatalogText(file, text(file)).catalog as Catalog;

function findings() {
  const spec = load(text('test/fixtures/diff/spec.yaml')) as Record<string, unknown>;
  const raw = diffCatalogs(catalog(OLD), catalog(NEW), { specs: { old: spec, new: spec } });
  return locateFindings(raw, { old: catalogLocator(OLD, text(OLD)), new: catalogLocator(NEW, text(NEW)) });
}

describe('diff reports', () => {
  it('writes the golden Markdown report for a pull-request comment, byte for byte', () => {
    const report = formatReport(findings(), 'markdown', { old: OLD, new: NEW });
    // To accept an intended change of the report: UPDATE_GOLDEN=1 npx vitest run test/diff/report.test.ts
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, report);
    expect(report).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('renders as tables whose cells hold code spans, whatever the codes contain', () => {
    const html = new MarkdownIt().render(formatReport(findings(), 'markdown', { old: OLD, new: NEW }));
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html).toContain('<code>gone</code>');
    // A code holding a pipe and backticks stays one cell, in one code span.
    const unstyled = text(OLD).replace('  codeStyle: snake_case\n', '');
    const before = loadCatalogText('old.yaml', unstyled.replace('  gone:\n', '  "a|b`c":\n')).catalog as Catalog;
    const after = loadCatalogText('new.yaml', unstyled).catalog as Catalog;
    const report = formatReport(diffCatalogs(before, after), 'markdown', { old: 'old', new: 'new' });
    const rendered = new MarkdownIt().render(report);
    expect(rendered).toContain('<code>a|b`c</code>');
    const row = report.split('\n').find((l) => l.includes('code-renamed') || l.includes('code-removed')) as string;
    expect(row.replace(/\\\|/g, '').split('|').length).toBe(7);
  });

  it('groups the human report by impact, colours it only when asked', () => {
    const plain = formatReport(findings(), 'human', { old: OLD, new: NEW });
    expect(plain).toContain('Breaking (6)');
    expect(plain.indexOf('Breaking (6)')).toBeLessThan(plain.indexOf('Warnings (2)'));
    expect(plain).toContain(`${OLD}:83:3  The code \`gone\` is gone.`);
    expect(plain).not.toContain('\u001b[');
    expect(formatReport(findings(), 'human', { old: OLD, new: NEW, color: true })).toContain('\u001b[31m');
    expect(formatReport([], 'human', { old: 'a', new: 'b' })).toBe('errcat diff a → b: no change to the error contract\n');
  });

  it('writes GitHub Actions annotations on the catalog line, escaped', () => {
    const lines = formatReport(findings(), 'github-actions', { old: OLD, new: NEW }).trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(
      `::error file=${OLD},line=83,col=3,title=errcat diff%3A code-removed (clients breaking%2C servers breaking)::The code \`gone\` is gone. Clients drop their handling of \`gone\` (its generated types and guards are gone); servers stop sending it.`,
    );
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]+::[^\n]+$/);
  });

  it('writes a JSON report with a summary and every finding located', () => {
    const report = JSON.parse(formatReport(findings(), 'json', { old: OLD, new: NEW })) as { summary: Record<string, number>; findings: { kind: string; location?: unknown; at: unknown }[] };
    expect(report.summary).toEqual({ breaking: 6, warning: 2, info: 0 });
    expect(report.findings.every((f) => f.location !== undefined && f.at !== undefined)).toBe(true);
  });
});
