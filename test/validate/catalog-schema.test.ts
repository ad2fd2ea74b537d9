import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CATALOG_SCHEMA_URL } from '../../src/validate/catalog-schema.js';
import { closest } from '../../src/validate/suggest.js';
import { ALL_CATALOGS, ROOT, SPEC_CATALOGS } from '../helpers.js';

const schema = JSON.parse(readFileSync(CATALOG_SCHEMA_URL, 'utf8')) as object;

describe('the shipped JSON Schema of the catalog', () => {
  it('compiles under ajv strict mode (draft-07, what editors read)', () => {
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(schema)).not.toThrow();
  });

  it.each(ALL_CATALOGS)('accepts %s', (file) => {
    const validate = new Ajv({ allowUnionTypes: true }).compile(schema);
    expect(validate(parse(readFileSync(join(ROOT, file), 'utf8')))).toBe(true);
  });

  it.each(SPEC_CATALOGS)('%s points editors at it', (file) => {
    const first = readFileSync(join(ROOT, file), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../schema/catalog.schema.json');
  });

  it('is compiled into the checked-in validators (run npm run build after editing a schema)', async () => {
    // @ts-expect-error: a plain ESM script of the build, without types.
    const { validatorsSource, VALIDATORS_FILE } = (await import('../../schema/build-validators.mjs')) as { validatorsSource(): string; VALIDATORS_FILE: string };
    expect(readFileSync(VALIDATORS_FILE, 'utf8')).toBe(validatorsSource());
  });

  it('is exported by the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string>; files: string[] };
    expect(pkg.exports['./schema/catalog.schema.json']).toBe('./schema/catalog.schema.json');
    expect(pkg.files).toContain('schema');
  });
});

describe('did-you-mean', () => {
  it.each([
    ['titel', ['title', 'fix'], 'title'],
    ['envelop', ['envelope', 'errors'], 'envelope'],
    ['zzz', ['title', 'fix'], undefined],
  ])('%s → %s', (word, candidates, want) => expect(closest(word, candidates)).toBe(want));
});
