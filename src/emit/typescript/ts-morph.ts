import { createRequire } from 'node:module';

/**
 * ts-morph, required rather than imported: an ESM import of this CommonJS package first scans
 * its source and TypeScript's for export names (cjs-module-lexer), about a third of its load.
 * Types come from `import type { … } from 'ts-morph'` as usual.
 */
const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { printStructure, StructureKind, VariableDeclarationKind, ts } = tsMorph;
