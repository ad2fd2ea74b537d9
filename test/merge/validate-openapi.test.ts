import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateOpenApi } from '../../src/merge/validate-openapi.js';
import { v30 } from '../../src/merge/openapi-validators.generated.js';

/** What a validation comes to: passing, or its error's class and message. */
async function outcome(validate: () => Promise<unknown>): Promise<string> {
  try {
    await validate();
    return 'valid';
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

const read = (file: string) => load(readFileSync(file, 'utf8')) as Record<string, unknown>;
/** Merged specs in OpenAPI 3.0 and 3.1. */
const merged = ['github', 'microsoft', 'sandbox', 'device-readings'].map((api) => `generated/${api}/openapi.merged.yaml`);

/** Broken copies of a spec: each a mistake swagger-parser reports at some step. */
const breakages: Record<string, (spec: Record<string, any>) => void> = {
  'no info': (spec) => delete spec['info'],
  'a response that is a number': (spec) => {
    const [path] = Object.values(spec['paths'] as Record<string, Record<string, any>>);
    const operation = Object.values(path as Record<string, any>).find((o) => typeof o === 'object' && o?.responses);
    operation.responses['599'] = 7;
  },
  'a $ref to nowhere': (spec) => {
    spec['components'] = { ...(spec['components'] ?? {}), responses: { ...(spec['components']?.responses ?? {}), Gone: { $ref: '#/components/responses/Missing' } } };
  },
  // After dereferencing, one shared object sits at every place that referenced it: the 3.0 check
  // answers a passing object once per document, and must still report a failing one at each place.
  'a shared schema that is wrong everywhere it is used': (spec) => {
    const schemas = spec['components']?.schemas as Record<string, any> | undefined;
    const name = Object.keys(schemas ?? {})[0];
    if (name === undefined) throw new Error('a merged spec without component schemas');
    schemas![name].type = 7;
  },
  'a shared schema, right as a schema, used where a response belongs': (spec) => {
    const schemas = spec['components']?.schemas as Record<string, any>;
    spec['components'].responses = { ...(spec['components'].responses ?? {}), Odd: { $ref: `#/components/schemas/${Object.keys(schemas)[0]}` } };
  },
  'Swagger 2.0 with no paths': () => undefined,
  'an unsupported version': (spec) => (spec['openapi'] = '3.9.0'),
};

describe('validateOpenApi', () => {
  it('says what SwaggerParser.validate says, valid or not, in every version (the compiled schemas reused)', async () => {
    for (const file of merged) {
      const spec = read(file);
      expect(await outcome(() => validateOpenApi(structuredClone(spec))), file).toBe(await outcome(() => SwaggerParser.validate(structuredClone(spec) as never, { resolve: { external: false } })));
      for (const [name, breakIt] of Object.entries(breakages)) {
        const broken = structuredClone(spec);
        if (name.startsWith('Swagger 2.0')) Object.assign(broken, { swagger: '2.0', openapi: undefined });
        breakIt(broken);
        const theirs = await outcome(() => SwaggerParser.validate(structuredClone(broken) as never, { resolve: { external: false } }));
        expect(await outcome(() => validateOpenApi(structuredClone(broken))), `${file}: ${name}`).toBe(theirs);
      }
    }
  }, 120_000);

  it('judges each document afresh: an object that passed in one call and has changed since fails in the next', async () => {
    const spec = read('generated/github/openapi.merged.yaml');
    expect(spec['openapi']).toMatch(/^3\.0\./);
    const dereferenced = (await SwaggerParser.dereference(structuredClone(spec) as never, { resolve: { external: false }, dereference: { circular: 'ignore' } })) as Record<string, any>;
    expect(v30(dereferenced)).toBe(true);
    const shared = Object.values(dereferenced['components'].schemas as Record<string, any>)[0];
    shared.type = 7;
    expect(v30(dereferenced)).toBe(false);
    expect((v30 as unknown as { errors: { instancePath: string }[] }).errors.length).toBeGreaterThan(0);
  });

  it('runs the validators schema/build-openapi-validators.mjs writes (the checked-in file is current)', async () => {
    // @ts-expect-error: a plain ESM script of the build, without types.
    const { openApiValidatorsSource, OPENAPI_VALIDATORS_FILE } = (await import('../../schema/build-openapi-validators.mjs')) as { openApiValidatorsSource(): string; OPENAPI_VALIDATORS_FILE: string };
    expect(readFileSync(OPENAPI_VALIDATORS_FILE, 'utf8')).toBe(openApiValidatorsSource());
  });
});
