import { posix } from 'node:path';
import { createRequire } from 'node:module';
import type { Catalog } from '../../model/catalog.js';
import { mdCell, mdCode, mdFence, mdLabelled, mdLine, mdText } from './markdown.js';
import { PRECOMPILED } from './templates.generated.js';
import { docsView, entryView, pageName } from './view.js';
import { flatText } from '../../write/flat-text.js';

type Handlebars = typeof import('handlebars');

/**
 * Handlebars, required rather than imported (an ESM import of this CommonJS package scans its
 * source for export names first): only its runtime when every template of a set is precompiled
 * (the shipped ones, see templates.generated.ts), the compiler too when one is not.
 */
const require = createRequire(import.meta.url);
const handlebars = (compiler: boolean): Handlebars => require(compiler ? 'handlebars' : 'handlebars/runtime') as Handlebars;

/** A shipped template's precompiled spec, while the set's source is still exactly the shipped one. */
function precompiledSpec(name: string, source: string): object | undefined {
  const shipped = Object.hasOwn(PRECOMPILED, name) ? PRECOMPILED[name] : undefined;
  return shipped?.source === source ? shipped.spec : undefined;
}

/** Template sources by file name: `errors.md.hbs`, `page.md.hbs`, and partials as `partials/<name>.hbs`. */
export type TemplateSet = Readonly<Record<string, string>>;

export const DOCS_TEMPLATE = 'errors.md.hbs';
export const PAGE_TEMPLATE = 'page.md.hbs';

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
function environment(Handlebars: Handlebars): Handlebars {
  const hbs = Handlebars.create();
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  hbs.registerHelper('text', (v: unknown) => mdText(str(v)));
  hbs.registerHelper('labelled', (label: unknown, v: unknown) => mdLabelled(str(label), str(v)));
  hbs.registerHelper('line', (v: unknown) => mdLine(str(v)));
  hbs.registerHelper('cell', (v: unknown) => mdCell(str(v)));
  hbs.registerHelper('code', (v: unknown) => mdCode(str(v)));
  hbs.registerHelper('codeCell', (v: unknown) => mdCode(str(v), true));
  hbs.registerHelper('fence', (v: unknown, language: unknown) => mdFence(str(v), typeof language === 'string' ? language : ''));
  hbs.registerHelper('url', (v: unknown) => encodeURI(str(v)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  const each = hbs.helpers['each'] as Handlebars.HelperDelegate;
  hbs.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    return each.call(this, context, { ...options, fn: flattened(options.fn) });
  });
  return hbs;
}

/**
 * A block whose output is flat (see flatText). Handlebars appends a template's pieces with `+`,
 * and `#each` appends each item's into the next: for 10,000 codes, one tree of millions of pieces.
 */
function flattened(block: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  return (context, options) => {
    const text = block(context, options);
    // A block's output is a string; anything else passes as it came.
    return typeof text === 'string' ? flatText(text) : text;
  };
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

/** Compiled template sets: a project's templates compile once for all its catalogs and pages. */
const compiledSets = new WeakMap<TemplateSet, (name: string, view: object) => string>();

/** The templates compiled with their partials, once per set; a broken one is a TemplateError at its line and column. */
function compile(templates: TemplateSet): (name: string, view: object) => string {
  const known = compiledSets.get(templates);
  if (known) return known;
  const render = compileSet(templates);
  compiledSets.set(templates, render);
  return render;
}

function compileSet(templates: TemplateSet): (name: string, view: object) => string {
  const hbs = environment(handlebars(Object.entries(templates).some(([name, source]) => precompiledSpec(name, source) === undefined)));
  /** The template as a function: the precompiled one, else compiled (with the same options as the build's precompile). */
  const templateOf = (name: string, source: string): HandlebarsTemplateDelegate => {
    const spec = precompiledSpec(name, source);
    return spec ? hbs.template(spec as TemplateSpecification) : hbs.compile(source, { noEscape: true });
  };
  for (const [name, source] of Object.entries(templates)) {
    const partial = /^partials\/(.+)\.hbs$/.exec(name)?.[1];
    if (partial === undefined) continue;
    try {
      // Compiling is lazy in Handlebars; precompile parses now, so a broken partial is reported here.
      if (precompiledSpec(name, source) === undefined) hbs.precompile(source);
      hbs.registerPartial(partial, templateOf(name, source));
    } catch (error) {
      throw templateError(name, source, error);
    }
  }
  const mains = new Map<string, HandlebarsTemplateDelegate>();
  return (name, view) => {
    const main = templates[name];
    if (main === undefined) throw new TemplateError(name, `the templates have no ${name}`, 1, 1);
    try {
      let template = mains.get(name);
      if (!template) mains.set(name, (template = templateOf(name, main)));
      const text = template(view);
      // Stable bytes: no trailing spaces, no runs of blank lines, one final newline.
      return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw templateError(name, main, error);
    }
  };
}

/** The Markdown reference of a catalog; pure: the templates come in as text. */
export function renderDocs(catalog: Catalog, templates: TemplateSet): string {
  return compile(templates)(DOCS_TEMPLATE, docsView(catalog));
}

/**
 * The reference as an index plus one page per code (`--docs pages`): the index links each code to
 * `<folder>/<code>.md`. Returns the index and the pages by their path relative to the index.
 */
export function renderDocsPages(catalog: Catalog, templates: TemplateSet, layout: { folder: string; index: string }): { index: string; pages: Map<string, string> } {
  const render = compile(templates);
  const view = docsView(catalog, { pages: layout.folder });
  const back = posix.relative(layout.folder, layout.index);
  const pages = new Map<string, string>();
  for (const entry of catalog.entries) {
    const page = `${layout.folder}/${pageName(catalog, entry)}`;
    pages.set(page, render(PAGE_TEMPLATE, { title: catalog.info.title, index: back, entry: entryView(catalog, entry, page) }));
  }
  return { index: render(DOCS_TEMPLATE, view), pages };
}
