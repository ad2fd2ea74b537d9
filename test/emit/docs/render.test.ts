import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocs, renderDocsPages, TemplateError, type TemplateSet } from '../../../src/emit/docs/render.js';
import { docsView } from '../../../src/emit/docs/view.js';
import { mdCell, mdCode, mdFence, mdLabelled, mdLine, mdText } from '../../../src/emit/docs/markdown.js';
import { createBodyValidator, validationSchemas } from '../../../src/model/json-schema-validator.js';
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
    // A codeless entry among coded ones has no code to show.
    const shown = (code: string | number) => catalog.envelope.levels.length === 0 || catalog.entries.find((e) => e.code === code)?.level !== undefined;
    const expected = catalog.statuses.flatMap((s) => (s.statusOnly ? [[String(s.status), '—']] : s.codes.map((c) => [String(s.status), shown(c) ? String(c) : '—'])));
    // CommonMark shows a NUL as U+FFFD: the one character Markdown cannot carry.
    const shownAs = (text: string) => md.utils.escapeHtml(text).replace(/\u0000/g, '\uFFFD');
    expect(rows.map((r) => [r[0], r[1] === '—' ? '—' : (/<code>(.*)<\/code>/s.exec(r[1] ?? '')?.[1] ?? '')])).toEqual(expected.map(([s, c]) => [s, c === '—' ? '—' : shownAs(c ?? '')]));
    for (const row of rows) expect(row).toHaveLength(4);
    const html = md.render(markdown);
    for (const entry of catalog.entries) {
      expect(html).toContain(`<h3><code>${shownAs(String(entry.code))}</code>`);
      if (entry.fix !== undefined) for (const line of entry.fix.split('\n')) expect(html).toContain(md.renderInline(mdLine(line)).slice(0, 40));
    }
  });

  it('is byte-identical from run to run', async () => {
    const catalog = await mustLoad(file);
    expect(renderDocs(catalog, templates)).toBe(renderDocs(await mustLoad(file), templates));
  });
});

describe('hostile strings', () => {
  it('render as Markdown with raw HTML shown, not run, and tables intact', async () => {
    const catalog = await mustLoad('test/fixtures/valid/hostile-strings.yaml');
    const html = md.render(renderDocs(catalog, templates));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</script>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; and <code>rm -rf /</code>');
    expect(html).toContain(`Pipes | in | tables\nand a second line`);
  });

  it.each([
    ['mdText', mdText('a *b* `d` <e> [f](g) | ~~h~~'), '<p>a <em>b</em> <code>d</code> &lt;e&gt; <a href="g">f</a> | <s>h</s></p>\n'],
    ['mdText blocks', mdText('one\ntwo\n\n- a\n- b'), '<p>one\ntwo</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n'],
    ['mdLabelled', mdLabelled('**Do:**', 'Steps:\n- a\n- b'), '<p><strong>Do:</strong></p>\n<p>Steps:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n'],
    ['mdLine', mdLine('a\n b <i>'), '<p>a b &lt;i&gt;</p>\n'],
    ['mdCode', mdCode('a`b``c'), '<p><code>a`b``c</code></p>\n'],
    ['mdFence', mdFence('x\n```\ny', 'json'), '<pre><code class="language-json">x\n```\ny\n</code></pre>\n'],
  ])('%s renders to what it says', (_, markdown, html) => {
    expect(md.render(markdown)).toBe(html);
  });

  it('keeps a pipe inside a table cell, and a code span in it', () => {
    const table = `| a | b |\n|---|---|\n| ${mdCell('x | `y|z`')} | ${mdCode('p|q', true)} |\n`;
    expect(tableRows(table, 'a')).toEqual([['x | <code>y|z</code>', '<code>p|q</code>']]);
  });
});

