import { basename } from 'node:path';
import { diagnostic, FILE_START, hasErrors, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { parseSource } from '../parse/parse-document.js';
import { locate } from '../parse/source-document.js';
import type { PathLocator } from '../diff/locate.js';
import { readSpec } from '../merge/merge.js';
import { attachedStatuses, type SpecOperation } from '../merge/operations.js';
import { specVersion } from '../merge/plan.js';
import { isMapping, mappingAt, type SpecMapping } from '../merge/spec-data.js';
import type { Catalog, CodeStyle, FieldShape, PathSegment } from '../model/catalog.js';
import { sampleValue } from '../model/examples.js';
import { createBodyValidator, validationSchemas } from '../model/json-schema-validator.js';
import { isStructuralName } from '../model/names.js';
import { matchesStyle, pascalName, words } from '../model/naming.js';
import { defineOwn } from '../model/own.js';
import { loadCatalogModel, loadCatalogText } from '../load.js';
import type { RawField, RawFieldShape } from '../normalize/raw.js';
import { ImportContext, pathKey } from './context.js';
import { chooseEnvelope, fitsEnvelope, readBody, type BodyShape } from './envelope.js';
import { findErrcatOutput } from './errcat.js';
import { readForeign } from './foreign.js';
import { readErrcatOutput } from './from-errcat.js';
import type { ImportedEntry, ImportModel } from './model.js';
import { collectResponses, type ErrorResponse } from './responses.js';
import { compressRules, unifyIndistinct } from './rules.js';
import { Spec } from './spec.js';
import { deriveEntryExample } from '../resolve/examples.js';
import { writeCatalogYaml } from './write.js';

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

const STYLES: readonly CodeStyle[] = ['snake_case', 'UPPER_SNAKE_CASE', 'kebab-case', 'camelCase', 'PascalCase', 'dot.case'];
const CONSTRAINTS = ['pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

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

/** A component prefix no component of the spec starts with, from the API's title. */
function choosePrefix(data: SpecMapping, title: string): string {
  const sections = [['components', 'schemas'], ['components', 'responses'], ['components', 'headers'], ['components', 'examples'], ['definitions'], ['responses']];
  const names = sections.flatMap((s) => Object.keys(mappingAt(data, s) ?? {}));
  const base = words(title)
    .filter((w) => !['api', 'the', 'rest', 'v1', 'v2', 'v3'].includes(w))
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
    .replace(/^[^A-Za-z]+/, '');
  for (const prefix of [base, `${base}Errors`, 'Errcat', ...Array.from({ length: 20 }, (_, i) => `Errcat${i + 2}`)]) {
    if (prefix !== '' && /^[A-Za-z][A-Za-z0-9]*$/.test(prefix) && !names.some((n) => n.startsWith(prefix))) return prefix;
  }
  return 'Errcat';
}

/** Entry names TypeScript can use: unique, not errcat's own, not a named type's. */
function adjustNames(ctx: ImportContext, model: ImportModel): void {
  const suffix = model.naming.typeSuffix ?? 'Error';
  const taken = new Set(Object.keys(model.types));
  for (const entry of model.entries) {
    const base = entry.raw.name ?? pascalName(entry.key);
    let name = base;
    for (let i = 2; isStructuralName(name + suffix) || taken.has(name + suffix) || taken.has(name); i++) name = `${base}${i}`;
    if (name !== base) {
      entry.raw.name = name;
      ctx.report('import-name-adjusted', `\`${entry.key}\` would be named \`${base}${suffix}\` in TypeScript, a name that is taken; the catalog names it \`${name}\`.`, entry.path);
    }
    taken.add(name + suffix);
  }
}

/** The naming style every string code follows, when they all follow one. */
function codeStyle(model: ImportModel): CodeStyle | undefined {
  const levels = model.envelope.levels;
  if (levels === undefined || model.envelope.kind === 'codeless') return undefined;
  const codes = model.entries.filter((e) => !e.raw.codeless).map((e) => e.raw.value ?? e.key);
  if (codes.length === 0 || !codes.every((c) => typeof c === 'string')) return undefined;
  return STYLES.find((style) => codes.every((c) => matchesStyle(c as string, style)));
}

interface RenderOptions {
  /** Every top-level field optional: what phase 1 loads. */
  relaxed?: boolean;
  examples?: boolean;
}

/** The catalog text for a model, in the bundled catalogs' key order. */
function render(ctx: ImportContext, file: string, model: ImportModel, rules: ReturnType<typeof compressRules>, options: RenderOptions): string {
  const relax = (fields: Record<string, RawField> | undefined) => {
    if (!fields || !options.relaxed) return fields;
    const result: Record<string, RawField> = {};
    for (const [name, field] of Object.entries(fields)) {
      const { required: _required, ...rest } = field;
      defineOwn(result, name, rest);
    }
    return result;
  };
  const catalog: Record<string, unknown> = { errcat: 2, info: model.info };
  const naming = Object.fromEntries(Object.entries(model.naming).filter(([, v]) => v !== undefined && v !== ''));
  if (Object.keys(naming).length > 0) catalog['naming'] = naming;
  if (model.docUrl !== undefined) catalog['docUrl'] = model.docUrl;
  catalog['envelope'] = model.envelope;
  if (Object.keys(model.types).length > 0) catalog['types'] = model.types;
  if (Object.keys(model.fields).length > 0) catalog['fields'] = relax(model.fields);
  if (Object.keys(model.headers).length > 0) catalog['headers'] = model.headers;
  if (Object.keys(model.retry).length > 0) catalog['retry'] = new Map(Object.entries(model.retry).map(([k, v]) => [/^\d+$/.test(k) ? Number(k) : k, v]));
  const statuses = Object.entries(model.statuses).sort(([a], [b]) => Number(a) - Number(b));
  if (statuses.length > 0) catalog['statuses'] = new Map(statuses.map(([k, v]) => [Number(k), v]));
  catalog['errors'] = new Map(
    model.entries.map((entry) => {
      const raw: Record<string, unknown> = { ...entry.raw };
      if (options.relaxed) raw['fields'] = relax(entry.raw.fields);
      if (raw['fields'] === undefined) delete raw['fields'];
      if (options.examples && entry.examples.length > 0) raw['examples'] = entry.examples.map(exampleData(entry));
      return [entry.key, raw];
    }),
  );
  if (rules.length > 0) catalog['operations'] = rules;
  const header = ['yaml-language-server: $schema=node_modules/errcat/schema/catalog.schema.json', '', `Imported by \`errcat import\` from ${basename(file)}. Comments mark what import guessed: check them.`];
  return writeCatalogYaml(catalog, ctx.comments, header);
}

/** An example as the catalog writes it: its name, summary, status (when not the entry's first) and body. */
function exampleData(entry: ImportedEntry) {
  const firstStatus = typeof entry.raw.status === 'number' ? entry.raw.status : Array.isArray(entry.raw.status) ? entry.raw.status[0] : Number(Object.keys(entry.raw.status)[0]);
  return (example: ImportedEntry['examples'][number]) => {
    const data: Record<string, unknown> = {};
    if (example.name !== undefined) data['name'] = example.name;
    if (example.summary !== undefined) data['summary'] = example.summary;
    if (example.status !== firstStatus) data['status'] = example.status;
    data['body'] = example.body;
    return data;
  };
}

/**
 * The required top-level fields whose derived sample might not fit: those with an example, a
 * constraint or a named type somewhere inside (a plain shape's sample always fits it).
 */
function requiredFields(model: ImportModel): { shared: Set<string>; own: Map<string | number, Set<string>> } {
  const risky = (shape: RawFieldShape): boolean =>
    shape.example !== undefined ||
    shape.ref !== undefined ||
    CONSTRAINTS.some((k) => shape[k] !== undefined) ||
    [shape.items, typeof shape.additionalProperties === 'object' ? shape.additionalProperties : undefined, ...(shape.oneOf ?? []), ...Object.values(shape.properties ?? {})].some((s) => s !== undefined && risky(s));
  const pick = (fields: Record<string, RawField> | undefined) => new Set(Object.entries(fields ?? {}).filter(([, f]) => f.required && risky(f)).map(([n]) => n));
  return { shared: pick(model.fields), own: new Map(model.entries.map((e) => [e.key, pick(e.raw.fields)])) };
}

/** Removes keys from a shape and every shape inside it; works on the catalog's raw shapes and the model's alike. */
function strip(shape: RawFieldShape | FieldShape, keys: readonly string[]): void {
  for (const key of keys) delete (shape as Record<string, unknown>)[key];
  const inner = [shape.items, typeof shape.additionalProperties === 'object' ? shape.additionalProperties : undefined, ...(shape.oneOf ?? []), ...(Array.isArray(shape.properties) ? shape.properties : Object.values(shape.properties ?? {}))];
  for (const s of inner) if (s) strip(s as RawFieldShape, keys);
}

/**
 * A required field's derived sample must fit its shape, or errcat cannot derive examples: a
 * written example that does not fit goes, then constraints the sample cannot meet (a `pattern`
 * with no example), and as a last resort the field becomes optional. Each is reported.
 */
function mendSamples(ctx: ImportContext, model: ImportModel, catalog: Catalog, required: ReturnType<typeof requiredFields>): void {
  const schemas = validationSchemas(catalog);
  const validate = createBodyValidator(catalog, schemas);
  const check = (raw: RawField, field: FieldShape, where: readonly PathSegment[], name: string, specPath: readonly string[]) => {
    const fits = () => validate(schemas.shape(field), sampleValue(field, catalog.types)).length === 0;
    if (fits()) return;
    strip(field, ['example']);
    strip(raw, ['example']);
    if (fits()) {
      ctx.report('import-example-dropped', `The example of \`${name}\` does not fit its schema; the catalog leaves it out.`, specPath);
      return;
    }
    strip(field, CONSTRAINTS);
    strip(raw, CONSTRAINTS);
    if (fits()) {
      ctx.report('import-schema-approximated', `No value errcat can make up fits the constraints of \`${name}\` (add an \`example\`); the catalog leaves them out.`, specPath);
      ctx.comment(where, 'Constraints left out: give an example that meets them, then restore them.');
      return;
    }
    delete raw.required;
    ctx.report('import-schema-approximated', `No value errcat can make up fits \`${name}\`; the catalog makes it optional.`, specPath);
  };
  for (const name of required.shared) {
    const field = catalog.fields.find((f) => f.name === name);
    const raw = model.fields[name];
    if (field && raw) check(raw, field, ['fields', name], name, ctx.provenance.get(pathKey(['fields', name])) ?? []);
  }
  for (const entry of model.entries) {
    const modelEntry = catalog.entries.find((e) => e.code === entry.key);
    for (const name of required.own.get(entry.key) ?? []) {
      const field = modelEntry?.fields.find((f) => f.name === name);
      const raw = entry.raw.fields?.[name];
      if (field && raw) check(raw, field, ['errors', String(entry.key), 'fields', name], name, ctx.provenance.get(pathKey(['errors', String(entry.key), 'fields', name])) ?? entry.path);
    }
  }
}

/**
 * Drops the examples the load found invalid (an `example-invalid` inside the example, in the text
 * import wrote) and those that say no more than errcat derives; an entry under conditions keeps
 * its examples, which show them. True when any went.
 */
function dropExamples(ctx: ImportContext, model: ImportModel, text: string, catalog: Catalog, diagnostics: readonly Diagnostic[]): boolean {
  const invalid = diagnostics.filter((d) => d.code === 'example-invalid');
  const source = invalid.length > 0 ? parseSource('catalog.yaml', text).source : undefined;
  const inside = (span: { start: { line: number; column: number }; end: { line: number; column: number } }, d: Diagnostic) =>
    (d.start.line > span.start.line || (d.start.line === span.start.line && d.start.column >= span.start.column)) && (d.start.line < span.end.line || (d.start.line === span.end.line && d.start.column <= span.end.column));
  let changed = false;
  for (const entry of model.entries) {
    const modelEntry = catalog.entries.find((e) => e.code === entry.key);
    const kept = entry.examples.filter((example, i) => {
      const response = modelEntry?.responses.find((r) => r.status === example.status);
      if (!modelEntry || !response) return false;
      if (source && invalid.some((d) => inside(locate(source, ['errors', String(entry.key), 'examples', i]), d))) {
        ctx.report('import-example-dropped', `This example does not fit the catalog's schema for \`${entry.key}\` at ${example.status}; the catalog leaves it out.`, example.path);
        return false;
      }
      return response.when.length > 0 || JSON.stringify(deriveEntryExample(catalog, modelEntry, response).body) !== JSON.stringify(example.body);
    });
    changed ||= kept.length !== entry.examples.length;
    entry.examples = kept;
  }
  return changed;
}

/** Example names the catalog allows (`[A-Za-z0-9_.-]`), unique per entry. */
function nameExamples(model: ImportModel): void {
  for (const entry of model.entries) {
    const names = new Set<string>();
    for (const example of entry.examples) {
      const base = (example.name ?? String(entry.key)).replace(/[^A-Za-z0-9_.-]/g, '_') || 'example';
      let name = base;
      for (let i = 2; names.has(name); i++) name = `${base}_${i}`;
      names.add(name);
      example.name = name;
    }
  }
}

/** The written rules must give each operation exactly the statuses the spec shows; anything else is an errcat bug. */
function checkRules(catalog: Catalog, attachments: ReadonlyMap<SpecOperation, ReadonlySet<number>>, operations: readonly SpecOperation[]): void {
  for (const op of operations) {
    const want = [...(attachments.get(op) ?? [])].sort((a, b) => a - b).join(',');
    const have = attachedStatuses(catalog, op).map((a) => a.status).join(',');
    if (want !== have) throw new Error(`errcat bug: the imported rules give ${op.method.toUpperCase()} ${op.path} statuses [${have}], the spec [${want}]`);
  }
}
