import type { JsonValue, Locator } from './catalog.js';

/** Whether a body schema can pin the value: a plain path, or one inside a selected item. */
export function isPinnable(locator: Locator): boolean {
  return locator.source === 'body' && locator.chain === undefined && locator.pattern === undefined;
}

/** A locator in words, for messages and docs: `error.details[@type=…].reason`, `header x-ms-error-code`; with its pattern unless told otherwise. */
export function describeLocator(locator: Locator, options: { pattern?: boolean } = {}): string {
  const through = locator.pattern === undefined || options.pattern === false ? '' : ` (through /${locator.pattern}/)`;
  if (locator.source === 'header') return `header ${locator.header}${through}`;
  const where = locator.items ? `${locator.items.path.join('.')}[${Object.entries(locator.items.where).map(([k, v]) => `${k}=${String(v)}`).join(', ')}].` : '';
  const chain = locator.chain === undefined ? '' : `${locator.chain}…(innermost).`;
  return `${where}${chain}${locator.path.join('.')}${through}`;
}

/**
 * A locator as plain data, the way every output writes it (retry hints in `x-errcat-retry`, the
 * generated tables): `{ header }`, or `{ field }` with `in` + `where` or `chain`; paths dotted;
 * with its `pattern`.
 */
export function locatorData(locator: Locator): Record<string, JsonValue> {
  const data: Record<string, JsonValue> = {};
  if (locator.source === 'header') data['header'] = locator.header;
  else {
    if (locator.items) {
      data['in'] = locator.items.path.join('.');
      data['where'] = { ...locator.items.where };
    }
    if (locator.chain !== undefined) data['chain'] = locator.chain;
    data['field'] = locator.path.join('.');
  }
  if (locator.pattern !== undefined) data['pattern'] = locator.pattern;
  return data;
}
