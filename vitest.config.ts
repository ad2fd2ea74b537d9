import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Long enough for a tsc run over every generated module on a loaded 2-core machine; a hang still fails.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // vitest's default is one worker per core less one: a single worker on a 2-core machine, while
    // much of the suite waits on child processes (tsc, Prism, the CLI).
    maxWorkers: 2,
    // Test files share a worker's loaded modules (ts-morph, ajv, swagger-parser load once per
    // worker, not once per file); no test depends on a fresh module state.
    isolate: false,
  },
});
