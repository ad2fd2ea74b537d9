import type { ErrorObject } from 'ajv';
import type { Catalog, Entry, Example, Field, JsonValue } from '../model/catalog.js';
import { entryBodySchema, shapeSchema } from '../model/error-schema.js';
import { deriveExample, sampleErrorObject } from '../model/examples.js';
import { ownValue } from '../model/own.js';
import { computedValue, entryFields } from '../model/values.js';
import { createBodyValidator } from '../model/json-schema-validator.js';
import type { NormalizeContext } from './context.js';
import type { RawEntry } from './raw.js';

/**
 * Checks written examples against their entry's schema and derives one where none is written.
 * Derived examples are checked too: a field whose sample cannot fit (a `pattern` with no
 * `example`) is the catalog's to fix, and is reported there.
 */
export function attachExamples(catalog: Catalog, raw: Record<string, RawEntry>, ctx: NormalizeContext): Entry[] {
  const validate = createBodyValidator();
  const compiled = new Map<Field, (value: unknown) => ErrorObject[]>();
  const fieldValidator = (field: Field) => {
    let check = compiled.get(field);
    if (!check) {
      const schema = shapeSchema(field);
      check = (value: unknown) => validate(schema, value);
      compiled.set(field, check);
    }
    return check;
  };
  // Entries keep the order of the catalog's `errors` keys.
  const keys = Object.keys(raw);
  return catalog.entries.map((entry, index) => {
    const key = keys[index] ?? String(entry.code);
    const rawExamples = raw[key]?.examples ?? [];
    const examples: Example[] = rawExamples.map((example, i) => {
      for (const error of validate(entryBodySchema(catalog, entry), example.body)) {
        const inner = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
        const extra = error.keyword === 'additionalProperties' ? ` (\`${String((error.params as { additionalProperty?: string }).additionalProperty)}\`)` : '';
        const detail = error.keyword === 'const' ? `must be ${JSON.stringify((error.params as { allowedValue?: unknown }).allowedValue)}` : `${error.message ?? 'is invalid'}${extra}`;
        ctx.report('example-invalid', `Example body${inner.length ? ` at \`${inner.join('.')}\`` : ''} ${detail}; make the example match the entry (code, required fields, computed values).`, ['errors', key, 'examples', i, 'body', ...inner]);
      }
      const result: Example = {
        name: example.name ?? (rawExamples.length === 1 ? String(entry.code) : `${entry.code}_${i + 1}`),
        body: example.body as JsonValue,
        headers: Object.fromEntries(Object.entries(example.headers ?? {}).map(([k, v]) => [k, String(v)])),
        derived: false,
      };
      if (example.summary !== undefined) result.summary = example.summary;
      return result;
    });
    if (examples.length === 0) {
      const derived = deriveExample(catalog, entry);
      checkDerived(catalog, entry, fieldValidator, key, ctx);
      examples.push(derived);
    }
    return { ...entry, examples };
  });
}

/**
 * A derived example is the code, a message and each field's computed value or sample, so it
 * can only fail where one of those breaks its own field's schema. Checking field by field
 * (each shared field compiled once) keeps a 10,000-code catalog fast.
 */
function checkDerived(catalog: Catalog, entry: Entry, fieldValidator: (field: Field) => (value: unknown) => ErrorObject[], key: string, ctx: NormalizeContext): void {
  const object = sampleErrorObject(catalog, entry, entry.statuses[0] ?? 500);
  for (const field of entryFields(catalog, entry)) {
    for (const status of entry.statuses) {
      const value = status === entry.statuses[0] ? ownValue(object, field.name) : computedValue(field, entry, status, catalog);
      if (value === undefined) continue;
      const [error] = fieldValidator(field)(value);
      if (!error) continue;
      const what = computedValue(field, entry, status, catalog) === undefined ? `the sample for \`${field.name}\`` : `the computed \`${field.name}\` (${JSON.stringify(value)})`;
      ctx.reportKey('example-invalid', `errcat cannot derive an example for \`${key}\`: ${what} ${error.message ?? 'is invalid'}. Give the field an \`example\` or fix its value, or write an example under \`examples\`.`, ['errors', key]);
      return;
    }
  }
}
