import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog, FieldShape, PathSegment } from '../model/catalog.js';
import { sampleValue } from '../model/examples.js';
import { createBodyValidator, validationSchemas } from '../model/json-schema-validator.js';
import type { RawField, RawFieldShape } from '../normalize/raw.js';
import { parseSource } from '../parse/parse-document.js';
import { locate } from '../parse/source-document.js';
import { deriveEntryExample } from '../resolve/examples.js';
import { pathKey, type ImportContext } from './context.js';
import type { ImportModel } from './model.js';

/** The examples and samples of an imported catalog: named, checked, mended before the catalog is written. */

const CONSTRAINTS = ['pattern', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/**
 * The required top-level fields whose derived sample might not fit: those with an example, a
 * constraint or a named type somewhere inside (a plain shape's sample always fits it).
 */
export function requiredFields(model: ImportModel): { shared: Set<string>; own: Map<string | number, Set<string>> } {
  const risky = (shape: RawFieldShape): boolean =>
    shape.example !== undefined ||
    shape.ref !== undefined ||
    CONSTRAINTS.some((k) => shape[k] !== undefined) ||
    [shape.items, typeof shape.additionalProperties === 'object' ? shape.additionalProperties : undefined, ...(shape.oneOf ?? []), ...Object.values(shape.properties ?? {})].some((s) => s !== undefined && risky(s));
  const pick = (fields: Record<string, RawField> | undefined) => new Set(Object.entries(fields ?? {}).filter(([, f]) => f.required && risky(f)).map(([n]) => n));
  return { shared: pick(model.fields), own: new Map(model.entries.map((e) => [e.key, pick(e.raw.fields)])) };
}

/** Removes keys from a shape and every shape inside it; works on the catalog's raw shapes and the model's alike. */
export function strip(shape: RawFieldShape | FieldShape, keys: readonly string[]): void {
  for (const key of keys) delete (shape as Record<string, unknown>)[key];
  const inner = [shape.items, typeof shape.additionalProperties === 'object' ? shape.additionalProperties : undefined, ...(shape.oneOf ?? []), ...(Array.isArray(shape.properties) ? shape.properties : Object.values(shape.properties ?? {}))];
  for (const s of inner) if (s) strip(s as RawFieldShape, keys);
}

/**
 * A required field's derived sample must fit its shape, or errcat cannot derive examples: a
 * written example that does not fit goes, then constraints the sample cannot meet (a `pattern`
 * with no example), and as a last resort the field becomes optional. Each is reported.
 */
export function mendSamples(ctx: ImportContext, model: ImportModel, catalog: Catalog, required: ReturnType<typeof requiredFields>): void {
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
export function dropExamples(ctx: ImportContext, model: ImportModel, text: string, catalog: Catalog, diagnostics: readonly Diagnostic[]): boolean {
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
export function nameExamples(model: ImportModel): void {
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

