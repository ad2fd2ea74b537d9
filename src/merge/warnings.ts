import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { listOperations } from './operations.js';
import { REGISTRY_KEY, type MergePlan } from './plan.js';

/** Where in the spec a warning points: the key at a path (or its nearest ancestor). */
type Locate = (path: readonly (string | number)[], key?: boolean) => Span;

/**
 * Warnings about a merge that would succeed but leave the spec worse off than the user meant:
 * components that nothing references (unless the spec has no operations at all: a library of
 * components), and components under unprefixed names.
 */
export function mergeWarnings(catalog: Catalog, spec: { paths?: unknown }, plan: MergePlan, file: string, where: Locate): Diagnostic[] {
  const added = plan.edits.filter((e) => e.kind === 'set' && e.path.length > 0 && e.path[0] !== 'paths' && e.path[0] !== REGISTRY_KEY);
  if (added.length === 0) return [];
  const warnings: Diagnostic[] = [];
  const referenced = plan.responses.some((d) => d.outcome === 'added' || d.outcome === 'unchanged' || d.outcome === 'replaced');
  if (!referenced && listOperations(spec).length > 0) {
    const why =
      catalog.operations.length === 0
        ? 'the catalog has no `operations` rules; add some (e.g. `- match: { all: true }` with the errors every operation can return)'
        : plan.responses.length === 0
          ? "the catalog's `operations` rules select no operation of this spec; check their paths, methods, tags and operationIds against the spec"
          : "the spec already answers every status the catalog's `operations` rules attach; set `replace: true` on the rules to use errcat's responses";
    warnings.push(diagnostic('unreferenced-components', `No operation here will reference the components errcat adds: ${why}.`, file, where(['paths'], true)));
  }
  if (catalog.naming.componentPrefix === '') {
    const section = added[0]?.path ?? [];
    const example = added.find((e) => e.path[e.path.length - 1] === 'schemas' || e.path[0] === 'definitions')?.key ?? added[0]?.key;
    warnings.push(
      diagnostic(
        'missing-component-prefix',
        `The catalog sets no \`naming.componentPrefix\`, so errcat adds its components under plain names such as \`${example}\`, which the spec's own may clash with; set \`naming.componentPrefix\` in the catalog (e.g. the API's name).`,
        file,
        where(section.slice(0, 1), true),
      ),
    );
  }
  return warnings;
}
