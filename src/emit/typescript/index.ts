import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures } from 'ts-morph';
import type { Catalog } from '../../model/catalog.js';
import { classifyDeclarations } from './classify.js';
import { constantDeclarations } from './constants.js';
import { constructorDeclarations } from './constructors.js';
import { createContext } from './context.js';
import { typeDeclarations } from './declarations.js';
import { guardDeclarations } from './guards.js';
import { docText } from './literals.js';
import { retryDeclarations } from './retry.js';
import { runtimeHelpers, runtimeTypes } from './runtime.js';

/**
 * The catalog as one self-contained TypeScript module: types, constants, guards, a classifier,
 * retry helpers and server constructors. Built as ts-morph structures and printed once (no
 * node-by-node edits, so the cost grows linearly with the catalog); never type-checked here.
 */
export function emitTypeScript(catalog: Catalog, banner: string): string {
  const ctx = createContext(catalog);
  // Guards and the classifier first: they register the patterns and helpers declared before them.
  const guards = guardDeclarations(ctx);
  const classify = classifyDeclarations(ctx);
  const statements: StatementStructures[] = [
    ...runtimeTypes(),
    ...typeDeclarations(ctx),
    ...constantDeclarations(ctx),
    ...runtimeHelpers(ctx.patterns.helpers),
    ...guards,
    ...classify,
    ...retryDeclarations(),
    ...constructorDeclarations(ctx),
  ];
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double, newLineKind: NewLineKind.LineFeed },
  });
  const header = [
    '/**',
    ...docText(`${banner}\n\n${catalog.info.title} ${catalog.info.version}: error types, guards and helpers.\nNo runtime dependencies; safe in browsers and Node.`).split('\n').map((l) => ` * ${l}`.trimEnd()),
    ' */',
    '/* eslint-disable */',
  ].join('\n');
  const file = project.createSourceFile('errors.ts', { statements, leadingTrivia: `${header}\n\n` });
  return file.getFullText();
}
