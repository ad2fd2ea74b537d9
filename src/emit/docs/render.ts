import Handlebars from 'handlebars';
import type { Catalog } from '../../model/catalog.js';
import { mdCell, mdCode, mdFence, mdText } from './markdown.js';
import { docsView } from './view.js';

/** Template sources by file name: `errors.md.hbs`, and partials as `partials/<name>.hbs`. */
export type TemplateSet = Readonly<Record<string, string>>;

export const DOCS_TEMPLATE = 'errors.md.hbs';

export class TemplateError extends Error {
  constructor(
    readonly template: string,
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Handlebars with errcat's helpers; output is never HTML-escaped, because each helper escapes for Markdown. */
function environment(): typeof Handlebars {
  const hbs = Handlebars.create();
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  hbs.registerHelper('text', (v: unknown) => mdText(str(v)));
  hbs.registerHelper('cell', (v: unknown) => mdCell(str(v)));
  hbs.registerHelper('code', (v: unknown) => mdCode(str(v)));
  hbs.registerHelper('codeCell', (v: unknown) => mdCode(str(v), true));
  hbs.registerHelper('fence', (v: unknown, language: unknown) => mdFence(str(v), typeof language === 'string' ? language : ''));
  hbs.registerHelper('url', (v: unknown) => encodeURI(str(v)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  return hbs;
}

/**
 * Handlebars parse errors give the line and an excerpt with a caret under the offending spot,
 * not a column: the column is where the excerpt before the caret ends on that line.
 */
function templateError(name: string, source: string, error: unknown): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const parts = message.split('\n');
  const hash = error as { lineNumber?: number; column?: number };
  const line = hash.lineNumber ?? Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  let column = (hash.column ?? 0) + 1;
  const caret = parts.findIndex((l) => /^-*\^$/.test(l));
  if (caret > 0 && hash.column === undefined) {
    const before = (parts[caret - 1] ?? '').slice(0, (parts[caret] ?? '').length - 1).replace(/^\.\.\./, '');
    const text = source.split('\n')[line - 1] ?? '';
    let overlap = Math.min(before.length, text.length);
    while (overlap > 0 && !before.endsWith(text.slice(0, overlap))) overlap--;
    column = overlap + 1;
  }
  const got = /got '([^']+)'/.exec(message)?.[1];
  const summary = parts[0]?.startsWith('Parse error') ? `Parse error${got ? `: unexpected ${got}` : ''}` : (parts[0] ?? message);
  return new TemplateError(name, summary.replace(/ - \d+:\d+$/, ''), line, column);
}

/** The Markdown reference of a catalog; pure: the templates come in as text. */
export function renderDocs(catalog: Catalog, templates: TemplateSet): string {
  const hbs = environment();
  for (const [name, source] of Object.entries(templates)) {
    const partial = /^partials\/(.+)\.hbs$/.exec(name)?.[1];
    if (partial === undefined) continue;
    try {
      // Compiling is lazy in Handlebars; precompile parses now, so a broken partial is reported here.
      hbs.precompile(source);
      hbs.registerPartial(partial, hbs.compile(source, { noEscape: true }));
    } catch (error) {
      throw templateError(name, source, error);
    }
  }
  const main = templates[DOCS_TEMPLATE];
  if (main === undefined) throw new TemplateError(DOCS_TEMPLATE, `the templates have no ${DOCS_TEMPLATE}`, 1, 1);
  try {
    const text = hbs.compile(main, { noEscape: true })(docsView(catalog));
    // Stable bytes: no trailing spaces, no runs of blank lines, one final newline.
    return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw templateError(DOCS_TEMPLATE, main, error);
  }
}
