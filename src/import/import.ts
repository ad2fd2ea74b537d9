import { basename } from 'node:path';
import { diagnostic, FILE_START, hasErrors, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { PathLocator } from '../diff/locate.js';
import { readSpec } from '../merge/merge.js';
import { attachedStatuses, type SpecOperation } from '../merge/operations.js';
import { specVersion } from '../merge/plan.js';
import { isMapping, mappingAt, type SpecMapping } from '../merge/spec-data.js';
import type { Catalog } from '../model/catalog.js';
import { entryOf } from '../model/values.js';
import { loadCatalogModel, loadCatalogText } from '../load.js';
import { ImportContext, pathKey } from './context.js';
import { chooseEnvelope, fitsEnvelope, readBody, type BodyShape } from './envelope.js';
import { findErrcatOutput } from './errcat.js';
import { readForeign } from './foreign.js';
import { readErrcatOutput } from './from-errcat.js';
import { unitCode, type Attachment, type ImportModel } from './model.js';
import { collectResponses, type ErrorResponse } from './responses.js';
import { compressRules, unifyIndistinct } from './rules.js';
import { Spec } from './spec.js';
import { adjustNames, choosePrefix, codeStyle } from './naming.js';
import { render } from './render.js';
import { dropExamples, mendSamples, nameExamples, requiredFields } from './examples.js';

export interface ImportResult {
  /** The catalog read back from the text written; absent when nothing could be imported. */
  catalog?: Catalog;
  /** The catalog as YAML, with comments where import guessed. */
  text?: string;
  diagnostics: Diagnostic[];
  /** The spec's data, for attaching the catalog's rules to its operations. */
  spec?: SpecMapping;
  /** Where in the spec a path of the catalog was read from. */
  locate: PathLocator;
}


/**
 * A catalog drafted from a spec's error responses (4xx, 5xx, `default`). errcat's own output is
 * read back exactly from its `x-errcat-*` extensions; any other spec is inferred: the envelope,
 * the code field and codes, shared and per-code fields, headers, examples, and the operation
 * rules, with a diagnostic (and a comment in the catalog) for each guess and for what it could
 * not read. The text is loaded before it is returned: a catalog that does not load is an errcat
 * bug, thrown. `data`: the spec already parsed from `text`.
 */
export function importSpec(file: string, text: string, options: { catalogFile?: string; data?: unknown } = {}): ImportResult {
  const catalogFile = options.catalogFile ?? `${basename(file).replace(/\.(ya?ml|json)$/i, '')}.errors.yaml`;
  const nowhere: PathLocator = () => undefined;
  const read = options.data === undefined ? readSpec(file, text) : { data: options.data, diagnostics: [] };
  if (!isMapping(read.data)) return { diagnostics: read.diagnostics, locate: nowhere };
  const data = read.data;
  const version = specVersion(data);
  if (version === undefined) {
    const key = 'swagger' in data ? 'swagger' : 'openapi';
    return { diagnostics: [diagnostic('unsupported-spec', `errcat imports OpenAPI 3.1, 3.0 and Swagger 2.0 specs; this one says ${key}: ${JSON.stringify(data[key] ?? null)}.`, file, FILE_START)], locate: nowhere };
  }
  const spec = new Spec(file, text, data, version);
  const ctx = new ImportContext(spec);
  const locate: PathLocator = (path) => {
    for (let n = path.length; n > 0; n--) {
      const from = ctx.provenance.get(pathKey(path.slice(0, n)));
      if (from) {
        const { start } = spec.spansOf([from])[0] as Span;
        return { file, line: start.line, column: start.column };
      }
    }
    return undefined;
  };
  const { output, titles } = findErrcatOutput(spec);
  if (titles.length > 1) ctx.report('import-guess', `The spec holds the errors of ${titles.length} catalogs (${titles.join(', ')}); import reads the first.`, ['x-errcat']);
  const collected = collectResponses(ctx, output ? { owned: (name) => output.responses.get(name) } : {});

  // Bodies and their envelope; responses without a JSON body, or with another envelope, stay the spec's own.
  const shapes: { response: ErrorResponse; shape: BodyShape }[] = [];
  const bodiless = new Map<number, ErrorResponse[]>();
  for (const response of collected.responses) {
    const shape = readBody(ctx, response);
    if (shape) shapes.push({ response, shape });
    else bodiless.set(response.status, [...(bodiless.get(response.status) ?? []), response]);
  }
  for (const [status, responses] of bodiless) {
    const first = responses[0] as ErrorResponse;
    const what = first.body ? 'a body that is not a JSON object or array of objects' : 'no JSON body';
    ctx.report('import-no-body', `${responses.length} ${status} response${responses.length === 1 ? ' has' : 's have'} ${what}; the catalog leaves ${responses.length === 1 ? 'it' : 'them'} to the spec.`, first.body?.path ?? first.path);
  }
  const envelope = chooseEnvelope(shapes.map((s) => s.shape));
  const included = envelope ? shapes.filter((s) => fitsEnvelope(s.shape, envelope)) : [];
  for (const { response, shape } of shapes.filter((s) => !included.includes(s))) {
    ctx.report('import-mixed-envelope', `This ${response.status} body is a ${shape.kind} envelope${shape.key ? ` under \`${shape.key}\`` : ''}, most error bodies a ${envelope?.kind} one${envelope?.key ? ` under \`${envelope.key}\`` : ''}; the catalog leaves it to the spec.`, response.body?.path ?? response.path);
  }
  if (!envelope || included.length === 0) {
    ctx.report('import-no-errors', 'No 4xx, 5xx or `default` response has a JSON body to import; document the error bodies (a schema under `content`), then import again.', collected.responses[0]?.path ?? ['paths']);
    return { diagnostics: ctx.diagnostics(), locate, spec: data };
  }

  const info = mappingAt(data, ['info']) ?? {};
  const model: ImportModel = output
    ? readErrcatOutput(ctx, output, included, collected.uses, collected.operations, envelope)
    : readForeign(ctx, included, collected.uses, envelope, choosePrefix(data, String(info['title'] ?? '')));
  model.info = {
    title: model.info.title || (typeof info['title'] === 'string' && info['title'].trim() !== '' ? info['title'] : 'Imported API'),
    version: info['version'] === undefined || info['version'] === null || String(info['version']) === '' ? '1.0.0' : String(info['version']),
  };
  if (!output) {
    ctx.comment(['envelope'], `Read from ${included.length} error response${included.length === 1 ? '' : 's'} of ${basename(file)}: check the kind, the code level and the message.`);
  }
  for (const group of unifyIndistinct(model.attachments, collected.operations)) {
    const names = group.map((op) => `${op.method.toUpperCase()} ${op.path}`);
    ctx.report('import-operations-merged', `No rule tells ${names.join(' and ')} apart (the same path to errcat's matcher, and no operationId on each); the catalog gives them the same error responses. Give each an operationId to keep them apart.`, ['paths', group[0]?.path ?? '']);
  }
  const rules = compressRules(model.attachments, collected.operations);
  adjustNames(ctx, model);
  const style = codeStyle(model);
  if (style !== undefined) model.naming.codeStyle = style;

  // A required field's derived sample that might not fit is checked (and mended) on a model read
  // with every field optional. Then the catalog with every example the spec gives: loading it
  // checks them, and the ones that do not fit (or say no more than errcat derives) go. The text
  // written last must load.
  const required = requiredFields(model);
  nameExamples(model);
  if (required.shared.size + [...required.own.values()].reduce((n, s) => n + s.size, 0) > 0) {
    mendSamples(ctx, model, loaded(loadCatalogModel(catalogFile, render(ctx, file, model, rules, { relaxed: true }))), required);
  }
  let finalText = render(ctx, file, model, rules, { examples: true });
  let catalog: Catalog | undefined;
  if (model.entries.some((e) => e.examples.length > 0)) {
    const draft = loadCatalogModel(catalogFile, finalText);
    const changed = dropExamples(ctx, model, finalText, loaded(draft), draft.diagnostics);
    if (changed) finalText = render(ctx, file, model, rules, { examples: true });
    else if (!hasErrors(draft.diagnostics)) catalog = draft.catalog;
  }
  catalog ??= load(catalogFile, finalText);
  checkRules(catalog, model.attachments, collected.operations);
  return { catalog, text: finalText, diagnostics: ctx.diagnostics(), spec: data, locate };
}

/** Loads text import wrote; anything but a catalog is an errcat bug. */
function load(file: string, text: string): Catalog {
  return loaded(loadCatalogText(file, text));
}

function loaded(result: { catalog?: Catalog; diagnostics: Diagnostic[] }): Catalog {
  if (!result.catalog) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.start.line}:${d.start.column} ${d.code}: ${d.message}`);
    throw new Error(`errcat bug: import wrote a catalog that does not load:\n${errors.slice(0, 10).join('\n')}`);
  }
  return result.catalog;
}

/** The written rules must give each operation exactly the statuses the spec shows; anything else is an errcat bug. */
function checkRules(catalog: Catalog, attachments: ReadonlyMap<SpecOperation, ReadonlySet<Attachment>>, operations: readonly SpecOperation[]): void {
  for (const op of operations) {
    const wanted = new Set<number>();
    for (const unit of attachments.get(op) ?? []) {
      if (typeof unit === 'number') wanted.add(unit);
      else for (const status of entryOf(catalog, unitCode(unit))?.statuses ?? []) wanted.add(status);
    }
    const want = [...wanted].sort((a, b) => a - b).join(',');
    const have = attachedStatuses(catalog, op).map((a) => a.status).join(',');
    if (want !== have) throw new Error(`errcat bug: the imported rules give ${op.method.toUpperCase()} ${op.path} statuses [${have}], the spec [${want}]`);
  }
}
