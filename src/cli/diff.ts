import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
// The public API's functions (src/index.ts), from their modules: a command loads only what it uses.
import { diffContracts, readContract, readSpecData, type Contract } from '../diff/contract.js';
import { impactOf, type Finding } from '../diff/finding.js';
import type { Impact } from '../diff/kinds.js';
import { DIFF_FORMATS, formatReport, type DiffFormat } from '../diff/report.js';
import { framesOf } from './import.js';
import { printDiagnostics } from './output.js';
import { EXIT, UsageError, useColor } from './terminal.js';

export interface DiffOptions {
  base?: string;
  spec?: string;
  format?: string;
  failOn?: string;
}

const FAIL_ON = ['breaking', 'warning', 'info', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

/** `--format` and `--fail-on`, checked. */
export function reportOptions(options: { format?: string; failOn?: string }): { format: DiffFormat; failOn: FailOn } {
  const format = options.format ?? 'human';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`errcat: --format must be one of ${DIFF_FORMATS.join(', ')}, not "${format}"`);
  const failOn = options.failOn ?? 'breaking';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`errcat: --fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  return { format: format as DiffFormat, failOn: failOn as FailOn };
}

/** Whether any finding reaches the `--fail-on` threshold. */
export function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const rank: Record<Impact, number> = { breaking: 0, warning: 1, info: 2 };
  return findings.some((f) => rank[impactOf(f)] <= rank[failOn]);
}

/** A file as it is at a git revision (`git show REF:./file`, run in the file's own repository), or undefined when it did not exist there. */
export function readAtRevision(ref: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${ref}:./${basename(file)}`], { cwd: dirname(resolve(file)), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/exists on disk, but not in|does not exist in|path .* does not exist/i.test(stderr)) return undefined;
    throw new UsageError(`errcat: git show ${ref}:${file} failed: ${stderr.trim().split('\n')[0] ?? 'git is not available'}`);
  }
}

/** Reads a contract and prints its diagnostics; undefined when it does not load. */
function load(file: string, text: string): (Contract & { catalog: NonNullable<Contract['catalog']> }) | undefined {
  const contract = readContract(file, text);
  printDiagnostics(contract.diagnostics.filter((d) => d.severity !== 'info' || !contract.catalog), framesOf(file, text));
  return contract.catalog ? (contract as Contract & { catalog: NonNullable<Contract['catalog']> }) : undefined;
}

async function readInput(file: string): Promise<string> {
  if (!existsSync(file)) throw new UsageError(`errcat: no such file: ${file}`);
  return readFile(file, 'utf8');
}

/**
 * `errcat diff OLD NEW` (or `--base REF NEW`): the error contract's changes, each with its
 * impact on clients and servers; exit 1 when one reaches `--fail-on`.
 */
export async function diffCommand(files: readonly string[], options: DiffOptions): Promise<number> {
  const { format, failOn } = reportOptions(options);
  const wanted = options.base === undefined ? 2 : 1;
  if (files.length !== wanted) {
    throw new UsageError(options.base === undefined ? 'errcat: diff takes OLD and NEW (catalogs or specs), or --base REF and NEW' : 'errcat: with --base, diff takes one file: NEW (OLD is NEW at REF)');
  }
  const newFile = files[files.length - 1] as string;
  const newText = await readInput(newFile);
  let oldFile: string;
  let oldText: string;
  if (options.base !== undefined) {
    oldFile = `${options.base}:${newFile}`;
    const text = readAtRevision(options.base, newFile);
    if (text === undefined) throw new UsageError(`errcat: ${newFile} does not exist at ${options.base}`);
    oldText = text;
  } else {
    oldFile = files[0] as string;
    oldText = await readInput(oldFile);
  }
  let spec;
  if (options.spec !== undefined) {
    spec = readSpecData(options.spec, await readInput(options.spec));
    if (!spec) throw new UsageError(`errcat: --spec ${options.spec} is not a YAML or JSON mapping`);
  }
  const old = load(oldFile, oldText);
  const next = load(newFile, newText);
  if (!old || !next) return EXIT.diagnostics;
  const findings = diffContracts(old, next, spec ? { spec } : {});
  process.stdout.write(formatReport(findings, format, { old: oldFile, new: newFile, color: format === 'human' && useColor(process.stdout) }));
  return fails(findings, failOn) ? EXIT.diagnostics : EXIT.ok;
}
