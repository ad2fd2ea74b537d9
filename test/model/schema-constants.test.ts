import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../src/model/error-schema.js';
import { createBodyValidator, typesSchema, validationSchemas } from '../../src/model/json-schema-validator.js';
import { constantsHold, hoistConstants } from '../../src/model/schema-constants.js';
import { SPEC_CATALOGS, mustLoad } from '../helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = () => new Ajv2020({ allErrors: true, strict: false, ownProperties: true, logger: false });

/** A body schema like an entry's: constants on plain properties, nested, beside unions and items that keep theirs. */
const SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', const: 'not_found' },
        status: { type: 'integer', const: 404 },
        meta: { type: 'object', properties: { level: { const: { a: [1, 'x'] } } } },
        kind: { oneOf: [{ const: 'a' }, { const: 'b' }] },
        list: { type: 'array', items: { properties: { id: { const: 1 } } } },
        message: { type: 'string' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

/** Values near the schema: constants right, wrong, missing, and parents of the wrong type. */
const near = fc.record(
  {
    error: fc.oneof(
      fc.record(
        {
          code: fc.constantFrom<unknown>('not_found', 'other', 1, null),
          status: fc.constantFrom<unknown>(404, 400, -0, '404'),
          meta: fc.oneof(fc.record({ level: fc.constantFrom<unknown>({ a: [1, 'x'] }, { a: [1] }, null) }, { requiredKeys: [] }), fc.constantFrom<unknown>([], 'meta')),
          kind: fc.constantFrom<unknown>('a', 'c'),
          list: fc.array(fc.record({ id: fc.constantFrom<unknown>(1, 2) }, { requiredKeys: [] }), { maxLength: 2 }),
          message: fc.constantFrom<unknown>('m', 3),
        },
        { requiredKeys: [] },
      ),
      fc.constantFrom<unknown>(null, [], 'error'),
    ),
  },
  { requiredKeys: [] },
);

describe('constants hoisted out of body schemas', () => {
  it('takes constants only along plain properties', () => {
    const { skeleton, constants } = hoistConstants(SCHEMA);
    expect(constants.map((c) => c.path.join('.'))).toEqual(['error.code', 'error.status', 'error.meta.level']);
    expect(JSON.stringify(skeleton)).not.toContain('not_found');
    expect(JSON.stringify(skeleton)).toContain('"oneOf":[{"const":"a"},{"const":"b"}]');
  });

  it('a skeleton pass with the constants holding is exactly the whole schema passing', () => {
    const whole = ajv().compile(SCHEMA);
    const { skeleton, constants } = hoistConstants(SCHEMA);
    const part = ajv().compile(skeleton);
    fc.assert(
      fc.property(near, (value) => {
        // Stricter than JSON Schema only for -0: the validator then falls back to the whole schema.
        if (part(value) && constantsHold(constants, value)) expect(whole(value)).toBe(true);
        if (whole(value) && !JSON.stringify(value).includes('-0')) expect(part(value) && constantsHold(constants, value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the validator reports what the whole schema reports, on the seed catalogs', async () => {
    for (const file of SPEC_CATALOGS) {
      const catalog = await mustLoad(file);
      const schemas = validationSchemas(catalog);
      const validate = createBodyValidator(catalog, schemas);
      const reference = addFormats(ajv()).addSchema(typesSchema(catalog, schemas));
      const bodies = catalog.entries.flatMap((e) => e.responses.flatMap((r) => r.examples.map((x) => x.body)));
      for (const entry of catalog.entries.slice(0, 2)) {
        for (const response of entry.responses) {
          const schema = schemas.entryBody(entry, response.status);
          const whole = reference.compile(schema);
          // Its own examples, and every other code's (whose constants mostly do not hold).
          for (const body of bodies.slice(0, 12)) expect(validate(schema, body)).toEqual(whole(body) ? [] : whole.errors);
        }
      }
    }
  });
});
