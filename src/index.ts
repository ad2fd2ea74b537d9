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
export { defineConfig, type ErrcatConfig, type TargetSettings } from './project/define-config.js';
export { planProject, type Plan } from './project/plan.js';
export { compareWithDisk, type OutputState } from './project/check.js';
export { mergeSpec as merge, mergeSpec, type MergeResult, type MergeOptions } from './merge/merge.js';
export { mergeFile, type MergeFileOptions, type MergeFileResult } from './merge/merge-file.js';
export { planMerge, type Edit, type MergeCounts, type MergePlan, type ResponseDecision } from './merge/plan.js';
export { attachedStatuses, listOperations, type AttachedStatus, type SpecOperation } from './merge/operations.js';
export { writeFilesAtomically, type OutputFile, type WrittenFile, type WriteOptions, type WriteResult } from './write/files.js';
export { serialize, type DataFormat } from './write/serialize.js';
export { formatDiagnostic, summarizeDiagnostics } from './diagnostics/format.js';
export { formatDiagnostics, REPORT_FORMATS, type ReportFormat } from './diagnostics/formats.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './diagnostics/codes.js';
export type { Diagnostic, Position, RelatedLocation } from './diagnostics/diagnostic.js';
export { diffCatalogs, type DiffOptions } from './diff/diff.js';
export { readContract, readSpecData, diffContracts, type Contract } from './diff/contract.js';
export { FINDING_KINDS, IMPACTS, type FindingKind, type Impact } from './diff/kinds.js';
export { impactOf, type Finding } from './diff/finding.js';
export { catalogLocator, locateFindings, type PathLocator } from './diff/locate.js';
export { formatReport, jsonReport, DIFF_FORMATS, type DiffFormat } from './diff/report.js';
export { operationAttachments, ruleAttachments } from './diff/operations.js';
export { importSpec, type ImportResult } from './import/import.js';
export type * from './model/catalog.js';
