import { openApiDocument } from '../src/emit/openapi/index.js';
import { emitTypeScript } from '../src/emit/typescript/index.js';
import { loadCatalogText } from '../src/load.js';
import { serialize } from '../src/write/serialize.js';
import { syntheticCatalog } from './synthetic.js';
import { printTable, round, time } from './table.js';

/** Generate time by phase for synthetic catalogs of growing size: every phase should grow linearly. */
export function benchGenerate(sizes: readonly number[]): void {
  // Warm up module loading and JIT so the first row is comparable.
  emitTypeScript(loadCatalogText('warm.yaml', syntheticCatalog(10)).catalog!, 'bench');
  const rows = sizes.map((codes) => {
    const text = syntheticCatalog(codes, { examples: true });
    const load = time(() => loadCatalogText('bench.yaml', text));
    const catalog = load.result.catalog;
    if (!catalog) throw new Error(load.result.diagnostics.map((d) => d.message).join('\n'));
    const openapi = time(() => serialize(openApiDocument(catalog, '3.1'), 'yaml'));
    const typescript = time(() => emitTypeScript(catalog, 'bench'));
    return {
      codes,
      'load ms': round(load.ms),
      'openapi ms': round(openapi.ms),
      'typescript ms': round(typescript.ms),
      'total ms': round(load.ms + openapi.ms + typescript.ms),
      'µs per code': round(((load.ms + openapi.ms + typescript.ms) * 1000) / codes),
      'openapi KiB': round(openapi.result.length / 1024),
      'errors.ts KiB': round(typescript.result.length / 1024),
      'heap MiB': round(process.memoryUsage().heapUsed / 2 ** 20),
    };
  });
  printTable('generate: synthetic catalogs (wrapped envelope, 4 shared fields, 10 statuses, a written example per code)', rows);
}
