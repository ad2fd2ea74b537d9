import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src/diff/kinds.js';
import { ROOT } from '../helpers.js';

describe('the README', () => {
  it('lists every diff kind with its impacts on clients and servers', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [kind, spec] of Object.entries(FINDING_KINDS)) expect(readme).toContain(`| \`${kind}\` | ${spec.clients} | ${spec.servers} |`);
  });
});
