import type { Envelope } from '../model/catalog.js';
import type { NormalizeContext } from './context.js';
import type { RawCatalog } from './raw.js';

const DEFAULT_KEYS = { wrapped: 'error', list: 'errors' } as const;

export function normalizeEnvelope(raw: RawCatalog['envelope'], ctx: NormalizeContext): Envelope {
  const kind = raw.kind;
  const path = ['envelope'];
  const envelope: Envelope = {
    kind,
    contentType: raw.contentType ?? (kind === 'problem' ? 'application/problem+json' : 'application/json'),
    message: {
      name: raw.message?.field ?? (kind === 'problem' ? 'detail' : 'message'),
      required: raw.message?.required ?? true,
    },
    additionalProperties: raw.additionalProperties ?? true,
  };
  if (raw.message?.description !== undefined) envelope.message.description = raw.message.description;
  if (kind === 'wrapped' || kind === 'list') envelope.key = raw.key ?? DEFAULT_KEYS[kind];
  else if (raw.key !== undefined) {
    ctx.report('envelope-conflict', `\`key\` applies to \`wrapped\` and \`list\` envelopes; a \`${kind}\` body has no wrapper. Remove \`key\` or change \`kind\`.`, [...path, 'key']);
  }
  if (kind === 'codeless') {
    if (raw.code !== undefined) {
      ctx.report('envelope-conflict', 'A `codeless` envelope has no code field; remove `code`, or pick the kind that carries one (`flat`, `wrapped`, `problem`, `list`).', [...path, 'code']);
    }
  } else {
    const field = raw.code?.field ?? 'code';
    const segments = field.split('.');
    if (segments.some((s) => s === '')) {
      ctx.report('invalid-value', `\`${field}\` is not a usable path; write property names joined by dots, e.g. \`meta.code\`.`, [...path, 'code', 'field']);
    }
    envelope.code = { path: segments, type: raw.code?.type ?? 'string' };
    if (raw.code?.description !== undefined) envelope.code.description = raw.code.description;
    if (segments[0] === envelope.message.name) {
      ctx.report('field-conflict', `The code and the message both use \`${envelope.message.name}\`; give them different fields.`, [...path, 'code', 'field']);
    }
  }
  if (kind === 'problem' && !envelope.contentType.endsWith('+json') && envelope.contentType !== 'application/json') {
    ctx.report('envelope-conflict', 'Problem details are JSON; use `application/problem+json`.', [...path, 'contentType']);
  }
  return envelope;
}
