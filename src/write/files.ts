import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { constants } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * errcat's one way to write files, so that neither a crash, a kill, a full disk nor a second
 * errcat can leave a torn, lost or half-written file:
 *
 * - every file is written to a temporary file in its own folder (`.NAME.errcat-HOST-PID-RANDOM.tmp`),
 *   flushed, and renamed over the target only when every file of the run has been written;
 * - the next run removes the temporary files and locks that a killed run left (their process is gone);
 * - a symlink is written through: the link stays, its target changes;
 * - the target keeps its mode (and owner, when errcat may set it); a read-only target is
 *   refused unless forced;
 * - each target is locked (`.NAME.errcat.lock`) while it is written, and a file computed from
 *   its own earlier bytes (a spec merged in place) is written only if it still holds them;
 * - a failure is a diagnostic, and then no file of the run has changed.
 */

export interface OutputFile {
  path: string;
  /**
   * Text (written as UTF-8), bytes, or bytes in pieces written in order (a merged spec: views of
   * the bytes it was read from, around the new ones, never assembled into one buffer).
   */
  content: string | Uint8Array | readonly Uint8Array[];
  /**
   * The bytes the content was computed from, when they came from this same file (a spec merged
   * in place): the file is written only if it still holds them (compare-and-swap).
   */
  expected?: Uint8Array;
}

export type WriteOutcome = 'written' | 'unchanged';

export interface WrittenFile {
  path: string;
  bytes: number;
  outcome: WriteOutcome;
}

export interface WriteResult {
  /** Every file and what happened to it; empty when anything failed (then nothing was written). */
  written: WrittenFile[];
  diagnostics: Diagnostic[];
}

/** The file-system calls errcat writes with: node's own, or a test's (to make a disk full). */
export interface WriteFileSystem {
  lstat: typeof nodeFs.lstat;
  stat: typeof nodeFs.stat;
  readlink: typeof nodeFs.readlink;
  readFile: typeof nodeFs.readFile;
  readdir: typeof nodeFs.readdir;
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  unlink: typeof nodeFs.unlink;
  mkdir: typeof nodeFs.mkdir;
  access: typeof nodeFs.access;
}

export interface WriteOptions {
  /** Write read-only files too (their mode is kept). */
  force?: boolean;
  /** How long to wait for another errcat that is writing the same file; default one minute. */
  lockWaitMs?: number;
  /** The file system to use; node's by default. */
  fs?: WriteFileSystem;
}

const DEFAULT_LOCK_WAIT_MS = 60_000;
/** A lock with no owner written in it yet is a run killed while taking it, once it is this old. */
const UNOWNED_LOCK_MS = 5_000;
/** Temporary files of another machine sharing the folder are left alone for a day. */
const FOREIGN_TEMP_MS = 24 * 60 * 60 * 1000;

const HOST = hostname().replace(/[^A-Za-z0-9]/g, '').slice(0, 24) || 'host';
const TEMP_NAME = /^\.(.+)\.errcat-([A-Za-z0-9]+)-(\d+)-[0-9a-f]+\.tmp$/;
const LOCK_NAME = /^\.(.+)\.errcat\.lock$/;
/** What errcat 0.1 named its temporary files: `NAME.0123456789ab.tmp`. */
const OLD_TEMP_NAME = /^.+\.[0-9a-f]{12}\.tmp$/;

