import { createRequire } from 'node:module';
import type { StatementStructures } from 'ts-morph';
import { interfaceText } from './interface-text.js';

/**
 * ts-morph, required rather than imported: an ESM import of this CommonJS package first scans
 * its source and TypeScript's for export names (cjs-module-lexer), about a third of its load.
 * Types come from `import type { … } from 'ts-morph'` as usual.
 */
const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { StructureKind, VariableDeclarationKind, ts } = tsMorph;

/** The structures ts-morph prints ending with `}`, after which it leaves a blank line. */
const BRACED = new Set<StatementStructures['kind']>([StructureKind.Interface, StructureKind.Function, StructureKind.Class, StructureKind.Enum, StructureKind.Module]);

/** The length of a text without its trailing whitespace (what `trimEnd` keeps, without the copy: megabytes at 10,000 codes). */
function visibleLength(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

function endsWithBrace(statement: StatementStructures | string): boolean {
  return typeof statement === 'string' ? statement.charAt(visibleLength(statement) - 1) === '}' : BRACED.has(statement.kind);
}

/**
 * A source file's statements (structures, or text laid out already) as errors.ts prints them:
 * two-space indentation, LF, double quotes. Text statements (megabytes for a large catalog) pass
 * through ts-morph's writer, which reads every character, as a placeholder each: NUL (which no
 * catalog string reaches code as), then the text's end from its last visible character, by which
 * the writer spaces statements; the texts go back in after. Plain interfaces (every code's error
 * object) are laid out as ts-morph lays them out (interface-text.ts), and pass through the same way.
 */
export function printStatements(statements: readonly (StatementStructures | string)[]): string {
  return printedPieces(statements).join('');
}

/**
 * What `printStatements` prints, as the pieces that make it up in order: ts-morph's text between
 * the placeholders, and the texts put back in them. A caller that adds to the file joins them
 * once (for 10,000 codes, a 22 MB string made once rather than three times).
 */
export function printedPieces(statements: readonly (StatementStructures | string)[]): string[] {
  const texts: string[] = [];
  const placeholder = (text: string) => {
    const end = Math.max(visibleLength(text) - 1, 0);
    return `\u0000${texts.push(text.slice(0, end)) - 1}\u0000${text.slice(end)}`;
  };
  const placed = statements.map((statement, i) => {
    if (typeof statement === 'string') return placeholder(statement);
    const laidOut = statement.kind === StructureKind.Interface ? interfaceText(statement) : undefined;
    if (laidOut === undefined) return statement;
    // ts-morph puts a blank line before an interface, unless one is there already: after a
    // statement that ends with a brace, or at the start.
    const previous = statements[i - 1];
    return `${previous === undefined || endsWithBrace(previous) ? '' : '\n'}${placeholder(laidOut)}`;
  });
  const printed = tsMorph.printStructure({ kind: StructureKind.SourceFile, statements: placed }, { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: false });
  // Split at the placeholders, the capture (each placeholder's index) at every odd position.
  return printed.split(/\u0000(\d+)\u0000/).map((piece, i) => (i % 2 === 0 ? piece : (texts[Number(piece)] ?? '')));
}
