import { printedPieces, StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { Catalog } from '../../model/catalog.js';
import type { SpecOperation } from '../../merge/operations.js';
import { apiDeclarations } from './api.js';
import { clientDeclarations } from './client.js';
import { operationDeclarations, statusErrorsDeclaration } from './operations.js';
import { constantDeclarations, metaDeclarations } from './constants.js';
import { constructorDeclarations } from './constructors.js';
import { createContext, type EmitContext } from './context.js';
import type { Statement } from './layout.js';
import { typeDeclarations } from './declarations.js';
import { guardDeclarations } from './guards.js';
import { docBlock, jsDoc } from './jsdoc.js';
import { stringLiteral } from './literals.js';
import { runtimeText } from './runtime-source.js';
import { tablesDeclaration } from './tables.js';

function patternConstants(ctx: EmitContext): Statement[] {
  return [...ctx.patterns].map(([pattern, name]) => ({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc('A pattern of the catalog, compiled once.'),
    declarations: [{ name, type: 'RegExp', initializer: `new RegExp(${stringLiteral(pattern)}, "u")` }],
  }));
}

/**
 * The catalog as one self-contained TypeScript module: its types, constants and guards, the
 * tables the runtime reads, typed doors onto the runtime and server constructors (ts-morph
 * structures, printed once); then the runtime, inlined from src/runtime: the table shapes and the
 * functions the rest calls. Never type-checked here.
 */
export interface TypeScriptOptions {
  /** The operations of the spec the catalog's rules apply to: with them, errors.ts has `OperationErrors`. */
  operations?: readonly SpecOperation[];
}

export function emitTypeScript(catalog: Catalog, banner: string, options: TypeScriptOptions = {}): string {
  const ctx = createContext(catalog);
  // Declarations that register runtime helpers and patterns come before the ones that list them.
  const statements: Statement[] = [
    ...typeDeclarations(ctx),
    ...metaDeclarations(),
    ...constantDeclarations(ctx),
    ...guardDeclarations(ctx),
    tablesDeclaration(ctx),
    ...apiDeclarations(ctx),
    statusErrorsDeclaration(ctx),
    ...clientDeclarations(ctx),
    ...(options.operations === undefined ? [] : operationDeclarations(ctx, options.operations)),
    ...constructorDeclarations(ctx),
  ];
  statements.push(...patternConstants(ctx));
  // Printed straight from the structures: no source file is parsed back from the text.
  const generated = withoutTrailingSpace(printedPieces(statements));
  const runtime = runtimeText(ctx.runtime);
  const header = docBlock(`${banner}\n\n${catalog.info.title} ${catalog.info.version}: error types, guards, classifier, retry helpers and constructors.\nNo runtime dependencies; safe in browsers and Node.`);
  const after = ['// The runtime (src/runtime, inlined): the shapes of the tables above, then what reads them.', runtime.contract, runtime.functions, ''];
  // One join of every piece: the file is made once, not once per step.
  return [`${header}\n/* eslint-disable */\n\n`, ...generated, '\n\n', after.join('\n\n')].join('');
}

/** The pieces of a text without the text's trailing whitespace (what `trimEnd` of their join leaves). */
function withoutTrailingSpace(pieces: string[]): string[] {
  const kept = [...pieces];
  while (kept.length > 0) {
    const last = (kept.pop() as string).trimEnd();
    if (last !== '') {
      kept.push(last);
      break;
    }
  }
  return kept;
}
