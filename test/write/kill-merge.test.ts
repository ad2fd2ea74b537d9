import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { killRepeatedly, run } from './kill.js';

describe('killed with SIGKILL at random moments (see kill.ts)', () => {
  it("merge into GitHub's spec (13 MB): the spec old or new, and no temporary file once it runs again", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'errcat-kill-merge-'));
    const spec = join(cwd, 'github.json');
    copyFileSync(join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'), spec);
    const old = readFileSync(spec);
    // Without validation: the write at the end is what is tested, and the runs stay short.
    const args = ['merge', join(ROOT, 'specs/sandbox/errors.yaml'), '--spec', 'github.json', '--no-validate', '--quiet'];
    expect((await run(args, cwd, [cwd])).exit).toBe(0);
    const fresh = readFileSync(spec);
    expect(fresh.equals(old)).toBe(false);
    const reset = () => {
      if (!readFileSync(spec).equals(old)) writeFileSync(spec, old);
    };
    await killRepeatedly({ cwd, args, outputs: ['github.json'], watched: [cwd], reset, old: new Map([['github.json', old]]), fresh: new Map([['github.json', fresh]]) });
    expect(existsSync(join(cwd, '.github.json.errcat.lock'))).toBe(false);
  }, 240_000);
});
