import { benchGenerate } from './generate.bench.js';
import { benchGuards } from './guards.bench.js';
import { benchImport, benchCorpus } from './import.bench.js';
import { benchMerge } from './merge.bench.js';
import { benchProcesses } from './processes.bench.js';
import { benchWatch } from './watch.bench.js';

const quick = process.argv.includes('--quick');
benchProcesses(quick);
await benchWatch(quick);
benchGenerate(quick ? [100, 1000] : [100, 1000, 10_000]);
await benchGuards(['specs/sandbox/errors.yaml', 'specs/device-readings/errors.yaml', 'specs/sensor-data/errors.yaml', 'test/fixtures/valid/list-of-errors.yaml']);
await benchMerge();
await benchImport();
await benchCorpus(quick);
