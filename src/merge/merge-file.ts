import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { acquireLocks, checkWritable, writeFilesAtomically, type WriteOptions, type WrittenFile } from '../write/files.js';
import { mergeSpec, type MergeOptions } from './merge.js';
import type { MergeCounts } from './plan.js';
import { checkSpecFile, readSpecFile } from './spec-file.js';

export interface MergeFileOptions extends MergeOptions, WriteOptions {
  /** Where the merged spec goes; the spec itself by default. */
  out?: string;
}

export interface MergeFileResult {
  diagnostics: Diagnostic[];
  /** User responses kept or replaced. */
  notes: string[];
  /** What the merge changed; present with `written`. */
  counts?: MergeCounts;
  /** The file written (or left unchanged); absent when anything failed, and then no file changed. */
  written?: WrittenFile;
  /** True when the spec does not exist: a usage error, not a diagnostic. */
  missing?: boolean;
}

/**
 * `errcat merge` as one call: reads the spec, merges the catalog into it and writes the result
 * safely (see src/write/files.ts). The output is locked from before the spec is read until it is
 * written, so two merges into one spec at once run one after the other and both land; an edit
 * by anything else in between is refused (`spec-changed`), never overwritten.
 */
export async function mergeFile(catalog: Catalog, spec: string, options: MergeFileOptions = {}): Promise<MergeFileResult> {
  const out = options.out ?? spec;
  // Before the costly part: a spec that cannot be read, or an output that will not be written anyway.
  const unreadable = await checkSpecFile(spec, options.limits);
  if (unreadable) return 'missing' in unreadable ? { diagnostics: [], notes: [], missing: true } : { diagnostics: [unreadable.diagnostic], notes: [] };
  const unwritable = await checkWritable(out, options);
  if (unwritable) return { diagnostics: [unwritable], notes: [] };
  const locks = await acquireLocks([out], options);
  if ('diagnostics' in locks) return { diagnostics: locks.diagnostics, notes: [] };
  try {
    const read = await readSpecFile(spec, options.limits);
    if ('missing' in read) return { diagnostics: [], notes: [], missing: true };
    if ('diagnostic' in read) return { diagnostics: [read.diagnostic], notes: [] };
    const merged = await mergeSpec(catalog, spec, read.text, { ...options, bytes: read.bytes });
    if (merged.chunks === undefined) return { diagnostics: merged.diagnostics, notes: merged.notes };
    const inPlace = resolve(out) === resolve(spec);
    const write = await writeFilesAtomically([{ path: out, content: merged.chunks, ...(inPlace ? { expected: read.bytes } : {}) }], options);
    const written = write.written[0];
    return { diagnostics: [...merged.diagnostics, ...write.diagnostics], notes: merged.notes, ...(written && merged.counts ? { written, counts: merged.counts } : {}) };
  } finally {
    await locks.release();
  }
}