describe.each(ALL_CATALOGS)('the rendered reference of %s', (file) => {
  it('renders catalog prose as Markdown: no literal backtick pairs left outside code', async () => {
    const catalog = await mustLoad(file);
    const tokens = md.parse(renderDocs(catalog, templates), {});
    const prose = tokens.flatMap((t) => (t.type === 'inline' ? (t.children ?? []) : [])).filter((t) => t.type === 'text');
    for (const text of prose) expect(text.content, text.content).not.toMatch(/`[^`]+`/);
  });

  it('shows example bodies that parse and validate against the body schema', async () => {
    const catalog = await mustLoad(file);
    const schemas = validationSchemas(catalog);
    const validate = createBodyValidator(catalog, schemas);
    const anyBody = schemas.body({ anyOf: [schemas.errorObject(), ...catalog.entries.map((e) => schemas.errorObject(e))] });
    const fences = md.parse(renderDocs(catalog, templates), {}).filter((t) => t.type === 'fence' && t.info === 'json');
    expect(fences.length).toBeGreaterThan(0);
    for (const fence of fences) expect(validate(anyBody, JSON.parse(fence.content)), fence.content).toEqual([]);
  });

  it('orders its sections as its overview table, and says each field once', async () => {
    const catalog = await mustLoad(file);
    const markdown = renderDocs(catalog, templates);
    // Each row links to its section: the code's link, or (a codeless entry among coded ones) the meaning's.
    const table = [...new Set(tableRows(markdown, 'Status').map((r) => /href="#([^"]+)"/.exec(`${r[1]}${r[2]}`)?.[1]).filter((a) => a !== undefined))];
    const codes = markdown.slice(markdown.search(/\n## (Error codes|Errors by status)\n/));
    const sections = [...codes.matchAll(/^<a id="([^"]+)"><\/a>$/gm)].map((m) => m[1]);
    expect(sections).toEqual(table);
    const fields = tableRows(markdown, 'Field');
    for (const field of catalog.fields.filter((f) => f.description !== undefined)) {
      const row = fields.find((r) => r[0] === `<code>${md.utils.escapeHtml(field.name)}</code>`);
      expect(row?.[3]).toBe(md.renderInline(mdCell(field.description ?? '')));
    }
  });
});

describe('docs pages', () => {
  it('writes an index that links every code to a page of its own, and pages that link back', async () => {
    const catalog = await mustLoad('specs/device-readings/errors.yaml');
    const { index, pages } = renderDocsPages(catalog, templates, { folder: 'errors', index: 'errors.md' });
    expect([...pages.keys()]).toEqual(catalog.entries.map((e) => `errors/${String(e.code).replace(/_/g, '-')}.md`));
    const links = [...md.render(index).matchAll(/<a href="([^"]+)"><code>/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set(pages.keys()));
    expect(index).not.toContain('## Error codes');
    for (const [page, text] of pages) {
      const code = catalog.entries.find((e) => page.endsWith(`/${String(e.code).replace(/_/g, '-')}.md`));
      expect(text.startsWith(`# \`${String(code?.code)}\``)).toBe(true);
      expect(text).toContain('](../errors.md)');
      expect(text).toContain('```json');
    }
  });
});

describe('templates', () => {
  it('a template of the same name replaces the default', async () => {
    const catalog = await mustLoad('specs/prompts/errors.yaml');
    const custom = { ...templates, 'errors.md.hbs': '{{#each entries}}{{code code}}\n{{/each}}' };
    expect(renderDocs(catalog, custom)).toBe(`${catalog.entries.map((e) => `\`${e.code}\``).join('\n')}\n`);
  });

  it('#each (kept flat as it goes, for large catalogs) renders as Handlebars\' own: data, else, objects, nesting', async () => {
    const catalog = await mustLoad('specs/github/errors.yaml');
    const template = [
      '{{#each entries}}{{@index}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}} {{code code}}{{#each examples}}/{{status}}{{/each}}\n{{/each}}',
      '{{#each nothing}}x{{else}}none{{/each}}',
      '{{#each envelope}}{{@key}};{{/each}}',
      '{{#each entries.0.examples}}{{../title}}{{/each}}',
    ].join('\n');
    const Handlebars = (await import('handlebars')).default;
    const plain = Handlebars.create();
    plain.registerHelper('code', (v: unknown) => `\`${String(v)}\``);
    const expected = plain.compile(template, { noEscape: true })(docsView(catalog));
    const rendered = renderDocs(catalog, { ...templates, 'errors.md.hbs': template });
    expect(expected).toContain('0F `problems_parsing_json`/400\n');
    expect(expected).toContain('none');
    expect(rendered).toBe(`${expected.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`);
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

  it('the shipped templates are precompiled into the checked-in module (run npm run build after editing one)', async () => {
    // @ts-expect-error: a plain ESM script of the build, without types.
    const { templatesSource, TEMPLATES_FILE } = (await import('../../../schema/build-templates.mjs')) as { templatesSource(): string; TEMPLATES_FILE: string };
    expect(readFileSync(TEMPLATES_FILE, 'utf8')).toBe(templatesSource());
  });

  it('render precompiled as they do compiled from source', async () => {
    // An empty comment at the end of each source: the same template, but not the shipped text, so it compiles.
    const fromSource = Object.fromEntries(Object.entries(templates).map(([name, source]) => [name, `${source}{{!}}`]));
    for (const file of ALL_CATALOGS) {
      const catalog = await mustLoad(file);
      expect(renderDocs(catalog, fromSource), file).toBe(renderDocs(catalog, templates));
      const layout = { folder: 'errors', index: 'errors.md' };
      expect(renderDocsPages(catalog, fromSource, layout), file).toEqual(renderDocsPages(catalog, templates, layout));
    }
  });
});