export const tempPath = (target: string) => join(dirname(target), `.${basename(target)}.errcat-${HOST}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
export const lockPath = (target: string) => join(dirname(target), `.${basename(target)}.errcat.lock`);
/** What a lock says: the machine and process holding it. */
export const lockOwner = (pid: number = process.pid) => `${HOST} ${pid}\n`;

const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return code(error) === 'EPERM';
  }
}

/** How many files are looked at, locked or released at once: a run writes hundreds (a monorepo, docs pages). */
const AT_ONCE = 32;

/**
 * `f` over the items, `AT_ONCE` at a time, results in the items' order. Each file-system call is a
 * round trip to node's thread pool; one after another, they left a 100-catalog run idle a fifth
 * of its time.
 */
async function mapAtOnce<T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += AT_ONCE) results.push(...(await Promise.all(items.slice(i, i + AT_ONCE).map(f))));
  return results;
}

/** A diagnostic for a file-system error, saying what to do about it. */
function failure(file: string, error: unknown, doing: string, outcome = 'Nothing was changed.'): Diagnostic {
  const errno = code(error) ?? 'EIO';
  const reason: Record<string, string> = {
    ENOSPC: 'the disk is full; free some space',
    EDQUOT: 'the disk quota is used up; free some space',
    EACCES: 'permission denied; make the folder writable, or write elsewhere (--out)',
    EPERM: "the operation is not permitted; check the folder's permissions",
    EROFS: 'the file system is read-only; write elsewhere (--out)',
    ENOTDIR: 'a part of the path is a file, not a folder; fix the path',
    ELOOP: 'the path has too many symbolic links; fix the link',
    EMFILE: 'too many files are open; try again',
  };
  if (errno === 'EISDIR') return diagnostic('not-a-file', `${file} is a directory; give the path of a file to write.`, file, FILE_START);
  return diagnostic('write-failed', `errcat could not ${doing} (${errno}): ${reason[errno] ?? (error instanceof Error ? error.message : String(error))}. ${outcome}`, file, FILE_START);
}

/** The file a path ends at, links followed (a dangling link ends at the file it names). */
async function finalPath(fs: WriteFileSystem, path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = (await fs.lstat(current)).isSymbolicLink();
    } catch (error) {
      if (code(error) === 'ENOENT') return current;
      throw error;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), await fs.readlink(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

/** The locks this process holds, by target: a merge holds its spec's lock while it reads, merges and writes. */
const held = new Map<string, number>();

export interface Locks {
  release(): Promise<void>;
}

async function readOwner(fs: WriteFileSystem, lock: string): Promise<{ host: string; pid: number } | undefined> {
  const text = await fs.readFile(lock, 'utf8').catch(() => '');
  const [host, pid] = text.trim().split(/\s+/);
  return host && pid && /^\d+$/.test(pid) ? { host, pid: Number(pid) } : undefined;
}

/** Whether a lock was left by a run that is gone: its process is dead, or it never wrote its owner. */
async function abandoned(fs: WriteFileSystem, lock: string): Promise<boolean> {
  const owner = await readOwner(fs, lock);
  if (owner) return owner.host === HOST && !alive(owner.pid);
  const info = await fs.stat(lock).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > UNOWNED_LOCK_MS;
}

/** Creates a target's lock, with this process as its owner; fails (EEXIST) when it exists. */
async function createLock(fs: WriteFileSystem, real: string): Promise<void> {
  await fs.mkdir(dirname(real), { recursive: true });
  const handle = await fs.open(lockPath(real), 'wx');
  try {
    await handle.writeFile(lockOwner());
  } catch (error) {
    // A lock without its owner would hold up every run for a minute: it goes.
    await handle.close();
    await fs.unlink(lockPath(real)).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/**
 * Locks the targets (links followed), in path order so that two runs cannot wait for each other.
 * A lock another live errcat holds is waited for; one a killed run left is taken over.
 */
export async function acquireLocks(paths: readonly string[], options: WriteOptions = {}): Promise<Locks | { diagnostics: Diagnostic[] }> {
  const fs = options.fs ?? nodeFs;
  const wait = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  const found = await mapAtOnce(paths, async (path) => {
    try {
      return { path, real: await finalPath(fs, path) };
    } catch (error) {
      return failure(path, error, `follow the links of ${path}`);
    }
  });
  const failed = found.find((f): f is Diagnostic => !('real' in f));
  if (failed) return { diagnostics: [failed] };
  const targets = found as { path: string; real: string }[];
  const mine: string[] = [];
  const release = async () => {
    const freed: string[] = [];
    for (const real of mine.splice(0).reverse()) {
      const count = (held.get(real) ?? 1) - 1;
      if (count > 0) held.set(real, count);
      else {
        held.delete(real);
        freed.push(real);
      }
    }
    await mapAtOnce(freed, (real) => fs.unlink(lockPath(real)).catch(() => undefined));
  };
  const unique = [...new Map(targets.map((t) => [t.real, t])).values()].sort((a, b) => a.real.localeCompare(b.real));
  // First every lock at once. If any is taken (or fails), those taken here are let go and the
  // locks are taken one by one in path order, waiting where needed: two runs that want the same
  // files then cannot each hold what the other waits for.
  const fresh = unique.filter(({ real }) => !held.has(real));
  const taken = await mapAtOnce(fresh, async ({ real }) => {
    try {
      await createLock(fs, real);
      return real;
    } catch {
      return undefined;
    }
  });
  for (const real of taken) if (real !== undefined) held.set(real, 1);
  if (taken.every((real) => real !== undefined)) {
    const takenHere = new Set(taken);
    for (const { real } of unique) {
      if (!takenHere.has(real)) held.set(real, (held.get(real) as number) + 1);
      mine.push(real);
    }
    return { release };
  }
  for (const real of taken) if (real !== undefined) mine.push(real);
  await release();
  for (const { path, real } of unique) {
    if (held.has(real)) {
      held.set(real, (held.get(real) as number) + 1);
      mine.push(real);
      continue;
    }
    const lock = lockPath(real);
    const deadline = Date.now() + wait;
    for (;;) {
      try {
        await createLock(fs, real);
        held.set(real, 1);
        mine.push(real);
        break;
      } catch (error) {
        if (code(error) !== 'EEXIST') {
          await release();
          return { diagnostics: [failure(path, error, `create files in ${dirname(real)}`)] };
        }
      }
      if (await abandoned(fs, lock)) {
        await fs.unlink(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() >= deadline) {
        const owner = await readOwner(fs, lock);
        await release();
        const who = owner ? `errcat process ${owner.pid}${owner.host === HOST ? '' : ` on ${owner.host}`}` : 'another errcat process';
        return {
          diagnostics: [
            diagnostic('file-locked', `${who} is writing ${path} and still holds its lock after ${Math.round(wait / 1000)} s, so nothing was written. Run again when it ends; if no errcat is running, delete ${lock}.`, path, FILE_START),
          ],
        };
      }
      await new Promise((done) => setTimeout(done, 25 + Math.random() * 50));
    }
  }
  return { release };
}

/**
 * Removes what killed runs left in a folder: their temporary files and locks (their process is
 * gone; another machine's after a day), and errcat 0.1's temporary files after a day.
 */
export async function removeLeftovers(folder: string, fs: WriteFileSystem = nodeFs): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    let stale = false;
    const temp = TEMP_NAME.exec(name);
    if (temp) {
      const sameHost = temp[2] === HOST;
      stale = sameHost ? !alive(Number(temp[3])) : await olderThan(fs, path, FOREIGN_TEMP_MS);
    } else if (LOCK_NAME.test(name)) {
      stale = !held.has(join(folder, (LOCK_NAME.exec(name) as RegExpExecArray)[1] as string)) && (await abandoned(fs, path));
    } else if (OLD_TEMP_NAME.test(name)) {
      stale = await olderThan(fs, path, FOREIGN_TEMP_MS);
    }
    if (stale) await fs.unlink(path).catch(() => undefined);
  }
}

async function olderThan(fs: WriteFileSystem, path: string, ms: number): Promise<boolean> {
  const info = await fs.stat(path).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}

/** A file's content as the pieces to write, in order (text encoded whole: see `contentBlocks` for the way that does not). */
function contentChunks(content: OutputFile['content']): readonly Uint8Array[] {
  return typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content instanceof Uint8Array ? [content] : content;
}

/** A file's content as one buffer (pieces assembled: for a caller that needs them so). */
export function contentBytes(content: OutputFile['content']): Uint8Array {
  const chunks = contentChunks(content);
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** A file's content's size in bytes, without encoding it. */
export function contentSize(content: OutputFile['content']): number {
  if (typeof content === 'string') return Buffer.byteLength(content, 'utf8');
  return content instanceof Uint8Array ? content.byteLength : content.reduce((total, chunk) => total + chunk.byteLength, 0);
}

/** UTF-16 units of text encoded at a time (at most three bytes each), into one buffer reused. */
const TEXT_BLOCK = 1 << 18;

/**
 * A content's bytes as blocks, in order, each valid only until the next is asked for. Text is
 * encoded a stretch at a time into one reused buffer, never split inside a surrogate pair: a
 * 22 MB errors.ts would otherwise need 22 MB of fresh memory just to be compared and written.
 */
export function* contentBlocks(content: OutputFile['content']): Generator<Uint8Array> {
  if (typeof content !== 'string') {
    yield* contentChunks(content);
    return;
  }
  if (content.length <= TEXT_BLOCK) {
    yield Buffer.from(content, 'utf8');
    return;
  }
  const buffer = Buffer.allocUnsafe(TEXT_BLOCK * 3);
  for (let start = 0; start < content.length; ) {
    let end = Math.min(start + TEXT_BLOCK, content.length);
    const last = content.charCodeAt(end - 1);
    // A high surrogate at the end goes with the low one after it, into the next stretch.
    if (end < content.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield buffer.subarray(0, buffer.write(content.slice(start, end), 0, 'utf8'));
    start = end;
  }
}

/** How much of a file is read at a time to compare it (one buffer, reused). */
const COMPARE_BLOCK = 1 << 20;

/**
 * Whether a file holds exactly a content's bytes (false when it cannot be read). Read a block at
 * a time into one buffer, and the content encoded a block at a time too: reading a 13 MB spec
 * whole into fresh memory, to compare it, cost more than the merge that made the new bytes.
 */
export async function holds(fs: Pick<WriteFileSystem, 'open'>, path: string, content: OutputFile['content']): Promise<boolean> {
  const size = contentSize(content);
  let handle: nodeFs.FileHandle;
  try {
    handle = await fs.open(path, 'r');
  } catch {
    return false;
  }
  try {
    if ((await handle.stat()).size !== size) return false;
    const block = Buffer.allocUnsafe(Math.max(1, Math.min(size, COMPARE_BLOCK)));
    const expected = contentBlocks(content);
    // The content's block being compared, and how far into it.
    let piece: Uint8Array = new Uint8Array(0);
    let within = 0;
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(block, 0, block.length, position);
      // The end: the file must end where the bytes do (it may have changed since its size was read).
      if (bytesRead === 0) return position === size;
      if (position + bytesRead > size) return false;
      for (let compared = 0; compared < bytesRead; ) {
        while (within === piece.byteLength) [piece, within] = [expected.next().value as Uint8Array, 0];
        const length = Math.min(piece.byteLength - within, bytesRead - compared);
        if (Buffer.compare(block.subarray(compared, compared + length), piece.subarray(within, within + length)) !== 0) return false;
        compared += length;
        within += length;
      }
      position += bytesRead;
    }
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * Writes a content: bytes as they are; pieces in one gathering write (no copy into one buffer
 * first); text a block at a time, as encoded (see contentBlocks).
 */
async function writeContent(handle: nodeFs.FileHandle, content: OutputFile['content']): Promise<void> {
  if (content instanceof Uint8Array) return handle.writeFile(content);
  if (typeof content !== 'string') return writeAll(handle, content);
  for (const block of contentBlocks(content)) await writeAll(handle, [block]);
}

async function writeAll(handle: nodeFs.FileHandle, pieces: readonly Uint8Array[]): Promise<void> {
  const size = pieces.reduce((total, piece) => total + piece.byteLength, 0);
  const { bytesWritten } = await handle.writev(pieces as Uint8Array[]);
  if (bytesWritten !== size) throw Object.assign(new Error(`short write: ${bytesWritten} of ${size} bytes`), { code: 'EIO' });
}

/** A target as found before writing: where its links lead, and its mode and owner if it exists. */
interface Found {
  real: string;
  info?: { mode: number; uid: number; gid: number };
}

/** Follows a target's links and looks at it: a folder (or another non-file) cannot be written. */
async function inspect(fs: WriteFileSystem, path: string): Promise<Found | Diagnostic> {
  let real: string;
  try {
    real = await finalPath(fs, path);
  } catch (error) {
    return failure(path, error, `follow the links of ${path}`);
  }
  let info;
  try {
    info = await fs.stat(real);
  } catch (error) {
    return code(error) === 'ENOENT' ? { real } : failure(path, error, `look at ${path}`);
  }
  if (!info.isFile()) return diagnostic('not-a-file', `${path} is ${info.isDirectory() ? 'a directory' : 'not a regular file'}; give the path of a file to write.`, path, FILE_START);
  return { real, info: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } };
}

/** A read-only target, unless forced: no write permission for anyone, or none for errcat. */
async function readOnly(fs: WriteFileSystem, path: string, found: Found, options: WriteOptions): Promise<Diagnostic | undefined> {
  if (options.force || !found.info) return undefined;
  const readOnly = (found.info.mode & 0o222) === 0;
  if (!readOnly && (await fs.access(found.real, constants.W_OK).then(() => true, () => false))) return undefined;
  const link = found.real === resolve(path) ? '' : ` (through the link, ${found.real})`;
  const mode = (found.info.mode & 0o777).toString(8);
  const what = readOnly ? `is read-only (mode ${mode})` : `is not writable by this user (mode ${mode}, owner ${found.info.uid})`;
  return diagnostic('not-writable', `${path}${link} ${what}, so errcat leaves it alone; make it writable, or pass --force to replace it anyway (its mode is kept).`, path, FILE_START);
}

/**
 * Why a target cannot be written as it stands: it is a folder, or it is read-only and not
 * forced. For a check before costly work (a merge); the write checks again.
 */
export async function checkWritable(path: string, options: WriteOptions = {}): Promise<Diagnostic | undefined> {
  const fs = options.fs ?? nodeFs;
  const found = await inspect(fs, path);
  return 'real' in found ? readOnly(fs, path, found, options) : found;
}

/** A file to write, as found. */
interface Target extends Found {
  file: OutputFile;
  size: number;
  temp?: string;
}

/**
 * Writes every file or none (see the top of this file). Unchanged files are not touched, so
 * timestamps stay put and watchers stay quiet; a read-only file that is already current is fine.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const fs = options.fs ?? nodeFs;
  const targets: Target[] = [];
  const changed: Target[] = [];
  const problems: Diagnostic[] = [];
  const looks = await mapAtOnce(files, async (file) => {
    const found = await inspect(fs, file.path);
    if (!('real' in found)) return { problem: found };
    const target: Target = { ...found, file, size: contentSize(file.content) };
    if (found.info && (await holds(fs, found.real, file.content))) return { target, unchanged: true };
    return { target, unchanged: false, problem: await readOnly(fs, file.path, found, options) };
  });
  for (const look of looks) {
    if (look.target) targets.push(look.target);
    if (look.target && !look.unchanged) changed.push(look.target);
    if (look.problem) problems.push(look.problem);
  }
  if (problems.length > 0) return { written: [], diagnostics: problems };
  const result = () => targets.map((t): WrittenFile => ({ path: t.file.path, bytes: t.size, outcome: changed.includes(t) ? 'written' : 'unchanged' }));
  if (changed.length === 0) {
    // A run killed after its renames left its locks (and nothing to rewrite): they go now too.
    await mapAtOnce([...new Set(targets.map((t) => dirname(t.real)))], (folder) => removeLeftovers(folder, fs));
    return { written: result(), diagnostics: [] };
  }
  const locks = await acquireLocks(
    changed.map((t) => t.file.path),
    options,
  );
  if ('diagnostics' in locks) return { written: [], diagnostics: locks.diagnostics };
  try {
    // Under the lock: a file computed from its own bytes is written only if it still holds them.
    for (const target of changed) {
      const { expected } = target.file;
      if (expected === undefined) continue;
      if (await holds(fs, target.real, expected)) continue;
      const message = `${target.file.path} changed on disk while errcat was merging into it, so nothing was written (the other change is kept). Run errcat again to merge into the new version.`;
      return { written: [], diagnostics: [diagnostic('spec-changed', message, target.file.path, FILE_START)] };
    }
    const folders = [...new Set(changed.map((t) => dirname(t.real)))];
    await mapAtOnce(folders, (folder) => removeLeftovers(folder, fs));
    // The temporary files are written and synced all at once (their syncs overlap, a few ms each
    // even on a quiet disk); none is renamed before every one is on disk. The first to fail, in order, is reported.
    const writes = await Promise.allSettled(
      changed.map(async (target) => {
        await fs.mkdir(dirname(target.real), { recursive: true });
        const temp = tempPath(target.real);
        const handle = await fs.open(temp, 'wx', target.info?.mode ?? 0o666);
        target.temp = temp;
        try {
          await writeContent(handle, target.file.content);
          if (target.info) {
            await handle.chmod(target.info.mode);
            if (process.getuid?.() === 0) await handle.chown(target.info.uid, target.info.gid).catch(() => undefined);
          }
          await handle.sync();
        } finally {
          await handle.close();
        }
      }),
    );
    const failed = writes.findIndex((write) => write.status === 'rejected');
    if (failed >= 0) {
      const path = (changed[failed] as Target).file.path;
      return { written: [], diagnostics: [failure(path, (writes[failed] as PromiseRejectedResult).reason, `write ${path}`)] };
    }
    for (const [i, target] of changed.entries()) {
      try {
        await fs.rename(target.temp as string, target.real);
        delete target.temp;
      } catch (error) {
        const done = changed.slice(0, i).map((t) => t.file.path);
        return { written: [], diagnostics: [failure(target.file.path, error, `replace ${target.file.path}`, done.length === 0 ? 'Nothing was changed.' : `Already replaced: ${done.join(', ')}.`)] };
      }
    }
    await Promise.all(folders.map((folder) => syncFolder(fs, folder)));
    return { written: result(), diagnostics: [] };
  } finally {
    await Promise.all(changed.map((t) => (t.temp ? fs.unlink(t.temp).catch(() => undefined) : undefined)));
    await locks.release();
  }
}

/** Makes a folder's new entries durable (a rename is only safe on disk once its folder is). */
async function syncFolder(fs: WriteFileSystem, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot sync a folder; the rename itself is still atomic.
  }
}
