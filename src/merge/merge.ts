import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { isJsonText, parseSource } from '../parse/parse-document.js';
import { locate } from '../parse/source-document.js';
import { applyToJson } from './apply-json.js';
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
  const parsed = parseSource(file, text);
  if (!parsed.source) return { diagnostics: parsed.diagnostics, notes: [] };
  const source = parsed.source;
  const json = isJsonText(file, text);
  const spec = (json ? JSON.parse(text) : source.document.toJS({ maxAliasCount: -1 })) as Record<string, unknown>;
  const version = specVersion(spec);
  if (version === undefined) {
    const key = 'swagger' in spec ? 'swagger' : 'openapi';
    return { diagnostics: [diagnostic('unsupported-spec', `errcat merges into OpenAPI 3.1, 3.0 and Swagger 2.0 specs; this one says ${key}: ${JSON.stringify(spec[key] ?? null)}.`, file, locate(source, [key]))], notes: [] };
  }
  const plan = planMerge(catalog, spec, version);
  if (plan.conflicts.length > 0) {
    return {
      diagnostics: plan.conflicts.map((c) =>
        diagnostic('component-conflict', `The spec already has its own \`${[...c.path, c.key].join('.')}\`, and errcat needs that name; rename the spec's component, or set \`naming.componentPrefix\` in the catalog.`, file, locate(source, [...c.path, c.key], { key: true })),
      ),
      notes: plan.notes,
    };
  }
  const merged = json ? applyToJson(text, plan.edits) : applyToYaml(text, plan.edits);
  if (options.validate !== false) {
    try {
      const value = json ? JSON.parse(merged) : parse(merged, { maxAliasCount: -1 });
      await SwaggerParser.validate(value as never, { resolve: { external: false } });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 4).join(' ');
      return { diagnostics: [diagnostic('spec-invalid', `After merging, the spec is not valid, so nothing was written: ${message}`, file, FILE_START)], notes: plan.notes };
    }
  }
  return { text: merged, diagnostics: [], notes: plan.notes };
}
