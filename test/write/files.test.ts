import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockOwner, lockPath, removeLeftovers, tempPath, writeFilesAtomically, type WriteFileSystem } from '../../src/write/files.js';

const folder = () => mkdtempSync(join(tmpdir(), 'errcat-write-'));
const modeOf = (path: string) => statSync(path).mode & 0o777;
/** The errcat temporary files and locks in a folder. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => /\.errcat[.-]/.test(name));

/** Node's file system, except that writing a temporary file fails as on a full disk. */
function fullDisk(): WriteFileSystem {
  return {
    ...nodeFs,
    open: (async (path: Parameters<typeof nodeFs.open>[0], ...rest: unknown[]) => {
      const handle = await (nodeFs.open as (...args: unknown[]) => Promise<nodeFs.FileHandle>)(path, ...rest);
      if (!String(path).endsWith('.tmp')) return handle;
      return Object.assign(Object.create(handle) as nodeFs.FileHandle, {
        writeFile: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })),
        writev: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })),
        close: () => handle.close(),
      });
    }) as typeof nodeFs.open,
  };
}

describe('writing files safely', () => {
  it('keeps a file\'s mode, and writes a read-only one only when forced, keeping it read-only', async () => {
    const dir = folder();
    const [secret, locked] = [join(dir, 'secret.yaml'), join(dir, 'locked.yaml')];
    writeFileSync(secret, 'a: 1\n', { mode: 0o600 });
    writeFileSync(locked, 'a: 1\n');
    chmodSync(locked, 0o444);
    expect((await writeFilesAtomically([{ path: secret, content: 'a: 2\n' }])).diagnostics).toEqual([]);
    expect([readFileSync(secret, 'utf8'), modeOf(secret)]).toEqual(['a: 2\n', 0o600]);
    const refused = await writeFilesAtomically([{ path: locked, content: 'a: 2\n' }]);
    expect(refused.diagnostics.map((d) => [d.code, d.message])).toEqual([['not-writable', expect.stringMatching(/read-only \(mode 444\).*--force/)]]);
    expect(readFileSync(locked, 'utf8')).toBe('a: 1\n');
    // A read-only file that is already current is no problem.
    expect((await writeFilesAtomically([{ path: locked, content: 'a: 1\n' }])).written).toEqual([{ path: locked, bytes: 5, outcome: 'unchanged' }]);
    expect((await writeFilesAtomically([{ path: locked, content: 'a: 2\n' }], { force: true })).diagnostics).toEqual([]);
    expect([readFileSync(locked, 'utf8'), modeOf(locked)]).toEqual(['a: 2\n', 0o444]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes through a symlink (also a chain, and a dangling one): the link stays, its target changes', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'spec.yaml'), 'old\n');
    symlinkSync('real/spec.yaml', join(dir, 'link.yaml'));
    symlinkSync('link.yaml', join(dir, 'link2.yaml'));
    symlinkSync('real/missing.yaml', join(dir, 'dangling.yaml'));
    const result = await writeFilesAtomically([
      { path: join(dir, 'link2.yaml'), content: 'new\n' },
      { path: join(dir, 'dangling.yaml'), content: 'created\n' },
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(lstatSync(join(dir, 'link2.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.yaml'))).toBe('real/spec.yaml');
    expect(readFileSync(join(dir, 'real', 'spec.yaml'), 'utf8')).toBe('new\n');
    expect(lstatSync(join(dir, 'dangling.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'missing.yaml'), 'utf8')).toBe('created\n');
    expect([...leftovers(dir), ...leftovers(join(dir, 'real'))]).toEqual([]);
  });

  it('refuses a directory as a file to write', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'openapi.yaml'));
    const result = await writeFilesAtomically([{ path: join(dir, 'openapi.yaml'), content: 'x' }]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['not-a-file']);
  });

  it('on a full disk, changes no file of the run and leaves no temporary file', async () => {
    const dir = folder();
    const [a, b] = [join(dir, 'a.ts'), join(dir, 'b.ts')];
    writeFileSync(a, 'old a');
    writeFileSync(b, 'old b');
    const result = await writeFilesAtomically(
      [
        { path: a, content: 'new a' },
        { path: b, content: 'new b' },
      ],
      { fs: fullDisk() },
    );
    expect(result.written).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([['write-failed', a, expect.stringMatching(/ENOSPC.*disk is full.*Nothing was changed/)]]);
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['old a', 'old b']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('compares what is on disk byte for byte, past its first block: one changed byte anywhere is a change', async () => {
    const dir = folder();
    const path = join(dir, 'spec.json');
    // Over two of the 1 MiB blocks the comparison reads at a time.
    const content = Buffer.alloc(2.5 * 2 ** 20, 'a');
    writeFileSync(path, content);
    expect((await writeFilesAtomically([{ path, content }])).written).toEqual([{ path, bytes: content.length, outcome: 'unchanged' }]);
    for (const at of [0, 2 ** 20 - 1, 2 ** 20, content.length - 1]) {
      const edited = Buffer.from(content);
      edited[at] = 0x62;
      writeFileSync(path, edited);
      expect((await writeFilesAtomically([{ path, content }])).written, `byte ${at}`).toEqual([{ path, bytes: content.length, outcome: 'written' }]);
      expect(readFileSync(path).equals(content)).toBe(true);
    }
    // The same bytes with one more, or one fewer, at the end.
    for (const other of [Buffer.concat([content, Buffer.from('a')]), content.subarray(1)]) {
      writeFileSync(path, other);
      expect((await writeFilesAtomically([{ path, content }])).written[0]?.outcome).toBe('written');
    }
    // Compare-and-swap on a large file: one byte that differs from what was read, deep inside, refuses the write.
    const read = Buffer.from(content);
    read[2 ** 20 + 7] = 0x62;
    writeFileSync(path, content);
    const refused = await writeFilesAtomically([{ path, content: 'merged\n', expected: read }]);
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['spec-changed']);
    expect(readFileSync(path).equals(content)).toBe(true);
    expect((await writeFilesAtomically([{ path, content: 'merged\n', expected: content }])).diagnostics).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('merged\n');
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    expect((await writeFilesAtomically([{ path: empty, content: '' }])).written[0]?.outcome).toBe('unchanged');
  });

  it('writes content given in pieces as their bytes in order, and compares it with the disk across the pieces\' edges', async () => {
    const dir = folder();
    const path = join(dir, 'spec.json');
    // Pieces of every size, from empty to past the 1 MiB compare block, so that edges fall everywhere.
    const sizes = [0, 1, 7, 2 ** 20 - 3, 5, 0, 2 ** 20 + 11, 300_000, 2];
    const chunks = sizes.map((size, i) => Buffer.alloc(size, 97 + i));
    const whole = Buffer.concat(chunks);
    expect((await writeFilesAtomically([{ path, content: chunks }])).written).toEqual([{ path, bytes: whole.length, outcome: 'written' }]);
    expect(readFileSync(path).equals(whole)).toBe(true);
    expect((await writeFilesAtomically([{ path, content: chunks }])).written[0]?.outcome).toBe('unchanged');
    let offset = 0;
    for (const size of sizes) {
      offset += size;
      if (size === 0) continue;
      const edited = Buffer.from(whole);
      edited[offset - 1] = 0x30;
      writeFileSync(path, edited);
      expect((await writeFilesAtomically([{ path, content: chunks }])).written[0]?.outcome, `last byte of a ${size}-byte piece`).toBe('written');
      expect(readFileSync(path).equals(whole)).toBe(true);
    }
  });

  it('writes and compares long text a block at a time: surrogate pairs across the blocks\' edges and lone ones as whole-text encoding has them', async () => {
    const dir = folder();
    const path = join(dir, 'errors.ts');
    const block = 2 ** 18;
    // A pair straddling each edge of the 2^18-unit text blocks, lone surrogates, two- and three-byte characters.
    const text = `${'a'.repeat(block - 1)}😀${'é'.repeat(block - 3)}\ud800x\udc00✓${'b'.repeat(block)}😀\ud83d`;
    const bytes = Buffer.from(text, 'utf8');
    expect((await writeFilesAtomically([{ path, content: text }])).written).toEqual([{ path, bytes: bytes.length, outcome: 'written' }]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect((await writeFilesAtomically([{ path, content: text }])).written[0]?.outcome).toBe('unchanged');
    // The same number of bytes, one character different, in the last block.
    const other = `${text.slice(0, -4)}c${text.slice(-3)}`;
    expect(Buffer.byteLength(other)).toBe(bytes.length);
    expect((await writeFilesAtomically([{ path, content: other }])).written[0]?.outcome).toBe('written');
    expect(readFileSync(path).equals(Buffer.from(other, 'utf8'))).toBe(true);
  });

  it('writes a file computed from its own bytes only if it still holds them (compare-and-swap)', async () => {
    const dir = folder();
    const spec = join(dir, 'openapi.yaml');
    writeFileSync(spec, 'edited by someone else\n');
    const result = await writeFilesAtomically([{ path: spec, content: 'merged\n', expected: Buffer.from('as errcat read it\n') }]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['spec-changed']);
    expect(readFileSync(spec, 'utf8')).toBe('edited by someone else\n');
    expect((await writeFilesAtomically([{ path: spec, content: 'merged\n', expected: Buffer.from('edited by someone else\n') }])).diagnostics).toEqual([]);
  });

  it('waits for a lock a live process holds, then refuses; takes over one a killed run left', async () => {
    const dir = folder();
    const spec = join(dir, 'openapi.yaml');
    // A live holder: this test's parent process, which holds no lock in this one.
    writeFileSync(lockPath(spec), lockOwner(process.ppid));
    const started = Date.now();
    const waited = await writeFilesAtomically([{ path: spec, content: 'x' }], { lockWaitMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(waited.diagnostics.map((d) => [d.code, d.message])).toEqual([['file-locked', expect.stringContaining(`errcat process ${process.ppid} is writing`)]]);
    expect(existsSync(spec)).toBe(false);
    // Released while waiting: written.
    const writing = writeFilesAtomically([{ path: spec, content: 'x' }], { lockWaitMs: 5000 });
    setTimeout(() => nodeFs.unlink(lockPath(spec)), 100);
    expect((await writing).diagnostics).toEqual([]);
    // Gone (pid 2^22 + 1 is above Linux's pid_max): taken over at once.
    writeFileSync(lockPath(spec), lockOwner(4194305));
    expect((await writeFilesAtomically([{ path: spec, content: 'y' }], { lockWaitMs: 0 })).diagnostics).toEqual([]);
    expect([readFileSync(spec, 'utf8'), leftovers(dir)]).toEqual(['y', []]);
  });

  it('takes the locks all at once, and on contention lets them go and takes them in path order: it never holds a later file while it waits for an earlier one', async () => {
    const dir = folder();
    const [a, b, c] = ['a.yaml', 'b.yaml', 'c.yaml'].map((name) => join(dir, name)) as [string, string, string];
    // Another live errcat holds b: all at once takes a and c, then lets them go and waits in order, at b.
    writeFileSync(lockPath(b), lockOwner(process.ppid));
    const writing = writeFilesAtomically([c, b, a].map((path) => ({ path, content: 'x' })), { lockWaitMs: 5000 });
    await new Promise((done) => setTimeout(done, 200));
    expect([existsSync(lockPath(a)), existsSync(lockPath(c))]).toEqual([true, false]);
    await nodeFs.unlink(lockPath(b));
    expect((await writing).diagnostics).toEqual([]);
    expect([a, b, c].map((path) => readFileSync(path, 'utf8'))).toEqual(['x', 'x', 'x']);
    expect(leftovers(dir)).toEqual([]);
    // Uncontended, all at once: thirty files, written and their locks gone.
    const many = Array.from({ length: 30 }, (_, i) => ({ path: join(dir, 'many', `f${i}.txt`), content: String(i) }));
    expect((await writeFilesAtomically(many)).written.map((w) => w.outcome)).toEqual(many.map(() => 'written'));
    expect([leftovers(join(dir, 'many')), readFileSync(join(dir, 'many', 'f29.txt'), 'utf8')]).toEqual([[], '29']);
  });

  it('removes what killed runs left: their temporary files and locks, and 0.1\'s old temporary files after a day', async () => {
    const dir = folder();
    const dead = tempPath(join(dir, 'errors.ts')).replace(`-${process.pid}-`, '-4194305-');
    const live = tempPath(join(dir, 'errors.md'));
    const foreign = join(dir, '.errors.md.errcat-elsewhere-12-0a0b0c0d.tmp');
    const oldStyle = join(dir, 'openapi.yaml.0123456789ab.tmp');
    const fresh = join(dir, 'openapi.json.0123456789ab.tmp');
    for (const path of [dead, live, foreign, oldStyle, fresh]) writeFileSync(path, 'partial');
    const dayAgo = (Date.now() - 25 * 3600 * 1000) / 1000;
    utimesSync(oldStyle, dayAgo, dayAgo);
    await removeLeftovers(dir);
    expect(readdirSync(dir).sort()).toEqual([live, foreign, fresh].map((p) => p.slice(dir.length + 1)).sort());
  });
});
