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

/** Handlebars reports `Parse error on line N:` and a caret line; read the position from them. */
function templateError(name: string, error: unknown): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  const caret = message.split('\n').find((l) => /^-*\^$/.test(l));
  const column = caret ? caret.length : 1;
  return new TemplateError(name, message.split('\n')[0] ?? message, line, column);
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
      throw templateError(name, error);
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
    throw templateError(DOCS_TEMPLATE, error);
  }
}
