import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/project/config.js';
import { planProject } from '../src/project/plan.js';
import { ROOT, runCli, SPEC_CATALOGS } from './helpers.js';

// generated/ is the checked-in output of specs/ through errcat.config.yaml; `npm run generate` refreshes it.
describe('generated/', () => {
  it('is current: errcat check passes on the project itself', () => {
    const run = runCli(['check']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^${SPEC_CATALOGS.length * 4} files current in \\d+\\.\\d\\d s\n$`));
    expect(run.status).toBe(0);
  });

  it('holds exactly the planned files, a folder per catalog', async () => {
    const { config } = await loadConfig(join(ROOT, 'errcat.config.yaml'));
    if (!config) throw new Error('config does not load');
    const plan = await planProject(config);
    expect(plan.diagnostics).toEqual([]);
    const onDisk = readdirSync(join(ROOT, 'generated'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    expect(onDisk).toEqual(plan.files.map((f) => f.path).sort());
    expect(readdirSync(join(ROOT, 'generated')).sort()).toEqual(SPEC_CATALOGS.map((f) => f.split('/')[1]).sort());
  });
});
