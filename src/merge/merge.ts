import SwaggerParser from '@apidevtools/swagger-parser';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { isJsonText, parseSource } from '../parse/parse-document.js';
import { locate, type SourceDocument } from '../parse/source-document.js';
import { applyEdits, applyToJson } from './apply-json.js';
import { applyToYaml } from './apply-yaml.js';
import { planMerge, specVersion } from './plan.js';

export interface MergeResult {
  /** The merged spec; absent when anything failed, so the spec is never touched. */
  text?: string;
  diagnostics: Diagnostic[];
  /** User responses kept or replaced. */
  notes: string[];
}

/**
 * Merges a catalog's components into a spec's text and references them from its operations.
 * The result is validated with swagger-parser before it is returned.
 */
export async function mergeSpec(catalog: Catalog, file: string, text: string, options: { validate?: boolean } = {}): Promise<MergeResult> {
  const json = isJsonText(file, text);
  // JSON goes through JSON.parse (fast on a 10 MB spec); positions are parsed only when a
  // diagnostic needs them. YAML is parsed once, for the data and for splicing.
  let source: SourceDocument | undefined;
  const located = (): SourceDocument | undefined => (source ??= parseSource(file, text).source);
  let spec: unknown;
  if (json) {
    try {
      spec = JSON.parse(text);
    } catch {
      spec = undefined;
    }
  } else {
    source = parseSource(file, text).source;
    spec = source?.document.toJS({ maxAliasCount: -1 });
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return { diagnostics: parseSource(file, text).diagnostics, notes: [] };
  const root = spec as Record<string, unknown>;
  const where = (path: readonly (string | number)[], key = false) => {
    const s = located();
    return s ? locate(s, path, { key }) : FILE_START;
  };
  const version = specVersion(root);
  if (version === undefined) {
    const key = 'swagger' in root ? 'swagger' : 'openapi';
    return { diagnostics: [diagnostic('unsupported-spec', `errcat merges into OpenAPI 3.1, 3.0 and Swagger 2.0 specs; this one says ${key}: ${JSON.stringify(root[key] ?? null)}.`, file, where([key]))], notes: [] };
  }
  const plan = planMerge(catalog, root, version);
  if (plan.conflicts.length > 0) {
    return {
      diagnostics: plan.conflicts.map((c) =>
        diagnostic('component-conflict', `The spec already has its own \`${[...c.path, c.key].join('.')}\`, and errcat needs that name; rename the spec's component, or set \`naming.componentPrefix\` in the catalog.`, file, where([...c.path, c.key], true)),
      ),
      notes: plan.notes,
    };
  }
  const merged = json ? applyToJson(text, plan.edits, structuredClone(root)) : applyToYaml(text, plan.edits, source?.document);
  if (options.validate !== false) {
    try {
      // The edited data is what the merged text says (the splice tests check it); validate that.
      await SwaggerParser.validate(applyEdits(root, plan.edits) as never, { resolve: { external: false } });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 4).join(' ');
      return { diagnostics: [diagnostic('spec-invalid', `After merging, the spec is not valid, so nothing was written: ${message}`, file, FILE_START)], notes: plan.notes };
    }
  }
  return { text: merged, diagnostics: [], notes: plan.notes };
}
