import { isMapping } from '../merge/spec-data.js';
import type { RawHeader } from '../normalize/raw.js';
import type { ImportContext } from './context.js';
import type { ErrorResponse } from './responses.js';
import type { SpecPath } from './spec.js';

const HEADER_TYPES = ['string', 'integer', 'number', 'boolean'] as const;

/**
 * The headers error responses declare, one declaration per name (case-insensitive, the first
 * spelling kept). A header declared differently in two responses keeps its first declaration,
 * required only where every response requires it.
 */
export class HeaderDeclarations {
  readonly declared = new Map<string, { name: string; header: RawHeader; path: SpecPath; requiredEverywhere: boolean }>();

  constructor(private readonly ctx: ImportContext) {}

  /** Declares the headers of a response; returns their catalog names. `Content-Type` is the envelope's business. */
  declare(response: ErrorResponse): string[] {
    const names: string[] = [];
    for (const { name, value, path } of response.headers) {
      if (name.toLowerCase() === 'content-type') continue;
      const followed = this.ctx.spec.follow(value, path);
      if (!isMapping(followed.value)) continue;
      const header = readHeader(followed.value);
      const key = name.toLowerCase();
      const existing = this.declared.get(key);
      if (!existing) {
        this.declared.set(key, { name, header, path: followed.path, requiredEverywhere: header.required === true });
        this.ctx.from(['headers', name], followed.path);
      } else {
        existing.requiredEverywhere &&= header.required === true;
        if ((existing.header.type ?? 'string') !== (header.type ?? 'string')) {
          this.ctx.report('import-field-merged', `The header \`${name}\` is ${header.type ?? 'string'} here and ${existing.header.type ?? 'string'} elsewhere; the catalog declares it ${existing.header.type ?? 'string'}.`, followed.path);
        }
      }
      const canonical = this.declared.get(key)?.name as string;
      if (!names.includes(canonical)) names.push(canonical);
    }
    return names;
  }

  /** The declarations, required only where every response requires the header. */
  headers(): Record<string, RawHeader> {
    const result: Record<string, RawHeader> = {};
    for (const { name, header, requiredEverywhere } of this.declared.values()) {
      const { required: _required, ...rest } = header;
      Object.defineProperty(result, name, { value: requiredEverywhere ? { ...rest, required: true } : rest, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
}

/** A Header Object (3.x: `schema`; 2.0: `type` inline) as a catalog header. */
export function readHeader(object: Record<string, unknown>): RawHeader {
  const schema = isMapping(object['schema']) ? object['schema'] : object;
  const header: RawHeader = {};
  if (typeof object['description'] === 'string' && object['description'] !== '') header.description = object['description'];
  const type = schema['type'];
  if (typeof type === 'string' && (HEADER_TYPES as readonly string[]).includes(type) && type !== 'string') header.type = type as NonNullable<RawHeader['type']>;
  if (typeof schema['format'] === 'string') header.format = schema['format'];
  if (object['required'] === true) header.required = true;
  const example = object['example'] ?? schema['example'];
  if (typeof example === 'string' || (typeof example === 'number' && Number.isFinite(example))) header.example = example;
  return header;
}
