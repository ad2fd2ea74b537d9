import { isDeepStrictEqual } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import type { SdkOptions } from '../emit/openapi/sdk.js';
import { isJsonText, parseSource } from '../parse/parse-document.js';
import { locate, type SourceDocument } from '../parse/source-document.js';
import { formatLike } from './format-json.js';
import { applyToYaml } from './apply-yaml.js';
import { countDecisions, describeDecision, planMerge, specVersion, type MergeCounts } from './plan.js';
import { applyEdits, isMapping } from './spec-data.js';
import { documentOutline } from './yaml-document-outline.js';
import { readYamlEvents } from './yaml-events.js';
import type { YamlOutline } from './yaml-layout.js';
import { mergeWarnings } from './warnings.js';

export interface MergeResult {
  /** The merged spec; absent when anything failed, so the spec is never touched. */
  text?: string;
  diagnostics: Diagnostic[];
  /** User responses kept or replaced. */
  notes: string[];
  /** What the merge changed; present with `text`. */
  counts?: MergeCounts;
}

export interface ReadSpec {
  data?: unknown;
  /** For YAML: where its mappings are, to splice at. */
  outline?: YamlOutline;
  /** When the `yaml` package read it: its Document, for located diagnostics. */
  source?: SourceDocument;
  diagnostics: Diagnostic[];
}

/**
 * A spec's data, read as cheaply as the format allows: JSON.parse for JSON, js-yaml's event
 * parser for YAML (data and offsets in one pass). When either refuses the text, the `yaml`
 * package reads it, and its diagnostics are located.
 */
export function readSpec(file: string, text: string): ReadSpec {
  if (isJsonText(file, text)) {
    try {
      return { data: JSON.parse(text), diagnostics: [] };
    } catch {
      return parseSource(file, text);
    }
  }
  const events = readYamlEvents(text);
  if (events) return { ...events, diagnostics: [] };
  const { source, diagnostics } = parseSource(file, text);
  return source ? { data: source.document.toJS({ maxAliasCount: -1 }), outline: documentOutline(text, source.document), source, diagnostics } : { diagnostics };
}

/**
 * Merges a catalog's components into a spec's text and references them from its operations.
 * With `validate` (the default), the merged text is read back, checked to say exactly what was
 * planned, and validated with swagger-parser before it is returned.
 */
export async function mergeSpec(catalog: Catalog, file: string, text: string, options: { validate?: boolean; sdk?: SdkOptions } = {}): Promise<MergeResult> {
  const read = readSpec(file, text);
  // Positions for diagnostics come from the `yaml` package, parsed only when one is reported.
  let source = read.source;
  const where = (path: readonly (string | number)[], key = false) => {
    source ??= parseSource(file, text).source;
    return source ? locate(source, path, { key }) : FILE_START;
  };
  if (!isMapping(read.data)) return { diagnostics: read.diagnostics.length > 0 ? read.diagnostics : parseSource(file, text).diagnostics, notes: [] };
  const root = read.data;
  const version = specVersion(root);
  if (version === undefined) {
    const key = 'swagger' in root ? 'swagger' : 'openapi';
    return { diagnostics: [diagnostic('unsupported-spec', `errcat merges into OpenAPI 3.1, 3.0 and Swagger 2.0 specs; this one says ${key}: ${JSON.stringify(root[key] ?? null)}.`, file, where([key]))], notes: [] };
  }
  const plan = planMerge(catalog, root, version, options.sdk ?? {});
  const notes = plan.responses.flatMap((d) => describeDecision(d) ?? []);
  if (plan.conflicts.length > 0) {
    return {
      diagnostics: plan.conflicts.map((c) =>
        diagnostic('component-conflict', `The spec already has its own \`${[...c.path, c.key].join('.')}\`, and errcat needs that name; rename the spec's component, or set \`naming.componentPrefix\` in the catalog.`, file, where([...c.path, c.key], true)),
      ),
      notes,
    };
  }
  const spliced = read.outline && applyToYaml(text, plan.edits, read.outline, root);
  // The spec's data is not needed as it was from here on: edit it in place (no 13 MB clone).
  const planned = applyEdits(root, plan.edits);
  const merged = spliced ?? formatLike(text, planned);
  if (options.validate !== false) {
    const readBack = readSpec(file, merged).data;
    // Splicing went wrong if the text does not say what was planned: a bug, never written.
    if (!isDeepStrictEqual(readBack, planned)) throw new Error(`errcat bug: the merged ${file} does not read back as planned; nothing was written`);
    try {
      await SwaggerParser.validate(readBack as never, { resolve: { external: false } });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 4).join(' ');
      return { diagnostics: [diagnostic('spec-invalid', `After merging, the spec is not valid, so nothing was written: ${message}`, file, FILE_START)], notes };
    }
  }
  return { text: merged, diagnostics: mergeWarnings(catalog, root, plan, file, where), notes, counts: countDecisions(plan.responses) };
}
