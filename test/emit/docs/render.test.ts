import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocs, TemplateError, type TemplateSet } from '../../../src/emit/docs/render.js';
import { mdCell, mdCode, mdFence, mdText } from '../../../src/emit/docs/markdown.js';
import { loadTemplates } from '../../../src/project/templates.js';
import { ALL_CATALOGS, mustLoad } from '../../helpers.js';

const md = new MarkdownIt({ html: true });
let templates: TemplateSet;
beforeAll(async () => {
  templates = (await loadTemplates()).templates;
});

/** The rows of the table whose header starts with `first`, as the cells' rendered text. */
function tableRows(markdown: string, first: string): string[][] {
  const tokens = md.parse(markdown, {});
  const rows: string[][] = [];
  let inTable = false;
  let header: string[] = [];
  let row: string[] | undefined;
  for (const token of tokens) {
    if (token.type === 'table_open') {
      inTable = true;
      header = [];
    } else if (token.type === 'table_close') inTable = false;
    else if (inTable && token.type === 'tr_open') row = [];
    else if (inTable && token.type === 'inline' && row) row.push(md.renderInline(token.content));
    else if (inTable && token.type === 'tr_close' && row) {
      if (header.length === 0) header = row;
      else if (header[0] === first) rows.push(row);
      row = undefined;
    }
  }
  return rows;
}

describe.each(ALL_CATALOGS)('the reference of %s', (file) => {
  it('has one overview row per code (and per status without a code) and a section per code', async () => {
    const catalog = await mustLoad(file);
    const markdown = renderDocs(catalog, templates);
    const rows = tableRows(markdown, 'Status');
    const expected = catalog.statuses.flatMap((s) => (s.statusOnly ? [[String(s.status), '—']] : s.codes.map((c) => [String(s.status), String(c)])));
    expect(rows.map((r) => [r[0], r[1] === '—' ? '—' : (/<code>(.*)<\/code>/s.exec(r[1] ?? '')?.[1] ?? '')])).toEqual(expected.map(([s, c]) => [s, c === '—' ? '—' : md.utils.escapeHtml(c ?? '')]));
    for (const row of rows) expect(row).toHaveLength(4);
    const html = md.render(markdown);
    for (const entry of catalog.entries) {
      expect(html).toContain(`<h3><code>${md.utils.escapeHtml(String(entry.code))}</code>`);
      if (entry.fix !== undefined) for (const line of entry.fix.split('\n')) expect(html).toContain(md.utils.escapeHtml(line.replace(/[\u2028\u2029]/g, '')).slice(0, 40));
    }
  });

  it('is byte-identical from run to run', async () => {
    const catalog = await mustLoad(file);
    expect(renderDocs(catalog, templates)).toBe(renderDocs(await mustLoad(file), templates));
  });
});

describe('hostile strings', () => {
  it('render as exactly themselves: no HTML, no emphasis, no broken table', async () => {
    const catalog = await mustLoad('test/fixtures/valid/hostile-strings.yaml');
    const html = md.render(renderDocs(catalog, templates));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<em>');
    const entry = catalog.entries[0];
    for (const text of [entry?.title, entry?.fix, catalog.info.title]) expect(html).toContain(md.utils.escapeHtml(text ?? ''));
    expect(html).toContain(`Pipes | in | tables<br>\nand a second line`);
  });

  it.each([
    ['mdText', mdText('a *b* _c_ `d` <e> [f](g) &amp; | ~~h~~'), '<p>a *b* _c_ `d` &lt;e&gt; [f](g) &amp;amp; | ~~h~~</p>\n'],
    ['mdText at line starts', mdText('# h\n- item\n1. one\n> quote'), '<p># h<br>\n- item<br>\n1. one<br>\n&gt; quote</p>\n'],
    ['mdCode', mdCode('a`b``c'), '<p><code>a`b``c</code></p>\n'],
    ['mdFence', mdFence('x\n```\ny', 'json'), '<pre><code class="language-json">x\n```\ny\n</code></pre>\n'],
  ])('%s renders to what it says', (_, markdown, html) => {
    expect(md.render(markdown)).toBe(html);
  });

  it('keeps a pipe inside a table cell', () => {
    const table = `| a | b |\n|---|---|\n| ${mdCell('x | y')} | ${mdCode('p|q', true)} |\n`;
    expect(tableRows(table, 'a')).toEqual([['x | y', '<code>p|q</code>']]);
  });
});

describe('templates', () => {
  it('a template of the same name replaces the default', async () => {
    const catalog = await mustLoad('specs/prompts/errors.yaml');
    const custom = { ...templates, 'errors.md.hbs': '{{#each entries}}{{code code}}\n{{/each}}' };
    expect(renderDocs(catalog, custom)).toBe(`${catalog.entries.map((e) => `\`${e.code}\``).join('\n')}\n`);
  });

  it('a broken template is reported with its line', async () => {
    const catalog = await mustLoad('specs/prompts/errors.yaml');
    const broken = { ...templates, 'errors.md.hbs': 'ok\n{{#each entries}}\n{{code code}\n' };
    expect(() => renderDocs(catalog, broken)).toThrow(TemplateError);
    try {
      renderDocs(catalog, broken);
    } catch (error) {
      expect(error).toMatchObject({ template: 'errors.md.hbs', line: 3 });
    }
  });
});
