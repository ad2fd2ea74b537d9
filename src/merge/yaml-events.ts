import { CHOMPING_MODE, COLLECTION_STYLE, constructFromEvents, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { aliasMessage, DEFAULT_LIMITS, depthMessage, eventsAliasProblem, type Limits } from '../parse/limits.js';
import { isMapping, type SpecMapping } from './spec-data.js';
import { afterLine, blockLayout, type MappingLayout, type TextRange, type YamlOutline } from './yaml-layout.js';

/** A spec refused for a limit, with where to point. */
export interface LimitRefusal {
  code: 'too-deep' | 'alias-limit';
  offset: number;
  message: string;
}

export type YamlEventsRead = { data: unknown; outline: YamlOutline } | { refused: LimitRefusal };

/**
 * A YAML spec read with js-yaml's event parser: one pass gives both the data (built from the
 * events) and the source offsets to splice at. A full `yaml` Document of a 10 MB spec costs
 * over ten times as much, and merging needs only the few mappings it edits. Nesting and aliases
 * are held to the limits before anything is built.
 */
export function readYamlEvents(text: string, limits: Limits = DEFAULT_LIMITS.spec): YamlEventsRead | undefined {
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (error) {
    const { reason, mark } = error as { reason?: unknown; mark?: { position?: unknown } };
    if (typeof reason === 'string' && reason.includes('maxDepth') && typeof mark?.position === 'number') return { refused: { code: 'too-deep', offset: mark.position, message: depthMessage(limits) } };
    // The caller falls back to the `yaml` package, which reports located diagnostics.
    return undefined;
  }
  const aliases = eventsAliasProblem(text, events, limits);
  if (aliases) return { refused: { code: 'alias-limit', offset: aliases.offset, message: aliasMessage(aliases.problem, limits) } };
  try {
    documents = constructFromEvents(events, { source: text });
  } catch {
    return undefined;
  }
  if (documents.length !== 1 || events[0]?.type !== EVENT_ID.DOCUMENT) return undefined;
  const extents = measure(text, events);
  if (!extents) return undefined;
  return { data: documents[0], outline: new EventOutline(text, events, extents, documents[0]) };
}

interface Extents {
  /** For a collection's event: the index of the event that closes it. */
  close: Int32Array;
  /** For a node's event: the offset of its last character in the text, -1 when it has none. */
  last: Int32Array;
}

const isCollection = (event: Event | undefined) => event?.type === EVENT_ID.MAPPING || event?.type === EVENT_ID.SEQUENCE || event?.type === EVENT_ID.DOCUMENT;

/** The last character of a node's anchor or tag, -1 when it has neither. */
function propertiesLast(event: { anchorEnd: number; tagEnd: number }): number {
  return Math.max(event.anchorEnd, event.tagEnd, 0) - 1;
}

function scalarLast(text: string, event: ScalarEvent): number {
  if (event.valueStart === -1) return propertiesLast(event);
  switch (event.style) {
    case SCALAR_STYLE.PLAIN:
      return event.valueEnd - 1;
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      // valueEnd is the closing quote.
      return event.valueEnd;
    default: {
      // A block scalar's range runs on over the blank lines after it: they are its own only when it keeps them (`|+`).
      if (event.chomping === CHOMPING_MODE.KEEP) return event.valueEnd - 1;
      let at = event.valueEnd - 1;
      while (at >= event.valueStart && /\s/.test(text[at] as string)) at--;
      // An empty one owns its blank lines, as the yaml package reads it.
      return at >= event.valueStart ? at : Math.max(event.valueEnd - 1, propertiesLast(event));
    }
  }
}

/** The closing bracket of a flow collection, searched from after its last item; -1 when something else is there. */
function closingBracket(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const char = text[at];
    if (char === '}' || char === ']') return at;
    if (char === '#') at = afterLine(text, at) - 1;
    else if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\n' && char !== ',' && char !== ':') return -1;
  }
  return -1;
}

/** One pass over the events: where each collection closes and where each node ends. */
function measure(text: string, events: Event[]): Extents | undefined {
  const close = new Int32Array(events.length).fill(-1);
  const last = new Int32Array(events.length).fill(-1);
  const open: number[] = [];
  const lastOfOpen: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    let end: number;
    if (event.type === EVENT_ID.DOCUMENT) {
      open.push(i);
      lastOfOpen.push(-1);
      continue;
    } else if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      open.push(i);
      lastOfOpen.push(propertiesLast(event));
      continue;
    } else if (event.type === EVENT_ID.SCALAR) end = scalarLast(text, event);
    else if (event.type === EVENT_ID.ALIAS) end = event.anchorEnd - 1;
    else {
      const opened = open.pop() as number;
      end = lastOfOpen.pop() as number;
      const collection = events[opened] as Event;
      // A flow collection ends at its bracket; a single pair inside a flow sequence (`[a: b]`) has none.
      if ((collection.type === EVENT_ID.MAPPING || collection.type === EVENT_ID.SEQUENCE) && collection.style === COLLECTION_STYLE.FLOW && '{['.includes(text[collection.start] as string)) {
        end = closingBracket(text, Math.max(end + 1, collection.start + 1));
        if (end === -1) return undefined;
      }
      close[opened] = i;
      last[opened] = end;
      const parent = lastOfOpen.length - 1;
      if (parent >= 0) lastOfOpen[parent] = Math.max(lastOfOpen[parent] as number, end);
      continue;
    }
    last[i] = end;
    const parent = lastOfOpen.length - 1;
    if (parent >= 0) lastOfOpen[parent] = Math.max(lastOfOpen[parent] as number, end);
  }
  return open.length === 0 ? { close, last } : undefined;
}

