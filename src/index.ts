/**
 * errcat's public API. The CLI is a thin layer over these functions.
 *
 *   import { loadCatalog, generate, merge, loadTemplates, writeFilesAtomically } from 'errcat';
 */
export { loadCatalog, loadCatalogText, type LoadResult } from './load.js';
export { generate, type GenerateOptions } from './generate.js';
export { openApiDocument, openApiComponents, ComponentNames, type OpenApiVersion, type OpenApiDocument } from './emit/openapi/index.js';
export { emitTypeScript } from './emit/typescript/index.js';
export { renderDocs, TemplateError, type TemplateSet } from './emit/docs/render.js';
export { loadTemplates, DEFAULT_TEMPLATES_DIR } from './project/templates.js';
export { loadConfig, findConfig, type ProjectConfig, type Target } from './project/config.js';
export { defineConfig, type ErrcatConfig, type TargetSettings } from './project/define-config.js';
export { planProject, type Plan } from './project/plan.js';
export { compareWithDisk, type OutputState } from './project/check.js';
export { mergeSpec as merge, mergeSpec, type MergeResult } from './merge/merge.js';
export { planMerge, type Edit, type MergeCounts, type MergePlan, type ResponseDecision } from './merge/plan.js';
export { attachedStatuses, listOperations, type AttachedStatus, type SpecOperation } from './merge/operations.js';
export { writeFilesAtomically, type OutputFile, type WrittenFile } from './write/files.js';
export { serialize, type DataFormat } from './write/serialize.js';
export { formatDiagnostic, summarizeDiagnostics } from './diagnostics/format.js';
export { formatDiagnostics, REPORT_FORMATS, type ReportFormat } from './diagnostics/formats.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './diagnostics/codes.js';
export type { Diagnostic, Position, RelatedLocation } from './diagnostics/diagnostic.js';
export type * from './model/catalog.js';
