import type { Catalog, CodeLevel } from '../model/catalog.js';
import { describeLocator } from '../model/locators.js';

/** One line about a loaded catalog: what it holds and how its errors look on the wire. */
export function describeCatalog(catalog: Catalog): string {
  const { envelope } = catalog;
  const codes = catalog.entries.length;
  const statuses = catalog.statuses.map((s) => (s.statusOnly ? `${s.status}*` : String(s.status)));
  const wrapper = envelope.key !== undefined ? ` under "${envelope.key}"` : '';
  const code =
    envelope.levels.length === 0
      ? ', no code (by status)'
      : envelope.levels.length === 1
        ? `, ${envelope.levels[0]?.type} code "${describeLocator((envelope.levels[0] as CodeLevel).at)}"`
        : `, levels ${envelope.levels.map((l) => `"${l.name}"`).join(' → ')}`;
  const unit = envelope.kind === 'codeless' ? 'error' : 'code';
  return `${codes} ${unit}${codes === 1 ? '' : 's'}, ${statuses.length} statuses (${statuses.join(' ')}), ${envelope.kind} envelope${wrapper}${code}, ${envelope.contentType}`;
}
