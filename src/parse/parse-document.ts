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
  // `yaml`'s own uniqueKeys check compares each key with every other (quadratic on a
  // 10,000-code catalog); duplicates are found in one pass below instead.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  const diagnostics: Diagnostic[] = [];
  for (const error of document.errors) diagnostics.push(yamlErrorDiagnostic(file, lineCounter, error, json));
  if (diagnostics.length > 0) return { diagnostics };
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
