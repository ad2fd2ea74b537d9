import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Range, type YAMLError } from 'yaml';
import { diagnostic, FILE_START, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { aliasMessage, depthMessage, documentAliasProblem, jsonDepthOverflow, resolveLimits, sizeOverflow, yamlAliasOverflow, yamlDepthOverflow, type LimitedFile, type Limits } from './limits.js';
import { positionOfOffset, spanOf, type SourceDocument } from './source-document.js';

export type ParseResult = { source?: SourceDocument; diagnostics: Diagnostic[] };

export interface ParseOptions {
  /** Which defaults apply: a catalog's (also a config's) or a spec's. */
  kind?: LimitedFile;
  /** Limits over the defaults and the environment. */
  limits?: Partial<Limits>;
}

/** JSON when the name says so or the text opens like JSON; YAML otherwise. */
export function isJsonText(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.ya?ml$/i.test(file)) return false;
  return /^\s*[{[]/.test(text);
}

/**
 * Parses catalog text into a `yaml` Document that keeps positions. JSON is checked by a strict
 * JSON parser first (YAML would accept trailing commas and comments), then read by `yaml`
 * so both formats share one located tree.
 */
export function parseSource(file: string, text: string, options: ParseOptions = {}): ParseResult {
  const kind = options.kind ?? 'catalog';
  const limits = resolveLimits(kind, options.limits);
  const tooLarge = sizeOverflow(Buffer.byteLength(text), limits, kind);
  if (tooLarge !== undefined) return { diagnostics: [diagnostic('too-large', tooLarge, file, FILE_START)] };
  const lineCounter = new LineCounter();
  const json = isJsonText(file, text);
  // Before any recursive parser: 200,000 brackets would overflow its stack, or take seconds.
  const deep = json ? jsonDepthOverflow(text, limits.maxDepth) : yamlDepthOverflow(text, limits.maxDepth);
  if (deep !== -1) {
    const at = positionOfOffset(text, deep);
    return { diagnostics: [diagnostic('too-deep', depthMessage(limits), file, { start: at, end: at })] };
  }
  const bomb = json ? undefined : yamlAliasOverflow(text, limits);
  if (bomb) {
    const at = positionOfOffset(text, bomb.offset);
    return { diagnostics: [diagnostic('alias-limit', aliasMessage(bomb.problem, limits), file, { start: at, end: at })] };
  }
  if (json) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
    const first = errors[0];
    if (first) {
      const at = positionOfOffset(text, first.offset);
      return {
        diagnostics: [diagnostic('json-syntax', `${describeJsonError(printParseErrorCode(first.error))}; fix the JSON at this point.`, file, { start: at, end: at })],
      };
    }
  }
  const document = parseYamlDocument(text, lineCounter);
  const diagnostics: Diagnostic[] = [];
  // The first syntax error only: the ones after it are mostly the parser losing its place.
  const [firstError] = document.errors;
  if (firstError) return { diagnostics: [json ? yamlErrorDiagnostic(file, lineCounter, firstError, json) : yamlSyntaxDiagnostic(file, text, lineCounter, firstError)] };
  const aliases = documentAliasProblem(document, limits);
  if (aliases) {
    const span = aliases.node.range ? spanOf(lineCounter, aliases.node.range) : FILE_START;
    return { diagnostics: [diagnostic(aliases.problem.kind === 'undefined' ? 'yaml-syntax' : 'alias-limit', aliasMessage(aliases.problem, limits), file, span)] };
  }
  diagnostics.push(...duplicateKeys(file, lineCounter, document));
  if (diagnostics.length > 0) return { diagnostics };
  const source: SourceDocument = { file, text, document, lineCounter };
  const contents = document.contents;
  if (contents === null || (contents && 'value' in contents && contents.value === null && !isMap(contents))) {
    return { diagnostics: [diagnostic('empty-file', 'The file holds no catalog; start from `errcat init` or the README example (a mapping with `errcat`, `info`, `envelope` and `errors`).', file, FILE_START)] };
  }
  if (!isMap(contents)) {
    const span = contents.range ? spanOf(lineCounter, contents.range) : FILE_START;
    return { diagnostics: [diagnostic('not-a-mapping', 'The catalog must be a mapping at the top level (keys such as `errcat`, `info`, `envelope`, `errors`), not a list or a single value.', file, span)] };
  }
  return { source, diagnostics: [] };
}

/** A text as errcat reads it with the `yaml` package: one Document, every node located. */
function parseYamlDocument(text: string, lineCounter: LineCounter): Document.Parsed {
  // `yaml`'s own uniqueKeys check compares each key with every other (quadratic on a
  // 10,000-code catalog); duplicates are found in one pass (duplicateKeys) instead.
  return parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
}

/**
 * The source of a text whose data was read without a Document (see plain-yaml.ts): the Document
 * is parsed the first time a diagnostic asks where something is.
 */
export function deferredSource(file: string, text: string): SourceDocument {
  let parsed: { document: Document.Parsed; lineCounter: LineCounter } | undefined;
  const parse = () => {
    if (parsed) return parsed;
    const lineCounter = new LineCounter();
    parsed = { document: parseYamlDocument(text, lineCounter), lineCounter };
    return parsed;
  };
  return {
    file,
    text,
    get document() {
      return parse().document;
    },
    get lineCounter() {
      return parse().lineCounter;
    },
  };
}

/** Every repeated key of every mapping, each reported where it repeats, with the first one as its related location. */
function duplicateKeys(file: string, lineCounter: LineCounter, document: Document.Parsed): Diagnostic[] {
  const found: Diagnostic[] = [];
  const errors: unknown = isMap(document.contents) ? document.contents.get('errors', true) : undefined;
  visit(document.contents, {
    Map(_, map) {
      // Ranges, not spans: only a duplicate's are turned into line:col.
      const seen = new Map<string, Range | null | undefined>();
      const spanAt = (range: Range | null | undefined): Span => (range ? spanOf(lineCounter, range) : FILE_START);
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        const range = isScalar(pair.key) && pair.key.range ? pair.key.range : map.range;
        if (!seen.has(key)) {
          seen.set(key, range);
          continue;
        }
        const span = spanAt(range);
        const first = spanAt(seen.get(key));
        found.push(
          map === errors
            ? diagnostic('duplicate-code', 'This code already has an entry; merge the two (a code answered with several statuses takes `status: [..]`).', file, span, [{ file, ...first, message: 'first defined here' }])
            : diagnostic('duplicate-key', 'This key appears twice in the same mapping; keep one and merge their contents.', file, span, [{ file, ...first, message: 'first written here' }]),
        );
      }
    },
  });
  return found;
}

