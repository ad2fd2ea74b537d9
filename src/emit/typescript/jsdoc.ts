import articles from 'articles';
import type { JSDocStructure } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import type { Entry } from '../../model/catalog.js';
import { describeCondition } from '../../model/conditions.js';
import { words } from '../../model/naming.js';
import { describeRetry } from '../../model/retry.js';

/** Prose lines are wrapped here, so that a block at the usual indentation stays near 120 columns. */
const PROSE_WIDTH = 100;

/** A long line of prose broken at spaces; a line that starts with a list marker or a fence stays as it is. */
function wrapLine(line: string): string[] {
  if (line.length <= PROSE_WIDTH || /^\s*(```|\|)/.test(line)) return [line];
  const indent = /^\s*(?:[-*] |\d+\. )?/.exec(line)?.[0].replace(/\S/g, ' ') ?? '';
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > PROSE_WIDTH) {
      lines.push(current);
      current = `${indent}${word}`;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

/**
 * A code or name with its indefinite article, by how it sounds read as words:
 * "an `invalid_request`", "a `user_not_found`", "an `InnerError`".
 */
export function withArticle(text: string, shown: string = inlineCode(text)): string {
  const phrase = words(text).join(' ');
  return `${phrase === '' ? 'a' : articles.find(phrase)} ${shown}`;
}

/**
 * Text for a JSDoc block: `*\/` cannot close it, a line cannot turn into a tag, line and
 * paragraph separators become line ends, and control characters show as escapes. Every string
 * written into a comment goes through here.
 */
function docText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .split('\n')
    .flatMap(wrapLine)
    .join('\n')
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A JSDoc block: the description, then tags (`see`, `deprecated`, …), every text escaped. */
export function jsDoc(description: string, tags: readonly (readonly [name: string, text: string])[] = []): JSDocStructure[] {
  return [
    {
      kind: StructureKind.JSDoc,
      description: docText(description),
      tags: tags.map(([tagName, text]) => ({ kind: StructureKind.JSDocTag, tagName, ...(text === '' ? {} : { text: docText(text) }) })),
    },
  ];
}

/**
 * JSDoc blocks as the text ts-morph lays out between `/**` and `*\/`: its description, then each
 * tag on a line of its own. ts-morph lays such text out exactly as the structure (which it would
 * first write through a writer of its own, and each tag through another), and an interface whose
 * docs are text can be laid out without ts-morph's writers at all (interface-text.ts).
 */
export function docTexts(docs: readonly JSDocStructure[]): string[] {
  return docs.map((doc) => {
    const description = typeof doc.description === 'string' ? doc.description : '';
    const tags = (doc.tags ?? []).map((tag) => {
      const text = typeof tag.text === 'string' ? tag.text : '';
      return `@${tag.tagName}${text !== '' && !/^\r?\n/.test(text) ? ' ' : ''}${text}`;
    });
    return tags.length === 0 ? description : `${description}${description === '' ? '' : '\n'}${tags.join('\n')}`;
  });
}

/** A code or name quoted as inline code in a description. */
export function inlineCode(text: string): string {
  return `\`${text}\``;
}

/** The JSDoc of an entry: what it means, what to do, its code, and per status its retry and conditions. */
export function entryDoc(entry: Entry, lead = ''): JSDocStructure[] {
  const first = entry.responses[0];
  const lines: string[] = [];
  if (lead !== '') lines.push(lead, '');
  lines.push(entry.title ?? first?.title ?? '');
  if (entry.description !== undefined) lines.push('', entry.description);
  if (entry.fix !== undefined) lines.push('', `Fix: ${entry.fix}`);
  const identity = entry.level === undefined ? 'no code on the wire (told apart by status and conditions)' : `level ${inlineCode(entry.level)} = ${inlineCode(String(entry.value ?? entry.code))}`;
  lines.push('', `Code: ${inlineCode(String(entry.code))} · ${identity}`);
  for (const response of entry.responses) {
    const title = response.title === (entry.title ?? first?.title) ? '' : ` · ${response.title}`;
    const when = response.when.length === 0 ? '' : ` · when ${response.when.map(describeCondition).join(', or ')}`;
    lines.push(`HTTP ${response.status}${title} · Retry: ${describeRetry(response.retry)}${when}`);
  }
  // A line, not an `@see` tag: tsc parses every JSDoc block that names `@see` (and resolves the tag's
  // first word as a name), which cost a 10,000-code file about 2% of its type-check.
  if (entry.docUrl !== undefined) lines.push(`Docs: ${entry.docUrl}`);
  const tags: [string, string][] = [];
  if (entry.since !== undefined) tags.push(['since', entry.since]);
  if (entry.deprecated) {
    const { message, replacedBy } = entry.deprecated;
    const replacement = replacedBy === undefined || message?.includes(replacedBy) ? undefined : `Use ${inlineCode(replacedBy)} instead.`;
    tags.push(['deprecated', [message, replacement].filter((s) => s !== undefined).join(' ')]);
  }
  return jsDoc(lines.join('\n').trim(), tags);
}

/** JSDoc structures as comment text, as ts-morph prints them at the top level: one line when they fit. */
export function printDoc(docs: readonly JSDocStructure[]): string {
  return docs
    .map((doc) => {
      const description = typeof doc.description === 'string' ? doc.description : '';
      const tags = (doc.tags ?? []).map((t) => `@${t.tagName}${typeof t.text === 'string' && t.text !== '' ? ` ${t.text}` : ''}`);
      const lines = [...(description === '' ? [] : description.split('\n')), ...tags];
      if (lines.length === 1 && (lines[0] ?? '').length <= PROSE_WIDTH) return `/** ${lines[0]} */`;
      return ['/**', ...lines.map((line) => ` * ${line}`.trimEnd()), ' */'].join('\n');
    })
    .join('\n');
}

/** A free-standing JSDoc block (the file's banner), every line escaped. */
export function docBlock(text: string): string {
  return ['/**', ...docText(text).split('\n').map((line) => ` * ${line}`.trimEnd()), ' */'].join('\n');
}
