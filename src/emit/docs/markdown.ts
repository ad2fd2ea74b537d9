/**
 * Escaping for each place a catalog string lands in Markdown, so the rendered page says exactly
 * that string: no stray emphasis, links, HTML, code spans or table cells.
 */

/**
 * Backslash-escapes what Markdown could read as syntax: emphasis, code, links, HTML, entities,
 * pipes and strikethrough anywhere; headings, lists, quotes and rules only at a line start.
 */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Prose: inline escapes, and each line break kept as a hard break (blank lines stay paragraphs). */
export function mdText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => escapeInline(line))
    .reduce((acc, line, i, lines) => {
      if (i === 0) return line;
      const previous = lines[i - 1] ?? '';
      return previous === '' || line === '' ? `${acc}\n${line}` : `${acc}\\\n${line}`;
    }, '')
    .replace(/[\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

/** A table cell: inline escapes (a pipe included), line breaks as `<br>`. */
export function mdCell(text: string): string {
  return escapeInline(text)
    .replace(/\r?\n/g, '<br>')
    .replace(/[\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
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
