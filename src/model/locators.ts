import type { Locator } from './catalog.js';

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
