import type { Catalog } from '../model/catalog.js';

/** One line about a loaded catalog: what it holds and how its errors look on the wire. */
export function describeCatalog(catalog: Catalog): string {
  const { envelope } = catalog;
  const codes = catalog.entries.length;
  const statuses = catalog.statuses.map((s) => (s.statusOnly ? `${s.status}*` : String(s.status)));
  const wrapper = envelope.key !== undefined ? ` under "${envelope.key}"` : '';
  const code = envelope.code ? `, ${envelope.code.type} code "${envelope.code.path.join('.')}"` : ', no code (by status)';
  const unit = envelope.kind === 'codeless' ? 'error' : 'code';
  return `${codes} ${unit}${codes === 1 ? '' : 's'}, ${statuses.length} statuses (${statuses.join(' ')}), ${envelope.kind} envelope${wrapper}${code}, ${envelope.contentType}`;
}
