import { mdCell, mdCode } from '../emit/docs/markdown.js';
import { impactOf, render, type Finding } from './finding.js';
import { IMPACTS, type Impact, type Words } from './kinds.js';

/** The formats of `errcat diff --format`. */
export const DIFF_FORMATS = ['human', 'json', 'markdown', 'github-actions'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface ReportOptions {
  /** What was compared, as the reader should see it: file names, `main:specs/x/errors.yaml`. */
  old: string;
  new: string;
  /** ANSI colours (human format only). */
  color?: boolean;
}

/** Findings as text in one of the formats; pure. */
export function formatReport(findings: readonly Finding[], format: DiffFormat, options: ReportOptions): string {
  switch (format) {
    case 'human':
      return human(findings, options);
    case 'json':
      return `${JSON.stringify(jsonReport(findings, options), null, 2)}\n`;
    case 'markdown':
      return markdown(findings, options);
    case 'github-actions':
      return githubActions(findings);
  }
}

const count = (findings: readonly Finding[], impact: Impact, pick: (f: Finding) => Impact = impactOf) => findings.filter((f) => pick(f) === impact).length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const where = (f: Finding) => (f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : undefined);

function summary(findings: readonly Finding[]): string {
  return `${count(findings, 'breaking')} breaking, ${plural(count(findings, 'warning'), 'warning')}, ${count(findings, 'info')} info`;
}

export function jsonReport(findings: readonly Finding[], options: ReportOptions): unknown {
  return {
    old: options.old,
    new: options.new,
    summary: Object.fromEntries(IMPACTS.map((i) => [i, count(findings, i)])),
    findings: findings.map((f) => ({ kind: f.kind, impact: impactOf(f), clients: f.clients, servers: f.servers, message: f.message, migration: f.migration, at: f.at, ...(f.location ? { location: f.location } : {}) })),
  };
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const STYLES = { breaking: ansi(31, 39), warning: ansi(33, 39), info: ansi(36, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
const HEADINGS: Record<Impact, string> = { breaking: 'Breaking', warning: 'Warnings', info: 'Info' };

/** Grouped by impact, most serious first; each finding with its place, kind, impacts and migration note. */
function human(findings: readonly Finding[], options: ReportOptions): string {
  const paint = (style: keyof typeof STYLES, s: string) => (options.color ? STYLES[style](s) : s);
  const head = `errcat diff ${options.old} → ${options.new}`;
  if (findings.length === 0) return `${head}: no change to the error contract\n`;
  const lines = [`${head}: ${summary(findings)}`];
  for (const impact of IMPACTS) {
    const group = findings.filter((f) => impactOf(f) === impact);
    if (group.length === 0) continue;
    lines.push('', paint('bold', paint(impact, `${HEADINGS[impact]} (${group.length})`)));
    for (const f of group) {
      const place = where(f);
      lines.push(`  ${place ? `${paint('dim', place)}  ` : ''}${f.message}`);
      lines.push(`    ${paint('dim', `${f.kind} · clients ${f.clients}, servers ${f.servers}`)}`);
      lines.push(`    → ${f.migration}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const MARKDOWN_WORDS: Words = { code: (value) => mdCode(value, true), text: mdCell };

/** For a pull-request comment: a summary table by direction, then one table per impact. */
function markdown(findings: readonly Finding[], options: ReportOptions): string {
  const lines = ['## Error contract changes', '', `${mdCode(options.old)} → ${mdCode(options.new)}: ${findings.length === 0 ? 'no change to the error contract.' : `${summary(findings)}.`}`];
  if (findings.length === 0) return `${lines.join('\n')}\n`;
  lines.push('', '| impact | changes | for clients | for servers |', '|---|---:|---:|---:|');
  for (const impact of IMPACTS) lines.push(`| ${impact} | ${count(findings, impact)} | ${count(findings, impact, (f) => f.clients)} | ${count(findings, impact, (f) => f.servers)} |`);
  for (const impact of IMPACTS) {
    const group = findings.filter((f) => impactOf(f) === impact);
    if (group.length === 0) continue;
    lines.push('', `### ${HEADINGS[impact]}`, '', '| change | clients | servers | migration | where |', '|---|---|---|---|---|');
    for (const f of group) {
      const { message, migration } = render(f, MARKDOWN_WORDS);
      const place = where(f);
      lines.push(`| ${message} (${mdCode(f.kind, true)}) | ${f.clients} | ${f.servers} | ${migration} | ${place ? mdCode(place, true) : ''} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** GitHub's workflow-command escaping: `%`, CR and LF in a message; also `:` and `,` in a property. */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProperty = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const COMMANDS: Record<Impact, string> = { breaking: 'error', warning: 'warning', info: 'notice' };

/** One workflow command per finding, annotating the catalog line it is about. */
function githubActions(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const properties = [
        ...(f.location ? [`file=${ghProperty(f.location.file)}`, `line=${f.location.line}`, `col=${f.location.column}`] : []),
        `title=${ghProperty(`errcat diff: ${f.kind} (clients ${f.clients}, servers ${f.servers})`)}`,
      ];
      return `::${COMMANDS[impactOf(f)]} ${properties.join(',')}::${ghData(`${f.message} ${f.migration}`)}\n`;
    })
    .join('');
}
