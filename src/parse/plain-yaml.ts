import { constructFromEvents, EVENT_ID, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';
import { eventsAliasProblem, type Limits } from './limits.js';
import { unsafeNumber } from './unsafe-number.js';

/** Plain keys that YAML reads as null: js-yaml would name such a key "null", the `yaml` package "". */
const NULL_KEYS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Keys longer than this are left to the yaml package, which refuses an implicit key past 1,024 characters. */
const LONGEST_KEY = 1000;

/** A plain scalar the core schema reads as a decimal number (the others are hexadecimal or octal). */
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A plain scalar's number as the core schema reads it, or undefined when it is no number. */
function plainNumber(written: string): number | undefined {
  if (DECIMAL.test(written)) return Number(written);
  if (/^0x[0-9a-fA-F]+$/.test(written)) return parseInt(written.slice(2), 16);
  if (/^0o[0-7]+$/.test(written)) return parseInt(written.slice(2), 8);
  return undefined;
}

/**
 * Whether every node of the events reads the same in js-yaml and the `yaml` package, and is
 * one the catalog checks accept: no directive or tag, no key that is null, a collection or an
 * alias, and no number past what a double holds exactly. `aliased` when the text uses aliases,
 * whose expansion is then measured; undefined when it is not plain.
 */
function plainEvents(text: string, events: readonly Event[]): 'plain' | 'aliased' | undefined {
  // For each open collection: the count of its children so far, or -1 when it is not a mapping.
  const open: number[] = [];
  let aliased = false;
  for (const event of events) {
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT) {
      if (event.directives.length > 0 || open.length > 0) return undefined;
      open.push(-1);
      continue;
    }
    const parent = open.length - 1;
    const siblings = open[parent] ?? -1;
    const isKey = siblings >= 0 && siblings % 2 === 0;
    if (siblings >= 0) open[parent] = siblings + 1;
    // An alias is a leaf, like a scalar: nothing opens, and no event closes it.
    if (event.type === EVENT_ID.ALIAS) {
      if (isKey) return undefined;
      aliased = true;
      continue;
    }
    if (event.tagStart >= 0) return undefined;
    if (event.type === EVENT_ID.SCALAR) {
      // An implicit key runs at most 1,024 characters to its `:` (the yaml package's strict reading).
      if (isKey && event.valueEnd - event.valueStart > LONGEST_KEY) return undefined;
      if (event.style !== SCALAR_STYLE.PLAIN) continue;
      const written = event.valueStart === -1 ? '' : text.slice(event.valueStart, event.valueEnd);
      if (isKey && NULL_KEYS.has(written)) return undefined;
      // What the checks would report (keys-and-numbers.ts) is left to them, where it is.
      if (unsafeNumber(plainNumber(written), written)) return undefined;
      continue;
    }
    if (isKey) return undefined;
    open.push(event.type === EVENT_ID.MAPPING ? 0 : -1);
  }
  return aliased ? 'aliased' : 'plain';
}

/**
 * The data of a YAML text read with js-yaml's event parser, when the text is a single mapping
 * that reads exactly as the `yaml` package would read it and holds nothing the catalog checks
 * refuse; undefined otherwise, and the caller reads it with `yaml`'s Document, which reports
 * what is wrong where it is. A Document of a 10,000-code catalog takes several times the time
 * and memory of its data, and a well-formed catalog needs it only to point at a warning.
 */
export function plainYamlData(text: string, limits: Limits): Record<string, unknown> | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  // js-yaml reads a tab in the white space before a node (its anchor, after a `- `) as a space; the
  // yaml package reports it (TAB_AS_INDENT). A literal tab is rare in a catalog: such text is left
  // to the yaml package whole.
  if (text.includes('\t')) return undefined;
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
    // Aliases share their anchor's data in both readers, once their expansion is within the limits.
    const plain = plainEvents(text, events);
    if (plain === undefined || (plain === 'aliased' && eventsAliasProblem(text, events, limits))) return undefined;
    // Throws on what js-yaml refuses that the `yaml` package may report: repeated keys, for one.
    documents = constructFromEvents(events, { source: text });
  } catch {
    return undefined;
  }
  const [data] = documents;
  return documents.length === 1 && typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
