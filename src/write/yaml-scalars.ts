import { Document, stringify } from 'yaml';

/** The `yaml` options errcat writes documents with: no line folding, no anchors, two-space indent. */
export const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, indent: 2 } as const;

/*
 * The scalar text `yaml` (2.x, core schema, the options above) writes, for the common case only:
 * a one-line string is plain unless it would read back otherwise, else double-quoted as JSON (single-
 * quoted when it holds `"` and no `'`). Strings with line breaks or control characters, whose text
 * depends on where they sit (block scalars, escapes), are left to `yaml` itself.
 */

/** `yaml` writes these double-quoted whatever the style (control characters, unpaired surrogates). */
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Not plain in a block context: indicators first, `: ` or ` #` inside, a space or `:` last (from yaml's stringifyString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** A document marker at a line start: quoted in a key at the root. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/** Plain text the schema would read as another type (`null`, `true`, `42`, `.inf`…): the schema's own tests, as one. */
const TYPED: RegExp = (() => {
  const schema = new Document().schema;
  const tests = [...schema.tags, ...(schema.compat ?? [])].flatMap((tag) => ('test' in tag && tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test ? [tag.test] : []));
  if (tests.some((test) => test.flags !== '')) throw new Error('yaml tag tests with flags: write them one by one');
  return new RegExp(tests.map((test) => `(?:${test.source})`).join('|'));
})();

function quoted(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

/** A one-line string's text, or undefined when `yaml` must say (line breaks, control characters). */
function simpleString(value: string, rootKey: boolean): string | undefined {
  if (value.includes('\n') || FORCE_DOUBLE.test(value)) return undefined;
  if (NOT_PLAIN.test(value) || (rootKey && DOCUMENT_MARKER.test(value)) || TYPED.test(value)) return quoted(value);
  return value;
}

/** Keys recur (`type`, `properties`, `$ref`…): each one's text is worked out once. */
const keys = new Map<string, string>();
const rootKeys = new Map<string, string>();

/** A mapping key's text (in a key at the root when `root`), as `yaml` writes it before the `:`. */
export function keyText(key: string, root: boolean): string {
  const cache = root ? rootKeys : keys;
  let text = cache.get(key);
  if (text === undefined) {
    text = simpleString(key, root) ?? keyFromYaml(key);
    if (cache.size < 100_000) cache.set(key, text);
  }
  return text;
}

/** A string value's text where its node's indentation is `indent` (at least two spaces). */
export function stringText(value: string, indent: string): string {
  return simpleString(value, false) ?? valueFromYaml(value, indent);
}

export function numberText(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (Number.isFinite(value)) return JSON.stringify(value);
  return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
}

/** A key with line breaks or control characters, as `yaml` writes it one level down (where no root rule applies). */
function keyFromYaml(key: string): string {
  const text = stringify({ k: { [key]: 0 } }, YAML_OPTIONS);
  const implicit = /^k:\n {2}([^]*): 0\n$/.exec(text);
  const explicit = /^k:\n {2}\? ([^]*)\n {2}: 0\n$/.exec(text);
  const found = explicit?.[1] ?? implicit?.[1];
  if (found === undefined) throw new Error(`yaml wrote the key ${JSON.stringify(key)} unexpectedly: ${JSON.stringify(text)}`);
  return found;
}

/** A multi-line (or escaped) string as `yaml` writes it at that indentation: nested that deep, then cut out. */
function valueFromYaml(value: string, indent: string): string {
  const depth = indent.length / 2 - 1;
  let document: Record<string, unknown> = { k: value };
  let prefix = `${'  '.repeat(depth)}k: `;
  for (let i = depth - 1; i >= 0; i--) {
    document = { k: document };
    prefix = `${'  '.repeat(i)}k:\n${prefix}`;
  }
  const text = stringify(document, YAML_OPTIONS);
  if (!text.startsWith(prefix) || !text.endsWith('\n')) throw new Error(`yaml wrote ${JSON.stringify(value)} unexpectedly: ${JSON.stringify(text)}`);
  return text.slice(prefix.length, -1);
}
