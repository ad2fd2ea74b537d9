import type { BuildRow, BuiltResponse, EnvelopeRow, JsonValue, LevelPin } from './contract.js';
import { defineOwn, hasOwn, own, ownPath, plainObject, setPath } from './json.js';
import { selectedItem } from './locate.js';

/** A fresh copy of a constant, so that no two responses share an object. */
function copied(value: JsonValue | undefined): Record<string, unknown> {
  const copy: unknown = value === undefined ? {} : JSON.parse(JSON.stringify(value));
  return plainObject(copy) ? copy : {};
}

/** The array with the pinned value written into the first item `where` selects, or with the fill item first. */
function withPinnedItem(current: unknown, pin: LevelPin): unknown[] {
  const items: unknown[] = Array.isArray(current) ? [...(current as readonly unknown[])] : [];
  const where = pin.at.where ?? {};
  const index = items.findIndex((item) => selectedItem([item], where) !== undefined);
  const item = index >= 0 ? { ...(items[index] as Record<string, unknown>) } : copied(pin.fill);
  setPath(item, pin.at.field, pin.value);
  if (index >= 0) items[index] = item;
  else items.unshift(item);
  return items;
}

/** The chain with the pinned value written at its innermost object, or the fill as its one step. */
function withPinnedChain(current: unknown, key: string, pin: LevelPin): Record<string, unknown> {
  if (!plainObject(current)) {
    const fill = copied(pin.fill);
    setPath(fill, pin.at.field, pin.value);
    return fill;
  }
  const copy = { ...current };
  const next = own(current, key);
  if (plainObject(next)) defineOwn(copy, key, withPinnedChain(next, key, pin));
  else setPath(copy, pin.at.field, pin.value);
  return copy;
}

/** An error object in its envelope: the body as it travels. */
function wrapped(envelope: EnvelopeRow, error: Record<string, unknown>): unknown {
  const inner = envelope.kind === 'list' || envelope.kind === 'array' ? [error] : error;
  if (envelope.key === undefined) return inner;
  const body = {};
  defineOwn(body, envelope.key, inner);
  return body;
}

/**
 * An entry's error response: the error marker, its levels (pinned, or the caller's), the message,
 * each field (computed for the status, or the caller's), the levels that sit in array items or
 * chains, and the headers it fixes after the caller's.
 */
export function buildResponse(
  envelope: EnvelopeRow,
  status: number,
  fields: object,
  headers: { readonly [name: string]: string } | undefined,
  row: BuildRow,
): BuiltResponse {
  const given = (name: string): unknown =>
    hasOwn(fields, name) ? (fields as Record<string, unknown>)[name] : undefined;
  const response = row.responses.find((r) => r.status === status) ?? row.responses[0];
  const error: Record<string, unknown> = {};
  if (envelope.errorWhen !== undefined) defineOwn(error, envelope.errorWhen.name, envelope.errorWhen.value);
  for (const pin of row.levels) {
    if (pin.at.in !== undefined || pin.at.chain !== undefined) continue;
    const value = pin.value ?? (pin.input === undefined ? undefined : given(pin.input));
    if (value !== undefined) setPath(error, pin.at.field, value);
  }
  if (envelope.message !== undefined) defineOwn(error, envelope.message, given(envelope.message) ?? response?.message);
  for (const name of row.fields) {
    const value = response !== undefined && hasOwn(response.values, name) ? response.values[name] : given(name);
    if (value !== undefined) defineOwn(error, name, value);
  }
  for (const pin of row.levels) {
    if (pin.value === undefined) continue;
    if (pin.at.in !== undefined) setPath(error, pin.at.in, withPinnedItem(ownPath(error, pin.at.in), pin));
    else if (pin.at.chain !== undefined)
      defineOwn(error, pin.at.chain, withPinnedChain(own(error, pin.at.chain), pin.at.chain, pin));
  }
  return {
    status,
    headers: { 'content-type': envelope.contentType, ...headers, ...row.headers },
    body: wrapped(envelope, error),
  };
}
