import { readFile } from 'node:fs/promises';
import type { SpecOperation } from '../merge/operations.js';
import { displayPath } from './display-path.js';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCatalog } from '../load.js';
import { contentBytes, type OutputFile } from '../write/files.js';
import type { ProjectConfig, Target } from './config.js';
import { cacheEntry, cachedOutputs, targetKey, type SkippedTarget } from './skip-cache.js';
import { loadTemplates } from './templates.js';

export interface Plan {
  /** Every file to write; empty when anything failed, so nothing is ever half-written. */
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** File texts by path (as the diagnostics name them), for code frames. */
  texts: Map<string, string>;
  catalogs: number;
  /** Targets not generated: their inputs and outputs are as the last run left them (skip cache). */
  skipped: SkippedTarget[];
  /** The skip-cache entries of the targets generated; to write once their outputs are written. */
  cacheEntries: OutputFile[];
}

export interface PlanOptions {
  /** Skip targets whose inputs and outputs are unchanged since the last run (default true). */
  cache?: boolean;
}

/** The merge code, loaded only by a project that merges or reads operations from a spec. */
async function mergeModules() {
  const [{ mergeSpec }, { specOperations }, { readSpecFile }, { decodeSpecText }] = await Promise.all([
    import('../merge/merge.js'),
    import('../merge/operations.js'),
    import('../merge/spec-file.js'),
    import('../merge/spec-text.js'),
  ]);
  return { mergeSpec, specOperations, readSpecFile, decodeSpecText };
}

/**
 * Loads every catalog of a project and builds every output in memory. Writing is the caller's
 * job, and only when the plan has no errors: a catalog that fails late leaves all outputs as
 * they were.
 */
export async function planProject(config: ProjectConfig, onProgress?: (done: number, total: number, target: Target) => void, options: PlanOptions = {}): Promise<Plan> {
  const plan: Plan = { files: [], diagnostics: [], texts: new Map(), catalogs: config.targets.length, skipped: [], cacheEntries: [] };
  const { templates, paths } = await loadTemplates(config.templates);
  const files: OutputFile[] = [];
  /** Merged specs by output path: a later merge into the same spec starts from the earlier one's result. */
  const merged = new Map<string, OutputFile & { content: readonly Uint8Array[] }>();
  for (const [i, target] of config.targets.entries()) {
    onProgress?.(i, config.targets.length, target);
    const key = options.cache === false ? undefined : await targetKey(config, target, templates);
    const cached = key === undefined ? undefined : await cachedOutputs(config, target, key);
    if (cached) {
      plan.skipped.push({ target, outputs: cached });
      continue;
    }
    const result = await loadCatalog(target.catalog);
    if (result.text !== undefined) plan.texts.set(target.catalog, result.text);
    plan.diagnostics.push(...result.diagnostics);
    if (result.missing) {
      plan.diagnostics.push(diagnostic('catalog-not-found', `${displayPath(target.catalog)} does not exist.`, config.file, FILE_START));
      continue;
    }
    if (!result.catalog) continue;
    // The operations errors.ts types: those of the target's specs, read once each.
    let operations: SpecOperation[] | undefined;
    if (target.typescript && target.typescript.operations.length > 0) {
      const { specOperations } = await mergeModules();
      operations = [];
      for (const spec of target.typescript.operations) {
        const text = await readFile(spec, 'utf8').catch(() => undefined);
        if (text === undefined) {
          plan.diagnostics.push(diagnostic('catalog-not-found', `The spec to read operations from, ${displayPath(spec)}, does not exist.`, config.file, FILE_START));
          continue;
        }
        operations.push(...specOperations(spec, text));
      }
    }
    // The emitters (ts-morph, Handlebars) load with the first target that is not skipped.
    const [{ generate }, { TemplateError }] = await Promise.all([import('../generate.js'), import('../emit/docs/render.js')]);
    const targetFiles: OutputFile[] = [];
    const diagnosticsBefore = plan.diagnostics.length;
    try {
      targetFiles.push(
        ...generate(result.catalog, {
          ...(operations === undefined ? {} : { operations }),
          ...(target.mocks ? { mocks: target.mocks.file } : {}),
          sdk: target.sdk,
          outDir: target.outDir,
          ...(target.openapi ? { openapi: target.openapi.version } : {}),
          files: {
            openapi: target.openapi ? target.openapi.file : false,
            typescript: target.typescript ? target.typescript.file : false,
            docs: target.docs ? target.docs.file : false,
          },
          ...(target.docs && target.docs.pages !== undefined ? { docsPages: target.docs.pages } : {}),
          templates,
        }),
      );
      files.push(...targetFiles);
      for (const into of target.merge) {
        const { mergeSpec, readSpecFile, decodeSpecText } = await mergeModules();
        const earlier = merged.get(into.spec);
        const earlierBytes = earlier ? contentBytes(earlier.content) : undefined;
        const read = earlierBytes ? { bytes: earlierBytes, text: decodeSpecText(earlierBytes) } : await readSpecFile(into.spec);
        if ('missing' in read) {
          plan.diagnostics.push(diagnostic('catalog-not-found', `The spec to merge into, ${displayPath(into.spec)}, does not exist.`, config.file, FILE_START));
          continue;
        }
        if ('diagnostic' in read) {
          plan.diagnostics.push(read.diagnostic);
          continue;
        }
        const mergeResult = await mergeSpec(result.catalog, into.spec, read.text, { sdk: target.sdk, bytes: read.bytes });
        plan.texts.set(into.spec, read.text);
        plan.diagnostics.push(...mergeResult.diagnostics);
        if (mergeResult.chunks === undefined) continue;
        // In place, the spec is written only if it still holds what was read (the first read, for a chain).
        const expected = into.out === into.spec ? (earlier ? earlier.expected : read.bytes) : undefined;
        const output = { path: into.out, content: mergeResult.chunks, ...(expected ? { expected } : {}) };
        merged.set(into.out, output);
        targetFiles.push(output);
      }
      // Only a target without any diagnostic is remembered: a warning is reported on every run.
      if (key !== undefined && plan.diagnostics.length === diagnosticsBefore && result.diagnostics.length === 0) plan.cacheEntries.push(cacheEntry(config, target, key, targetFiles));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const file = paths[error.template] ?? error.template;
      const at = { line: error.line, column: error.column };
      plan.diagnostics.push(diagnostic('template-error', `${error.message}; fix the template.`, file, { start: at, end: at }));
    }
  }
  plan.files = plan.diagnostics.some((d) => d.severity === 'error') ? [] : [...files, ...merged.values()];
  return plan;
}
