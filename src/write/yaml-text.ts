import { stringify } from 'yaml';
import { flatText } from './flat-text.js';
import { keyText, numberText, stringText, YAML_OPTIONS } from './yaml-scalars.js';

/**
 * A JSON value as YAML after `before` (a comment, say), byte for byte what `yaml`'s
 * `stringify(value, YAML_OPTIONS)` writes, at a fraction of the cost: `yaml` builds a node for
 * every value first (for 10,000 codes, seconds and hundreds of megabytes); this writes the text
 * directly. Only plain JSON (objects, arrays, strings, finite or not numbers, booleans, null) is
 * written here; anything else goes to `yaml`.
 * test/write/yaml-text.test.ts holds the two to the same bytes.
 */
export function yamlText(value: unknown, before = ''): string {
  if (!isCollection(value)) return before + stringify(value, YAML_OPTIONS);
  try {
    const writer = new Writer(before);
    writer.collection(value, '');
    return writer.finish();
  } catch (error) {
    if (error instanceof NotJson) return before + stringify(value, YAML_OPTIONS);
    throw error;
  }
}

class NotJson extends Error {}

/** Arrays, and objects whose prototype is Object's or none (what `yaml` writes as a mapping from its keys). */
function isCollection(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Written as `[]` or `{}`: no items, or no keys but undefined ones (stops at the first defined one, without listing the keys). */
function isEmpty(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value) if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/**
 * Writes the text in order onto one string (fewer intermediate strings than returning each
 * collection's text: at 10,000 codes that was most of the time, in the garbage collector).
 * The string is flattened and closed off every 64 KB (see flatText): as one tree, the 18 MB
 * document of 10,000 codes took a third longer to write and encode.
 */
class Writer {
  private readonly stretches: string[] = [];

  constructor(private text: string) {}

  /** The whole text, with its final newline. */
  finish(): string {
    this.stretches.push(this.text, '\n');
    return this.stretches.join('');
  }

  private closeLongStretch(): void {
    if (this.text.length < 65_536) return;
    this.stretches.push(flatText(this.text));
    this.text = '';
  }

  /**
   * A collection whose lines start at `indent` (its first line's indentation is the caller's):
   * a mapping's pairs, or a sequence's `- ` items; `{}` or `[]` when empty.
   */
  collection(value: object, indent: string): void {
    this.closeLongStretch();
    const inner = `${indent}  `;
    const newline = `\n${indent}`;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        this.text += '[]';
        return;
      }
      for (let i = 0; i < value.length; i++) {
        this.text += i === 0 ? '- ' : `${newline}- `;
        this.node(value[i], inner);
      }
      return;
    }
    const record = value as Record<string, unknown>;
    let first = true;
    for (const key of Object.keys(record)) {
      const item = record[key];
      // Like JSON, a mapping leaves out undefined values (a sequence writes them as null).
      if (item === undefined) continue;
      if (!first) this.text += newline;
      first = false;
      const keyString = keyText(key, indent === '');
      if (keyString.length > 1024) this.text += `? ${keyString}${newline}: `;
      else if (isCollection(item) && !isEmpty(item)) {
        this.text += `${keyString}:\n${inner}`;
        this.collection(item, inner);
        continue;
      } else this.text += `${keyString}: `;
      this.node(item, inner);
    }
    if (first) this.text += '{}';
  }

  /** Any value where its node's indentation is `indent`. */
  node(value: unknown, indent: string): void {
    switch (typeof value) {
      case 'string':
        this.text += stringText(value, indent);
        return;
      case 'number':
        this.text += numberText(value);
        return;
      case 'boolean':
        this.text += value ? 'true' : 'false';
        return;
      case 'undefined':
        this.text += 'null';
        return;
      case 'object':
        if (value === null) this.text += 'null';
        else if (isCollection(value)) this.collection(value, indent);
        else throw new NotJson();
        return;
      default:
        throw new NotJson();
    }
  }
}
