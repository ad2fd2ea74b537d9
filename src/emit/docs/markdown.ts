/**
 * How each catalog string lands in Markdown. Catalog prose (titles, descriptions, fixes) is
 * CommonMark and renders as such; the only escaping it gets is what its place needs: raw HTML is
 * shown, not run; a table cell keeps its pipes and line breaks; a heading stays on one line.
 * Codes and values are code spans and fences, which hold any text exactly.
 */

/** Raw HTML in prose is shown as text: `<script>` never reaches the rendered page as a tag. Code spans already show it. */
function inertHtml(text: string): string {
  return outsideCodeSpans(text, (prose) => prose.replace(/<(?=[A-Za-z/!?])/g, '&lt;'));
}

/** Applies `edit` to the text between code spans (a run of backticks up to the next run of the same length). */
function outsideCodeSpans(text: string, edit: (prose: string) => string): string {
  return text.replace(/(`+)([\s\S]*?[^`])\1(?!`)|[^`]+|`+/g, (match, fence: string | undefined) => (fence === undefined ? edit(match) : match));
}

/** Line and paragraph separators, which renderers treat inconsistently, as entities. */
function separators(text: string): string {
  return text.replace(/[\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

/** Prose: Markdown as written (lists, paragraphs, code spans), with raw HTML inert. */
export function mdText(text: string): string {
  return separators(inertHtml(text.replace(/\r\n/g, '\n')));
}

/**
 * A label and its prose (`**What to do:** …`): on one line when the prose is one line, else the
 * prose as its own blocks, so that a list or a second paragraph renders as one.
 */
export function mdLabelled(label: string, text: string): string {
  const prose = mdText(text);
  return prose.includes('\n') ? `${label}\n\n${prose}` : `${label} ${prose}`;
}

/** One line of prose (a heading, a list item): line breaks become spaces. */
export function mdLine(text: string): string {
  return separators(inertHtml(text).replace(/\s*\r?\n\s*/g, ' '));
}

/**
 * A table cell: Markdown inline, a pipe escaped (GFM splits cells on it, even inside a code
 * span), line breaks as `<br>`.
 */
export function mdCell(text: string): string {
  return separators(
    inertHtml(text)
      .replace(/\\?\|/g, '\\|')
      .replace(/\r?\n/g, '<br>'),
  );
}

/** An inline code span that holds any text: the fence outruns every backtick run inside. */
export function mdCode(text: string, inTable = false): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  const body = text.replace(/\r?\n/g, ' ');
  // GFM splits table cells on a pipe even inside a code span, unless it is escaped.
  return `${fence}${pad}${inTable ? body.replace(/\|/g, '\\|') : body}${pad}${fence}`;
}

/** A fenced code block that holds any text. */
export function mdFence(text: string, language: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** An HTML id / link target from any text: letters, digits and dashes. */
export function anchor(text: string): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug === '' ? 'code' : slug;
}
