import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatGitHubActions } from '../../src/diagnostics/format-github-actions.js';
import { formatJson } from '../../src/diagnostics/format-json.js';
import { formatSarif } from '../../src/diagnostics/format-sarif.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { loadCatalog, loadCatalogText } from '../../src/load.js';
import { ROOT } from '../helpers.js';
import { sarifErrors } from '../judges.js';

const TOOL = { name: 'errcat', version: '0.0.0-test' };
const at = (line: number, column: number, endColumn = column) => ({ start: { line, column }, end: { line, column: endColumn } });

/** Diagnostics as errcat reports them: a duplicate code (with its first definition), a warning, one at the start of a file. */
async function realDiagnostics(): Promise<Diagnostic[]> {
  const duplicate = loadCatalogText('specs/api/errors.yaml', 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400, title: A }\n  a: { status: 401, title: B }\n');
  const warning = loadCatalogText('specs/other api/errors.yaml', 'errcat: 1\ninfo: { title: T, version: "1" }\nenvelope: { kind: flat }\nerrors:\n  a: { status: 400 }\n');
  return [...duplicate.diagnostics, ...warning.diagnostics, diagnostic('stale-output', 'This generated file is missing; run `errcat generate` to write it.', '/abs/out/errors.ts', at(1, 1))];
}

describe('related locations', () => {
  it.each([
    ['duplicate-code.yaml', 'duplicate-code', '7:3', '6:3', 'first defined here'],
    ['duplicate-key.yaml', 'duplicate-key', '5:1', '3:1', 'first written here'],
  ])('%s: the first definition is a related location', async (fixture, code, where, first, message) => {
    const { diagnostics } = await loadCatalog(join(ROOT, 'test/fixtures/invalid', fixture));
    const found = diagnostics.find((d) => d.code === code);
    expect(`${found?.start.line}:${found?.start.column}`).toBe(where);
    expect(found?.related?.map((r) => `${r.start.line}:${r.start.column} ${r.message}`)).toEqual([`${first} ${message}`]);
    expect(found?.related?.[0]?.file).toBe(found?.file);
  });

  it('stylish prints each as an indented note line under the diagnostic', async () => {
    const [duplicate] = await realDiagnostics();
    expect(formatDiagnostic(duplicate as Diagnostic, { color: false }).split('\n')).toEqual([
      'specs/api/errors.yaml:6:3 - error duplicate-code: This code already has an entry; merge the two (a code answered with several statuses takes `status: [..]`).',
      '  specs/api/errors.yaml:5:3 - note: first defined here',
    ]);
  });
});

describe('--format json', () => {
  it('one object: ok, counts, the diagnostics with their related locations, and what the command adds', async () => {
    const diagnostics = await realDiagnostics();
    const report = JSON.parse(formatJson(diagnostics, { files: [] })) as Record<string, unknown>;
    expect(report).toEqual({ ok: false, errors: 2, warnings: 1, diagnostics: JSON.parse(JSON.stringify(diagnostics)), files: [] });
    expect(JSON.parse(formatJson([])) as object).toEqual({ ok: true, errors: 0, warnings: 0, diagnostics: [] });
  });
});

describe('--format github-actions', () => {
  it('one workflow command per diagnostic, with its position and code as title', async () => {
    const lines = formatGitHubActions(await realDiagnostics()).split('\n');
    expect(lines[0]).toBe('::error file=specs/api/errors.yaml,line=6,col=3,endLine=6,endColumn=4,title=duplicate-code::This code already has an entry; merge the two (a code answered with several statuses takes `status: [..]`).%0Aspecs/api/errors.yaml:5:3 - note: first defined here');
    expect(lines[1]).toMatch(/^::warning file=specs\/other api\/errors\.yaml,line=5,col=3,endLine=5,endColumn=4,title=missing-description::/);
    expect(lines[3]).toBe('');
  });

  it("escapes as GitHub's toolkit does: % CR LF in the message, and : , too in properties", () => {
    const d = diagnostic('unknown-key', '100% sure:\r\nno, really', 'a:b,c%.yaml', at(1, 2, 5));
    expect(formatGitHubActions([d])).toBe('::error file=a%3Ab%2Cc%25.yaml,line=1,col=2,endLine=1,endColumn=5,title=unknown-key::100%25 sure:%0D%0Ano, really\n');
  });
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 (the official JSON Schema)', async () => {
    const log = JSON.parse(formatSarif(await realDiagnostics(), TOOL)) as unknown;
    expect(await sarifErrors(log)).toBe('');
    expect(await sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toBe('');
  });

  it('one run: every code of the table as a rule, a result per diagnostic with its region and related locations', async () => {
    type Location = { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: object } };
    const log = JSON.parse(formatSarif(await realDiagnostics(), TOOL)) as {
      runs: { tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: Location[]; relatedLocations?: (Location & { message: { text: string } })[] }[] }[];
    };
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(Object.keys(DIAGNOSTIC_CODES));
    for (const rule of rules) expect(rule.shortDescription.text).toBe(DIAGNOSTIC_CODES[rule.id as keyof typeof DIAGNOSTIC_CODES].summary);
    const [duplicate, warning, absolute] = run?.results ?? [];
    expect(rules[duplicate?.ruleIndex ?? -1]?.id).toBe('duplicate-code');
    expect(duplicate?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'specs/api/errors.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 3, endLine: 6, endColumn: 4 } });
    expect(duplicate?.relatedLocations).toEqual([{ id: 0, message: { text: 'first defined here' }, physicalLocation: { artifactLocation: { uri: 'specs/api/errors.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 3, endLine: 5, endColumn: 4 } } }]);
    expect(warning?.level).toBe('warning');
    expect(warning?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('specs/other%20api/errors.yaml');
    expect(absolute?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'file:///abs/out/errors.ts' });
  });
});
