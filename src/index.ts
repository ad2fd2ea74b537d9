/**
 * errcat's public API. The CLI is a thin layer over these functions.
 *
 *   import { loadCatalog, generate, merge, loadTemplates, writeFilesAtomically } from 'errcat';
 */
export { loadCatalog, loadCatalogText, type LoadResult, type LoadOptions } from './load.js';
export { DEFAULT_LIMITS, LIMIT_VARIABLES, resolveLimits, type Limits } from './parse/limits.js';
export { generate, type GenerateOptions, type GeneratedFile } from './generate.js';
export { openApiDocument, openApiComponents, ComponentNames, type OpenApiVersion, type OpenApiDocument } from './emit/openapi/index.js';
export { emitTypeScript } from './emit/typescript/index.js';
export { renderDocs, TemplateError, type TemplateSet } from './emit/docs/render.js';
export { loadTemplates, DEFAULT_TEMPLATES_DIR } from './project/templates.js';
export { loadConfig, findConfig, type ProjectConfig, type Target } from './project/config.js';
export { planProject, type Plan } from './project/plan.js';
export { mergeSpec as merge, mergeSpec, type MergeResult, type MergeOptions } from './merge/merge.js';
export { mergeFile, type MergeFileOptions, type MergeFileResult } from './merge/merge-file.js';
export { planMerge, type Edit, type MergePlan } from './merge/plan.js';
export { attachedStatuses, listOperations, type AttachedStatus, type SpecOperation } from './merge/operations.js';
export { writeFilesAtomically, type OutputFile, type WrittenFile, type WriteOptions, type WriteResult } from './write/files.js';
export { serialize, type DataFormat } from './write/serialize.js';
export { formatDiagnostic, summarizeDiagnostics } from './diagnostics/format.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './diagnostics/codes.js';
export type { Diagnostic, Position } from './diagnostics/diagnostic.js';
export type * from './model/catalog.js';
