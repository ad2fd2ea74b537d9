import type { CodeLevel, Envelope, JsonValue, PathSegment } from '../model/catalog.js';
import type { NormalizeContext } from './context.js';
import { normalizeLocator } from './locators.js';
import type { RawEnvelope, RawLevel } from './raw.js';
import { didYouMean } from '../validate/suggest.js';

const DEFAULT_KEYS = { wrapped: 'error', list: 'errors' } as const;

export interface NormalizedEnvelope {
  envelope: Envelope;
  /** The level entries sit at when they name none; absent for codeless envelopes. */
  defaultLevel?: string;
}

export function normalizeEnvelope(raw: RawEnvelope, ctx: NormalizeContext): NormalizedEnvelope {
  const kind = raw.kind;
  const path = ['envelope'];
  const envelope: Envelope = {
    kind,
    contentType: raw.contentType ?? (kind === 'problem' ? 'application/problem+json' : 'application/json'),
    levels: [],
    additionalProperties: raw.additionalProperties ?? true,
  };
  if (raw.message !== false) {
    envelope.message = { name: raw.message?.field ?? (kind === 'problem' ? 'detail' : 'message'), required: raw.message?.required ?? true };
    if (raw.message?.description !== undefined) envelope.message.description = raw.message.description;
  }
  if (kind === 'wrapped' || kind === 'list') envelope.key = raw.key ?? DEFAULT_KEYS[kind];
  else if (raw.key !== undefined) {
    ctx.report('envelope-conflict', `\`key\` applies to \`wrapped\` and \`list\` envelopes; a \`${kind}\` body has no wrapper. Remove \`key\` or change \`kind\`.`, [...path, 'key']);
  }
  const located = levels(raw, ctx);
  envelope.levels = located.map((l) => l.level);
  if (raw.errorWhen !== undefined) {
    const { field, equals } = raw.errorWhen;
    if (field.includes('.')) ctx.report('invalid-value', '`errorWhen.field` names a property of the error object itself, without dots (e.g. `ok`).', [...path, 'errorWhen', 'field']);
    envelope.errorWhen = { name: field, value: equals as JsonValue };
  }
  checkNames(envelope, located, ctx);
  if (kind === 'problem' && !envelope.contentType.endsWith('+json') && envelope.contentType !== 'application/json') {
    ctx.report('envelope-conflict', 'Problem details are JSON; use `application/problem+json`.', [...path, 'contentType']);
  }
  const names = envelope.levels.map((l) => l.name);
  if (raw.defaultLevel !== undefined && !names.includes(raw.defaultLevel)) {
    ctx.report('unknown-level', `\`${raw.defaultLevel}\` is not a level of this envelope.${didYouMean(raw.defaultLevel, names)} Name one of ${names.map((n) => `\`${n}\``).join(', ') || 'its levels'}.`, [...path, 'defaultLevel']);
  }
  const defaultLevel = raw.defaultLevel !== undefined && names.includes(raw.defaultLevel) ? raw.defaultLevel : names[names.length - 1];
  return defaultLevel === undefined ? { envelope } : { envelope, defaultLevel };
}

/** The levels: `levels` as written, the v1 `code` as one level, or the default `code` field; none for `codeless`. */
function levels(raw: RawEnvelope, ctx: NormalizeContext): LocatedLevel[] {
  const path = ['envelope'];
  if (raw.kind === 'codeless') {
    for (const key of ['code', 'levels', 'defaultLevel'] as const) {
      if (raw[key] !== undefined) {
        ctx.report('envelope-conflict', `A \`codeless\` envelope has no code on the wire; remove \`${key}\`, or pick the kind that carries one (\`flat\`, \`wrapped\`, \`problem\`, \`list\`, \`array\`).`, [...path, key]);
      }
    }
    return [];
  }
  if (raw.code !== undefined && raw.levels !== undefined) {
    ctx.report('envelope-conflict', '`code` is the one-level form of `levels`; give one of them: move the code field into `levels`.', [...path, 'code']);
  }
  if (raw.levels === undefined) {
    const field = raw.code?.field ?? 'code';
    const level: RawLevel = { name: field.split('.').pop() || 'code', field, type: raw.code?.type ?? 'string' };
    if (raw.code?.description !== undefined) level.description = raw.code.description;
    const at = raw.code?.field !== undefined ? [...path, 'code'] : path;
    const normalized = normalizeLevel(level, ctx, at);
    return normalized ? [{ level: normalized, path: at }] : [];
  }
  const seen = new Set<string>();
  const result: LocatedLevel[] = [];
  raw.levels.forEach((rawLevel, i) => {
    const at = [...path, 'levels', i];
    if (seen.has(rawLevel.name)) ctx.report('invalid-value', `Two levels are named \`${rawLevel.name}\`; give each level its own name.`, [...at, 'name']);
    seen.add(rawLevel.name);
    const level = normalizeLevel(rawLevel, ctx, at);
    if (level) result.push({ level, path: at });
  });
  return result;
}

interface LocatedLevel {
  level: CodeLevel;
  /** Where the catalog declares it. */
  path: readonly PathSegment[];
}

function normalizeLevel(raw: RawLevel, ctx: NormalizeContext, path: readonly PathSegment[]): CodeLevel | undefined {
  const at = normalizeLocator(raw, ctx, path);
  if (!at) return undefined;
  const level: CodeLevel = { name: raw.name, at, type: raw.type ?? 'string', optional: raw.optional ?? false };
  if (raw.style !== undefined) level.style = raw.style;
  if (raw.description !== undefined) level.description = raw.description;
  return level;
}

/** The message, the error marker and the top-level property of each plain level must not collide. */
function checkNames(envelope: Envelope, levels: readonly LocatedLevel[], ctx: NormalizeContext): void {
  const message = envelope.message?.name;
  for (const { level, path } of levels) {
    if (level.at.source !== 'body' || level.at.items || level.at.chain !== undefined || level.at.pattern !== undefined) continue;
    const head = level.at.path[0];
    const where = [...path, 'field'];
    if (head === message) ctx.report('field-conflict', `The level \`${level.name}\` and the message both use \`${message}\`; give them different fields.`, where);
    if (head === envelope.errorWhen?.name) ctx.report('field-conflict', `The level \`${level.name}\` and \`errorWhen\` both use \`${head}\`; give them different fields.`, where);
  }
  if (message !== undefined && message === envelope.errorWhen?.name) {
    ctx.report('field-conflict', `\`errorWhen\` and the message both use \`${message}\`; give them different fields.`, ['envelope', 'errorWhen', 'field']);
  }
}
