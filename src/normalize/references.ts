import type { Header } from '../model/catalog.js';
import { unknownPlaceholders, URL_PLACEHOLDERS } from '../model/naming.js';
import type { PathSegment } from '../parse/source-document.js';
import { didYouMean } from '../validate/suggest.js';
import type { NormalizeContext } from './context.js';

/** A declared header by name; HTTP header names are case-insensitive. */
export function findHeader(headers: readonly Header[], name: string): Header | undefined {
  const wanted = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === wanted);
}

/** A declared header, or an `unknown-header` diagnostic at `path`. */
export function resolveHeader(headers: readonly Header[], name: string, ctx: NormalizeContext, path: readonly PathSegment[]): Header | undefined {
  const header = findHeader(headers, name);
  if (!header) ctx.report('unknown-header', `The header \`${name}\` is not declared.${didYouMean(name, headers.map((h) => h.name))} Declare it under \`headers\`.`, path);
  return header;
}

/** An `unknown-placeholder` diagnostic at `path` for each placeholder a URL template may not use. */
export function checkPlaceholders(template: string, ctx: NormalizeContext, path: readonly PathSegment[]): void {
  for (const p of unknownPlaceholders(template)) {
    ctx.report('unknown-placeholder', `Unknown placeholder \`{${p}}\`; use one of ${URL_PLACEHOLDERS.map((x) => `{${x}}`).join(', ')}.`, path);
  }
}
