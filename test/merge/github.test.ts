import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/catalog.js';
import { mergeSpec } from '../../src/merge/merge.js';
import { mustLoad, onlyAdded, ROOT } from '../helpers.js';

type Json = Record<string, any>;
const GITHUB = join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');

// GitHub's published spec (OpenAPI 3.0.3, 13 MB) as a real-world merge target.
describe("merging into GitHub's published spec", () => {
  let catalog: Catalog;
  let text: string;
  let original: Json;
  let merged: string;
  beforeAll(async () => {
    catalog = await mustLoad('specs/sandbox/errors.yaml');
    text = readFileSync(GITHUB, 'utf8');
    original = JSON.parse(text) as Json;
    const result = await mergeSpec(catalog, GITHUB, text);
    expect(result.diagnostics).toEqual([]);
    merged = result.text as string;
  }, 120_000);

  it('stays valid (swagger-parser, inside merge) and keeps every original path, operation and component', () => {
    const spec = JSON.parse(merged) as Json;
    expect(Object.keys(spec['paths'])).toEqual(Object.keys(original['paths']));
    let operations = 0;
    for (const [path, item] of Object.entries<Json>(original['paths'])) {
      for (const [key, value] of Object.entries<any>(item)) {
        const after = spec['paths'][path][key];
        if (typeof value !== 'object' || value === null || !('responses' in value)) {
          expect(after).toEqual(value);
          continue;
        }
        operations++;
        const { responses, ...rest } = value as Json;
        const { responses: mergedResponses, ...mergedRest } = after as Json;
        expect(mergedRest).toEqual(rest);
        for (const [status, response] of Object.entries(responses)) expect(mergedResponses[status]).toEqual(response);
        expect(Object.keys(mergedResponses).length).toBeGreaterThan(0);
      }
    }
    expect(operations).toBeGreaterThan(500);
    for (const [section, components] of Object.entries<Json>(original['components'])) {
      for (const [name, component] of Object.entries(components)) expect(spec['components'][section][name]).toEqual(component);
    }
    expect(spec['components'].schemas.SandboxNotFoundError).toBeDefined();
  });

  it('keeps the file\'s indentation and key order, and a second merge changes nothing', async () => {
    expect(merged.slice(0, 200).split('\n').slice(0, 3)).toEqual(text.slice(0, 200).split('\n').slice(0, 3));
    const again = await mergeSpec(catalog, GITHUB, merged, { validate: false });
    expect(again.text === merged).toBe(true);
  }, 180_000);
});

// The same spec as YAML (js-yaml writes it: folded long strings, its own quoting), merged by splicing.
describe("merging into GitHub's spec as YAML", () => {
  it('adds lines only, reads back as planned and stays valid (inside merge), and a second merge changes nothing', async () => {
    const catalog = await mustLoad('specs/sandbox/errors.yaml');
    const text = dump(JSON.parse(readFileSync(GITHUB, 'utf8')));
    expect(text.length).toBeGreaterThan(8 * 2 ** 20);
    const result = await mergeSpec(catalog, 'github.yaml', text);
    expect(result.diagnostics).toEqual([]);
    const merged = result.text as string;
    expect(merged.length).toBeGreaterThan(text.length);
    expect(onlyAdded(text, merged)).toBe(true);
    const again = await mergeSpec(catalog, 'github.yaml', merged, { validate: false });
    expect(again.text === merged).toBe(true);
  }, 120_000);
});