/** The lines of a text around an offset: the line holding it, and the next line with content. */
function linesAround(text: string, offset: number): { line: string; lineStart: number; next?: { text: string; start: number } } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
  let start = lineEnd === -1 ? text.length : lineEnd + 1;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const candidate = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
    if (candidate.trim() !== '' && !candidate.trimStart().startsWith('#')) return { line, lineStart, next: { text: candidate, start } };
    if (end === -1) break;
    start = end + 1;
  }
  return { line, lineStart };
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const keyOf = (line: string) => /^\s*(?:-\s+)?([^:#]+?):(?:\s|$)/.exec(line)?.[1];

/**
 * One YAML syntax error, said the way a person would fix it: a tab, a line indented too deep or
 * too shallow, a value that needs quotes, an unclosed quote or bracket. Anything else keeps the
 * parser's words.
 */
function yamlSyntaxDiagnostic(file: string, text: string, lineCounter: LineCounter, error: YAMLError): Diagnostic {
  const [from] = error.pos;
  const at = (offset: number): Span => spanOf(lineCounter, [offset, offset + 1]);
  const around = linesAround(text, from);
  const say = (message: string, offset = from) => diagnostic('yaml-syntax', message, file, at(offset));
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return say('A tab indents this line, and YAML indents with spaces only; replace the tab with spaces.');
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const key = keyOf(around.line);
      const rest = key === undefined ? '' : around.line.slice(around.line.indexOf(':') + 1);
      // `title: a: b`: a colon and a space inside a plain value.
      if (/:\s/.test(rest)) return say(`This value holds \`: \`, which YAML reads as another key; put the value in quotes: \`${key}: ${JSON.stringify(rest.trim())}\`.`);
      const next = around.next;
      if (key !== undefined && next && indentOf(next.text) > indentOf(around.line)) {
        const column = indentOf(around.line) + 1;
        return say(
          `Is this indented one level too deep? \`${key}:\` above already has its value on its line, so nothing can nest under it; start this line at column ${column}, beside \`${key}:\`.`,
          next.start + indentOf(next.text),
        );
      }
      break;
    }
    case 'BAD_INDENT': {
      if (/flow/i.test(error.message)) return say('A `{ … }` or `[ … ]` is not closed; close it on the same line, or indent its continuation lines deeper than its key.');
      const above = text.slice(0, around.lineStart).split(/\r?\n/).reverse().find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
      const column = indentOf(above) + 1;
      const line = around.line.trim() === '' && around.next ? { text: around.next.text, start: around.next.start } : { text: around.line, start: around.lineStart };
      return say(`Is this indented one level too deep or too shallow? Keys of one mapping start at the same column, and the line above starts at column ${column}.`, line.start + indentOf(line.text));
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) {
        // The parser stops where the text ends; the quote that opens the string is the place to fix.
        const quote = /"|'/.exec(error.message)?.[0] ?? '"';
        const opening = text.lastIndexOf(quote, Math.max(0, from - 1));
        return say(`This quoted string is not closed; end it with ${quote === '"' ? 'a double' : 'a single'} quote on the same line.`, opening === -1 ? from : opening);
      }
      break;
  }
  return yamlErrorDiagnostic(file, lineCounter, error, false);
}

function yamlErrorDiagnostic(file: string, lineCounter: LineCounter, error: YAMLError, json: boolean): Diagnostic {
  const [from, to] = error.pos;
  const span = spanOf(lineCounter, [from, Math.max(from, to)]);
  const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
  return diagnostic(json ? 'json-syntax' : 'yaml-syntax', `${message}; fix the ${json ? 'JSON' : 'YAML'} at this point.`, file, span);
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'Unexpected character',
    InvalidNumberFormat: 'Invalid number',
    PropertyNameExpected: 'A property name in double quotes is expected',
    ValueExpected: 'A value is expected',
    ColonExpected: 'A colon is expected',
    CommaExpected: 'A comma is expected',
    CloseBraceExpected: 'A closing brace is expected',
    CloseBracketExpected: 'A closing bracket is expected',
    EndOfFileExpected: 'Nothing may follow the top-level value',
    InvalidCommentToken: 'Comments are not allowed in JSON',
    UnexpectedEndOfComment: 'Comments are not allowed in JSON',
    UnexpectedEndOfString: 'A string is not closed',
    UnexpectedEndOfNumber: 'A number is cut short',
    InvalidUnicode: 'Invalid unicode escape',
    InvalidEscapeCharacter: 'Invalid escape character',
    InvalidCharacter: 'Invalid character in a string',
  };
  return words[code] ?? code;
}
