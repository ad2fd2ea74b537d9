import type { CodeStyle } from './catalog.js';

const STYLE_PATTERNS: Record<CodeStyle, RegExp> = {
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  UPPER_SNAKE_CASE: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/,
  'kebab-case': /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
  'dot.case': /^[a-z][a-z0-9]*(\.[a-z0-9]+)*$/,
};

export function matchesStyle(code: string, style: CodeStyle): boolean {
  return STYLE_PATTERNS[style].test(code);
}

/** Splits any identifier-ish text into lower-case words: `RATE_LIMIT`, `rateLimit`, `rate-limit.v2`. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function toStyle(text: string, style: CodeStyle): string {
  const w = words(text);
  switch (style) {
    case 'snake_case':
      return w.join('_');
    case 'UPPER_SNAKE_CASE':
      return w.join('_').toUpperCase();
    case 'kebab-case':
      return w.join('-');
    case 'dot.case':
      return w.join('.');
    case 'camelCase':
      return w.map((x, i) => (i === 0 ? x : capitalize(x))).join('');
    case 'PascalCase':
      return w.map(capitalize).join('');
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The PascalCase name of a code: `rate_limit_exceeded` → `RateLimitExceeded`, `1001` → `Code1001`. */
export function pascalName(code: string | number): string {
  const name = toStyle(String(code), 'PascalCase');
  if (name === '') return 'Code';
  return /^[0-9]/.test(name) ? `Code${name}` : name;
}

/** A URL path segment for a code: `RATE_LIMITED` → `rate-limited`. */
export function slug(code: string | number): string {
  return words(String(code)).join('-');
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean never number object string symbol undefined unknown bigint Array Object String Number Boolean Symbol Error Date Promise Record Partial'.split(' '),
);

/** Why a name cannot be a TypeScript type name, or undefined when it can. */
export function invalidNameReason(name: string): string | undefined {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) return 'it must be a PascalCase identifier: a capital letter, then letters and digits';
  if (RESERVED.has(name)) return 'it is a reserved word or a global type';
  return undefined;
}

export const URL_PLACEHOLDERS = ['code', 'status', 'name', 'slug'] as const;

/** Placeholders named in a template that errcat does not know. */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = URL_PLACEHOLDERS;
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '').filter((p) => !known.includes(p));
}

export function expandTemplate(template: string, values: { code: string | number; status: number; name: string }): string {
  return template.replace(/\{(code|status|name|slug)\}/g, (_, key: string) => {
    if (key === 'slug') return encodeURIComponent(slug(values.code));
    if (key === 'status') return String(values.status);
    if (key === 'name') return encodeURIComponent(values.name);
    return encodeURIComponent(String(values.code));
  });
}
