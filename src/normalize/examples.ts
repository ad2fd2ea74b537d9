import type { Catalog, Entry, Example, JsonValue } from '../model/catalog.js';
import { entryBodySchema } from '../model/error-schema.js';
import { deriveExample } from '../model/examples.js';
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
  // Entries keep the order of the catalog's `errors` keys.
  const keys = Object.keys(raw);
  return catalog.entries.map((entry, index) => {
    const key = keys[index] ?? String(entry.code);
    const rawExamples = raw[key]?.examples ?? [];
    const schema = entryBodySchema(catalog, entry);
    const examples: Example[] = rawExamples.map((example, i) => {
      for (const error of validate(schema, example.body)) {
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
      for (const error of validate(schema, derived.body)) {
        const field = error.instancePath.split('/').pop() ?? '';
        ctx.reportKey('example-invalid', `errcat cannot derive an example for \`${key}\`: the sample for \`${field}\` ${error.message ?? 'is invalid'}. Give the field an \`example\`, or write one under \`examples\`.`, ['errors', key]);
      }
      examples.push(derived);
    }
    return { ...entry, examples };
  });
}
