import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killRepeatedly, run } from './kill.js';

describe('killed with SIGKILL at random moments (see kill.ts)', () => {
  it('generate (a catalog, its outputs, and its spec merged in place): every file old or new, and no temporary file once it runs again', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'errcat-kill-generate-'));
    mkdirSync(join(cwd, 'api'));
    // A small catalog: a run's cost is mostly starting up, and its writing is what is tested.
    writeFileSync(
      join(cwd, 'api/errors.yaml'),
      'errcat: 1\ninfo: { title: Tiny API, version: 1.0.0 }\nenvelope: { kind: flat, code: { field: code } }\nerrors:\n  not_found: { status: 404, title: Not found }\n  conflict: { status: 409, title: Conflict }\noperations:\n  - match: { all: true }\n    errors: [not_found, conflict]\n',
    );
    const spec = Buffer.from('openapi: 3.1.0\ninfo: { title: Tiny API, version: 1.0.0 }\npaths:\n  /things:\n    get:\n      responses:\n        "200": { description: OK }\n');
    writeFileSync(join(cwd, 'errcat.config.yaml'), 'errcat: 1\ncatalogs:\n  - catalog: api/errors.yaml\n    out: out\n    merge:\n      - spec: api/openapi.yaml\n');
    const outputs = ['out/openapi.yaml', 'out/errors.ts', 'out/errors.md', 'api/openapi.yaml'];
    writeFileSync(join(cwd, 'api/openapi.yaml'), spec);
    expect((await run(['generate', '--quiet'], cwd, [])).exit).toBe(0);
    const fresh = new Map(outputs.map((path) => [path, readFileSync(join(cwd, path))]));
    // Old outputs differ from what generate writes, so that every kill could tear any of them.
    const old = new Map(outputs.map((path) => [path, path === 'api/openapi.yaml' ? spec : Buffer.concat([fresh.get(path) as Buffer, Buffer.from('\n# old\n')])]));
    const reset = () => {
      for (const [path, bytes] of old) writeFileSync(join(cwd, path), bytes);
    };
    await killRepeatedly({ cwd, args: ['generate', '--quiet'], outputs, watched: [join(cwd, 'out'), join(cwd, 'api')], reset, old, fresh });
  }, 240_000);
});
