import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers.js';

const SPEC = join(ROOT, 'specs/sandbox/openapi.yaml');
const SANDBOX = join(ROOT, 'specs/sandbox/errors.yaml');
const TASKS = join(ROOT, 'specs/tasks/errors.yaml');

const leftovers = (dir: string) => readdirSync(dir).filter((name) => /\.errcat[.-]/.test(name));
const registry = (path: string) => Object.keys((parse(readFileSync(path, 'utf8')) as { 'x-errcat': object })['x-errcat']).sort();

describe('errcat merge, twice at once into one spec', () => {
  it('lands both of two merges of different catalogs into one spec at once (10 times)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'errcat-concurrent-'));
    const spec = join(dir, 'openapi.yaml');
    const merge = (catalog: string) =>
      new Promise<number | null>((done) => {
        // Without validation (a second of swagger-parser each): the lock is what is tested.
        const child = spawn(process.execPath, [CLI, 'merge', catalog, '--spec', spec, '--quiet', '--no-validate'], { stdio: 'ignore' });
        child.on('exit', done);
      });
    for (let round = 0; round < 10; round++) {
      copyFileSync(SPEC, spec);
      const exits = await Promise.all([merge(SANDBOX), merge(TASKS)]);
      expect(exits).toEqual([0, 0]);
      expect(registry(spec)).toEqual(['Sandbox API', 'Task Automation API']);
      const schemas = Object.keys((parse(readFileSync(spec, 'utf8')) as { components: { schemas: object } }).components.schemas);
      expect(schemas).toEqual(expect.arrayContaining(['SandboxDocumentedError', 'TasksDocumentedError']));
      expect(leftovers(dir)).toEqual([]);
    }
  }, 180_000);
});
