import { createRequire } from 'node:module';
import type { StatementStructures } from 'ts-morph';

/**
 * ts-morph, required rather than imported: an ESM import of this CommonJS package first scans
 * its source and TypeScript's for export names (cjs-module-lexer), about a third of its load.
 * Types come from `import type { … } from 'ts-morph'` as usual.
 */
const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { StructureKind, VariableDeclarationKind, ts } = tsMorph;

/**
 * A source file's statements (structures, or text laid out already) as errors.ts prints them:
 * two-space indentation, LF, double quotes. Text statements (megabytes for a large catalog) pass
 * through ts-morph's writer, which reads every character, as a placeholder each: NUL (which no
 * catalog string reaches code as), then the text's end from its last visible character, by which
 * the writer spaces statements; the texts go back in after.
 */
export function printStatements(statements: readonly (StatementStructures | string)[]): string {
  const texts: string[] = [];
  const placed = statements.map((statement) => {
    if (typeof statement !== 'string') return statement;
    const end = Math.max(statement.trimEnd().length - 1, 0);
    return `\u0000${texts.push(statement.slice(0, end)) - 1}\u0000${statement.slice(end)}`;
  });
  return tsMorph
    .printStructure({ kind: StructureKind.SourceFile, statements: placed }, { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: false })
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => texts[Number(index)] ?? '');
}
