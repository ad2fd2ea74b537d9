import sameData from 'fast-deep-equal';
import { diagnostic, FILE_START, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import type { SdkOptions } from '../emit/openapi/sdk.js';
import { depthMessage, resolveLimits, sizeOverflow, type Limits } from '../parse/limits.js';
import { isJsonText, parseSource } from '../parse/parse-document.js';
import { locate, positionOfOffset, type SourceDocument } from '../parse/source-document.js';
import { contentBytes } from '../write/files.js';
import { jsonSplices } from './apply-json.js';
import { yamlSplices } from './apply-yaml.js';
import { applySplices, spliceToChunks, type Splice } from './edit-groups.js';
import { countKeys, scanJson } from './json-outline.js';
import { countDecisions, describeDecision, planMerge, specVersion, type MergeCounts } from './plan.js';
import { applyEdits, isMapping } from './spec-data.js';
import { decodeSpecText, isWellFormed, readableText } from './spec-text.js';
import { documentOutline } from './yaml-document-outline.js';
import { readYamlEvents } from './yaml-events.js';
import type { YamlOutline } from './yaml-layout.js';
import { mergeWarnings } from './warnings.js';

export interface MergeResult {
  /**
   * The merged spec as the bytes to write: UTF-8, with the spec's byte-order mark and any bytes
   * that were not UTF-8 kept. Absent when anything failed, so the spec is never touched.
   * Assembled from `chunks` when first read.
   */
  bytes?: Uint8Array;
  /**
   * The same bytes in pieces, in order, as `writeFilesAtomically` writes them: where the spec is
   * kept, views of `MergeOptions.bytes` (13 MB of fresh memory to copy them into costs as much as
   * the merge). Present with `bytes`.
   */
  chunks?: readonly Uint8Array[];
  /** The same as text (decoded from `bytes` when first read: assembling 13 MB of text costs as much as the merge). */
  text?: string;
  diagnostics: Diagnostic[];
  /** User responses kept or replaced. */
  notes: string[];
  /** What the merge changed; present with `text`. */
  counts?: MergeCounts;
}

export interface MergeOptions {
  /** Read the merged text back and validate it with swagger-parser (default true). */
  validate?: boolean;
  /** Limits over the defaults and the environment (see src/parse/limits.ts). */
  limits?: Partial<Limits>;
  /** SDK generators' extensions to write (`sdk` in the config). */
  sdk?: SdkOptions;
  /** The bytes `text` was decoded from, as read: what the merge keeps is copied from them rather than encoded again. */
  bytes?: Uint8Array;
}

export interface ReadSpec {
  data?: unknown;
  /** For YAML: where its mappings are, to splice at. */
  outline?: YamlOutline;
  /** When the `yaml` package read it: its Document, for located diagnostics. */
  source?: SourceDocument;
  diagnostics: Diagnostic[];
}

/** Where an offset of a text is, as a diagnostic's span. */
const at = (text: string, offset: number): Span => {
  const position = positionOfOffset(text, offset);
  return { start: position, end: position };
};

/**
 * A spec's data, read as cheaply as the format allows: JSON.parse for JSON, js-yaml's event
 * parser for YAML (data and offsets in one pass). When either refuses the text, the `yaml`
 * package reads it, and its diagnostics are located. Nesting and aliases are held to the limits.
 */
export function readSpec(file: string, text: string, limits: Limits = resolveLimits('spec')): ReadSpec {
  if (isJsonText(file, text)) {
    try {
      return { data: JSON.parse(text), diagnostics: [] };
    } catch {
      return parseSource(file, text, { kind: 'spec', limits });
    }
  }
  const events = readYamlEvents(text, limits);
  if (events && 'refused' in events) return { diagnostics: [diagnostic(events.refused.code, events.refused.message, file, at(text, events.refused.offset))] };
  if (events) return { ...events, diagnostics: [] };
  const { source, diagnostics } = parseSource(file, text, { kind: 'spec', limits });
  return source ? { data: source.document.toJS({ maxAliasCount: -1 }), outline: documentOutline(text, source.document), source, diagnostics } : { diagnostics };
}

/** Whether a YAML text may hold an alias (`*name` after a space, bracket, comma, indicator or at a line's start): then its data may share objects. */
const ALIAS = /(^|[\s[{,:-])\*[^\s,\]}]/;

/**
 * Merges a catalog's components into a spec's text and references them from its operations.
 * Only the edited pairs change: a byte-order mark, line endings, numbers as written and bytes
 * that are not UTF-8 (see spec-text.ts) are kept. With `validate` (the default), the merged text
 * is read back, checked to say exactly what was planned, and validated with swagger-parser
 * before it is returned.
 */
export async function mergeSpec(catalog: Catalog, file: string, text: string, options: MergeOptions = {}): Promise<MergeResult> {
  const limits = resolveLimits('spec', options.limits);
  // A UTF-16 unit is one to three bytes: the exact count only when it could matter.
  const tooLarge = sizeOverflow(text.length * 3 <= limits.maxBytes ? text.length : Buffer.byteLength(text), limits, 'spec');
  if (tooLarge !== undefined) return { diagnostics: [diagnostic('too-large', tooLarge, file, FILE_START)], notes: [] };
  // The byte-order mark is kept, out of the parsers' way; stray bytes read as U+FFFD at the same offsets.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  // One scan says whether the text is all UTF-8 (nearly always): then it is already readable, and its bytes encode directly.
  const wellFormed = isWellFormed(body);
  const readable = wellFormed ? body : readableText(body);
  const read = readSpec(file, readable, limits);
  // Positions for diagnostics come from the `yaml` package, parsed only when one is reported.
  let source = read.source;
  const where = (path: readonly (string | number)[], key = false) => {
    source ??= parseSource(file, readable, { kind: 'spec', limits }).source;
    return source ? locate(source, path, { key }) : FILE_START;
  };
  if (!isMapping(read.data)) return { diagnostics: read.diagnostics.length > 0 ? read.diagnostics : parseSource(file, readable, { kind: 'spec', limits }).diagnostics, notes: [] };
  const root = read.data;
  const version = specVersion(root);
  if (version === undefined) {
    const key = 'swagger' in root ? 'swagger' : 'openapi';
    return { diagnostics: [diagnostic('unsupported-spec', `errcat merges into OpenAPI 3.1, 3.0 and Swagger 2.0 specs; this one says ${key}: ${JSON.stringify(root[key] ?? null)}.`, file, where([key]))], notes: [] };
  }
  const plan = planMerge(catalog, root, version, options.sdk ?? {});
  if (plan.misshapen.length > 0) return { diagnostics: plan.misshapen.map((m) => diagnostic('spec-shape', m.message, file, where(m.path))), notes: [] };
  const notes = plan.responses.flatMap((d) => describeDecision(d) ?? []);
  // Read before the edits below change the spec's data in place.
  const warnings = mergeWarnings(catalog, root, plan, file, where);
  if (plan.conflicts.length > 0) {
    return {
      diagnostics: plan.conflicts.map((c) =>
        diagnostic('component-conflict', `The spec already has its own \`${[...c.path, c.key].join('.')}\`, and errcat needs that name; rename the spec's component, or set \`naming.componentPrefix\` in the catalog.`, file, where([...c.path, c.key], true)),
      ),
      notes,
    };
  }
  let splices: Splice[];
  if (read.outline) {
    const spliced = yamlSplices(body, plan.edits, read.outline, root);
    if (!Array.isArray(spliced)) return { diagnostics: [diagnostic(spliced.code, spliced.message, file, at(readable, spliced.offset))], notes };
    splices = spliced;
  } else {
    // JSON: one scan finds the offsets to splice at, and counts keys: when JSON.parse kept fewer
    // (of two equal keys it keeps one, silently), a second scan finds where.
    let scan = scanJson(readable, plan.edits.map((edit) => edit.path), limits.maxDepth);
    if (scan.ok && scan.keys !== countKeys(root)) scan = scanJson(readable, [], limits.maxDepth, { duplicates: true });
    if (!scan.ok) {
      const message =
        scan.problem === 'duplicate-key'
          ? `The key "${scan.key}" appears twice in this object; JSON readers keep only one of them, silently. Keep one and merge their contents.`
          : depthMessage(limits);
      return { diagnostics: [diagnostic(scan.problem, message, file, at(readable, scan.offset))], notes };
    }
    splices = jsonSplices(body, plan.edits, scan.objects, root);
  }
  // The spec's data is not needed as it was from here on: edit it in place (no 13 MB clone),
  // copying only what aliases may share.
  const planned = applyEdits(root, plan.edits, !isJsonText(file, readable) && ALIAS.test(readable));
  let mergedText: string | undefined;
  if (options.validate !== false) {
    mergedText = bom + applySplices(body, splices);
    const readBack = readSpec(file, readableText(mergedText.slice(bom.length)), limits).data;
    // Splicing went wrong if the text does not say what was planned: a bug, never written.
    // (fast-deep-equal: twice as fast as util.isDeepStrictEqual on 13 MB; the data has no cycles, aliases being expanded.)
    if (!sameData(readBack, planned)) throw new Error(`errcat bug: the merged ${file} does not read back as planned; nothing was written`);
    try {
      // Loaded here: a merge without validation, or refused before it, does not pay for it.
      const { validateOpenApi } = await import('./validate-openapi.js');
      await validateOpenApi(readBack as Record<string, unknown>);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 4).join(' ');
      return { diagnostics: [diagnostic('spec-invalid', `After merging, the spec is not valid, so nothing was written: ${message}`, file, FILE_START)], notes };
    }
  }
  const chunks = spliceToChunks(body, splices, bom, wellFormed, options.bytes);
  const result: MergeResult = { chunks, diagnostics: warnings, notes, counts: countDecisions(plan.responses) };
  let bytes: Uint8Array | undefined;
  const assembled = () => (bytes ??= contentBytes(chunks));
  Object.defineProperty(result, 'bytes', { enumerable: true, configurable: true, get: assembled });
  Object.defineProperty(result, 'text', { enumerable: true, configurable: true, get: () => (mergedText ??= decodeSpecText(assembled())) });
  return result;
}
