import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, statfsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, type CliRun } from '../helpers.js';

const SPEC = join(ROOT, 'specs/sandbox/openapi.yaml');
const SANDBOX = join(ROOT, 'specs/sandbox/errors.yaml');

function workspace(): { dir: string; spec: string } {
  const dir = mkdtempSync(join(tmpdir(), 'errcat-fs-'));
  chmodSync(dir, 0o755);
  copyFileSync(SPEC, join(dir, 'openapi.yaml'));
  return { dir, spec: join(dir, 'openapi.yaml') };
}

const modeOf = (path: string) => statSync(path).mode & 0o777;
/** What a run left beside its outputs: errcat's temporary files and locks. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => /\.errcat[.-]/.test(name));
const registry = (path: string) => Object.keys((parse(readFileSync(path, 'utf8')) as { 'x-errcat': object })['x-errcat']).sort();

/** A clean refusal: the exit code, a located diagnostic with its code, and no stack trace. */
function expectRefusal(run: CliRun, exit: number, code: string): void {
  expect(run.status).toBe(exit);
  expect(run.stderr).toMatch(new RegExp(`:1:1 - error ${code}: `));
  expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
}

describe('errcat merge on the file system', () => {
  it('merges through a symlink: the link stays a link, its target changes and keeps its mode', () => {
    const { dir, spec } = workspace();
    chmodSync(spec, 0o600);
    symlinkSync('openapi.yaml', join(dir, 'link.yaml'));
    expect(runCli(['merge', SANDBOX, '--spec', join(dir, 'link.yaml')]).status).toBe(0);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.yaml'))).toBe('openapi.yaml');
    expect(registry(spec)).toEqual(['Sandbox API']);
    expect(modeOf(spec)).toBe(0o600);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a read-only spec untouched, and writes it with --force, still read-only', () => {
    const { dir, spec } = workspace();
    chmodSync(spec, 0o444);
    expectRefusal(runCli(['merge', SANDBOX, '--spec', spec]), 1, 'not-writable');
    expect(readFileSync(spec)).toEqual(readFileSync(SPEC));
    expect(runCli(['merge', SANDBOX, '--spec', spec, '--force']).status).toBe(0);
    expect([registry(spec), modeOf(spec)]).toEqual([['Sandbox API'], 0o444]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a directory as the spec, and as the output', () => {
    const { dir, spec } = workspace();
    mkdirSync(join(dir, 'folder.yaml'));
    expectRefusal(runCli(['merge', SANDBOX, '--spec', join(dir, 'folder.yaml')]), 1, 'not-a-file');
    expectRefusal(runCli(['merge', SANDBOX, '--spec', spec, '--out', join(dir, 'folder.yaml')]), 1, 'not-a-file');
    expect(readFileSync(spec)).toEqual(readFileSync(SPEC));
  });

  it('refuses to write in a read-only folder, leaving the spec as it was', () => {
    const { dir, spec } = workspace();
    chmodSync(spec, 0o666);
    chmodSync(dir, 0o555);
    // Root may write anywhere: run as nobody then (a plain user is refused anyway).
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, [CLI, 'merge', SANDBOX, '--spec', spec], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...asUser });
    expectRefusal({ status: run.status, stdout: run.stdout, stderr: run.stderr }, 1, 'write-failed');
    expect(run.stderr).toMatch(/EACCES/);
    expect(readFileSync(spec)).toEqual(readFileSync(SPEC));
    expect(leftovers(dir)).toEqual([]);
  });

  it('on a full disk (a small tmpfs where the machine allows mounting one), refuses cleanly and writes nothing', (context) => {
    const mount = mkdtempSync(join(tmpdir(), 'errcat-tmpfs-'));
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]).status !== 0) {
      // The same failure is injected through the write module's file-system seam in test/write/files.test.ts.
      context.skip();
      return;
    }
    try {
      copyFileSync(SPEC, join(mount, 'openapi.yaml'));
      // Room for the lock, not for the merged spec (about 23 KB).
      const { bavail, bsize } = statfsSync(mount);
      writeFileSync(join(mount, 'filler'), Buffer.alloc(bavail * bsize - 8192, 0));
      expectRefusal(runCli(['merge', SANDBOX, '--spec', join(mount, 'openapi.yaml')]), 1, 'write-failed');
      expect(readFileSync(join(mount, 'openapi.yaml'))).toEqual(readFileSync(SPEC));
      expect(leftovers(mount)).toEqual([]);
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});