/** One pair of a mapping: the events of its key and value, and the key as the data spells it (undefined when it is not a scalar). */
interface Pair {
  name: string | undefined;
  key: number;
  value: number;
}

interface Pairs {
  inOrder: Pair[];
  byName: Map<string, Pair>;
}

class EventOutline implements YamlOutline {
  private readonly pairsOf = new Map<number, Pairs>();
  private readonly layouts = new Map<string, MappingLayout | undefined>();

  constructor(
    private readonly text: string,
    private readonly events: Event[],
    private readonly extents: Extents,
    private readonly data: unknown,
  ) {}

  mapping(path: readonly string[]): MappingLayout | undefined {
    const id = JSON.stringify(path);
    if (!this.layouts.has(id)) this.layouts.set(id, this.find(path));
    return this.layouts.get(id);
  }

  private anchors: boolean | undefined;

  anchored(): boolean {
    this.anchors ??= this.events.some((event) => event.type === EVENT_ID.MAPPING && event.anchorStart >= 0);
    return this.anchors;
  }

  aliases(path: readonly string[]): TextRange[] {
    const found = this.nodeAt(path);
    const event = found && this.events[found.node];
    if (!found || event?.type !== EVENT_ID.MAPPING || event.anchorStart < 0) return [];
    const name = this.text.slice(event.anchorStart, event.anchorEnd);
    const ranges: TextRange[] = [];
    for (let i = (this.extents.close[found.node] as number) + 1; i < this.events.length; i++) {
      const other = this.events[i] as Event;
      if (other.type === EVENT_ID.DOCUMENT || other.type === EVENT_ID.POP || other.anchorStart < 0 || this.text.slice(other.anchorStart, other.anchorEnd) !== name) continue;
      // A later node with the same anchor takes the name over.
      if (other.type !== EVENT_ID.ALIAS) break;
      ranges.push({ start: other.anchorStart - 1, end: other.anchorEnd });
    }
    return ranges;
  }

  /** The event of the node at a path, and its data. */
  private nodeAt(path: readonly string[]): { node: number; value: unknown } | undefined {
    let node = 1;
    let value = this.data;
    for (const key of path) {
      if (this.events[node]?.type !== EVENT_ID.MAPPING || !isMapping(value)) return undefined;
      const pair = this.pairs(node, value).byName.get(key);
      if (!pair) return undefined;
      node = pair.value;
      value = value[key];
    }
    return { node, value };
  }

  private find(path: readonly string[]): MappingLayout | undefined {
    const found = this.nodeAt(path);
    return found && this.layout(found.node, found.value);
  }

  /** The event after a node and everything in it. */
  private next(index: number): number {
    return isCollection(this.events[index]) ? (this.extents.close[index] as number) + 1 : index + 1;
  }

  private pairs(node: number, value: SpecMapping): Pairs {
    let pairs = this.pairsOf.get(node);
    if (pairs) return pairs;
    pairs = { inOrder: [], byName: new Map() };
    for (let key = node + 1; this.events[key]?.type !== EVENT_ID.POP; ) {
      const pair = { name: this.keyName(key, value), key, value: this.next(key) };
      pairs.inOrder.push(pair);
      if (pair.name !== undefined) pairs.byName.set(pair.name, pair);
      key = this.next(pair.value);
    }
    this.pairsOf.set(node, pairs);
    return pairs;
  }

  /** A key as the data spells it (`0x1F:` is key "31"). */
  private keyName(index: number, value: SpecMapping): string | undefined {
    const event = this.events[index] as Event;
    if (event.type !== EVENT_ID.SCALAR) return undefined;
    const raw = getScalarValue(this.text, event);
    if (event.style !== SCALAR_STYLE.PLAIN || Object.hasOwn(value, raw)) return raw;
    // A plain key the schema resolves to something else (a number, null): ask js-yaml what it is.
    const [resolved] = constructFromEvents([{ type: EVENT_ID.DOCUMENT, explicitStart: false, explicitEnd: false, directives: [] }, event, { type: EVENT_ID.POP }], { source: this.text });
    return String(resolved);
  }

  /** Where a node's first character is, its anchor or tag included. */
  private start(index: number): number {
    const event = this.events[index] as Event;
    if (event.type === EVENT_ID.ALIAS) return event.anchorStart - 1;
    if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.POP) return -1;
    const quoted = event.type === EVENT_ID.SCALAR && (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED);
    const content = event.type === EVENT_ID.SCALAR ? event.valueStart - (quoted ? 1 : 0) : event.start;
    return Math.min(...[event.anchorStart - 1, event.tagStart, content].filter((s) => s >= 0));
  }

  private layout(node: number, value: unknown): MappingLayout | undefined {
    const event = this.events[node] as Event;
    const { last } = this.extents;
    if (!isMapping(value)) return undefined;
    if (event.type === EVENT_ID.ALIAS) return { style: 'whole', start: this.start(node), end: event.anchorEnd };
    if (event.type !== EVENT_ID.MAPPING) return undefined;
    const whole: MappingLayout = { style: 'whole', start: event.start, end: (last[node] as number) + 1 };
    if (event.style === COLLECTION_STYLE.FLOW) return whole;
    const keys = this.pairs(node, value).inOrder.map((pair) =>
      pair.name === undefined ? undefined : { key: pair.name, keyStart: this.start(pair.key), last: Math.max(last[pair.key] as number, last[pair.value] as number) },
    );
    return blockLayout(this.text, keys, whole);
  }
}
