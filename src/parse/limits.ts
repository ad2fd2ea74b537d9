import { EVENT_ID, parseEvents, type Event } from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Alias } from 'yaml';

/**
 * How much errcat reads before it refuses, so that a hostile or broken file costs bounded time
 * and memory: a located diagnostic, never a hang or a crash. Each limit can be raised (or lowered)
 * by an environment variable, or by the `limits` option of the API.
 */
export interface Limits {
  /** The largest file read, in bytes. */
  maxBytes: number;
  /** The deepest nesting of mappings and lists (the top-level one is 1). */
  maxDepth: number;
  /** The most nodes that aliases (`*name`) may add to the data once expanded. */
  maxAliasNodes: number;
}

/** Catalogs and project configs are small; users' specs can be large (GitHub's is 13 MB). */
export type LimitedFile = 'catalog' | 'spec';

const MiB = 2 ** 20;

export const DEFAULT_LIMITS: Readonly<Record<LimitedFile, Readonly<Limits>>> = {
  catalog: { maxBytes: 4 * MiB, maxDepth: 256, maxAliasNodes: 1_000_000 },
  spec: { maxBytes: 128 * MiB, maxDepth: 256, maxAliasNodes: 1_000_000 },
};

export const LIMIT_VARIABLES: Readonly<Record<LimitedFile, Readonly<Record<keyof Limits, string>>>> = {
  catalog: { maxBytes: 'ERRCAT_MAX_CATALOG_SIZE', maxDepth: 'ERRCAT_MAX_DEPTH', maxAliasNodes: 'ERRCAT_MAX_ALIAS_NODES' },
  spec: { maxBytes: 'ERRCAT_MAX_SPEC_SIZE', maxDepth: 'ERRCAT_MAX_DEPTH', maxAliasNodes: 'ERRCAT_MAX_ALIAS_NODES' },
};

/** A byte count as people write it: `5000000`, `512KB`, `16MB`, `1GiB` (K, M, G are powers of 1024). */
function parseSize(text: string): number | undefined {
  const match = /^(\d+)\s*(?:([kmg])i?b?|b)?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  return Number(match[1]) * unit;
}

/** The limits the environment sets; throws with a message for the user when a variable is not a number. */
export function limitsFromEnvironment(kind: LimitedFile, env: NodeJS.ProcessEnv = process.env): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES[kind]) as [keyof Limits, string][]) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = key === 'maxBytes' ? parseSize(raw) : /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
    if (value === undefined || !Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`errcat: ${variable} must be a positive whole number${key === 'maxBytes' ? ' of bytes, such as 16MB' : ''}, not "${raw}"`);
    }
    limits[key] = value;
  }
  return limits;
}

/** Defaults, then the environment, then what the caller passes. */
export function resolveLimits(kind: LimitedFile, overrides: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS[kind], ...limitsFromEnvironment(kind), ...overrides };
}

function formatBytes(bytes: number): string {
  if (bytes < 2 ** 10) return `${bytes} bytes`;
  if (bytes < MiB) return `${Math.round(bytes / 2 ** 10)} KB`;
  return `${Math.round((bytes / MiB) * 10) / 10} MB`;
}

/** The message of a file over the size limit, or undefined when it fits. */
export function sizeOverflow(bytes: number, limits: Limits, kind: LimitedFile): string | undefined {
  if (bytes <= limits.maxBytes) return undefined;
  const variable = LIMIT_VARIABLES[kind].maxBytes;
  const raised = Math.ceil((bytes * 2) / MiB);
  return `The file is ${formatBytes(bytes)}, over errcat's limit of ${formatBytes(limits.maxBytes)} for a ${kind === 'spec' ? 'spec' : 'catalog or config'}; split it, or raise the limit (${variable}=${raised}MB).`;
}

export function depthMessage(limits: Limits): string {
  return `The data nests deeper than ${limits.maxDepth} levels here; errcat stops at that depth. Flatten it, or raise the limit (${LIMIT_VARIABLES.catalog.maxDepth}=${limits.maxDepth * 4}).`;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The closing quote of the JSON string opening at `start`, or -1 when it is not closed. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let escapes = 0;
    while (text.charCodeAt(end - 1 - escapes) === BACKSLASH) escapes++;
    if (escapes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/**
 * The offset of the first bracket that nests JSON deeper than `maxDepth`, or -1. One pass that
 * skips strings; it reads broken JSON without complaint (the parser reports that), so that it
 * can run before a recursive parser would overflow its stack.
 */
export function jsonDepthOverflow(text: string, maxDepth: number): number {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === QUOTE) {
      at = stringEnd(text, at);
      if (at === -1) return -1;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > maxDepth) return at;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return -1;
}

/**
 * A cheap upper bound of a YAML text's nesting: every bracket counts as flow nesting, and a line
 * whose indentation and block indicators (`- `, `? `) span n columns nests at most 2n + 3 levels.
 */
function yamlDepthBound(text: string): number {
  let flow = 0;
  let maxFlow = 0;
  let maxPrefix = 0;
  let prefix = 0;
  let inPrefix = true;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === 0x0a) {
      inPrefix = true;
      prefix = 0;
      continue;
    }
    if (inPrefix) {
      // space, tab, `-`, `?`, `:`
      if (char === 0x20 || char === 0x09 || char === 0x2d || char === 0x3f || char === 0x3a) {
        if (++prefix > maxPrefix) maxPrefix = prefix;
        continue;
      }
      inPrefix = false;
    }
    if (char === 0x5b || char === 0x7b) {
      if (++flow > maxFlow) maxFlow = flow;
    } else if ((char === 0x5d || char === 0x7d) && flow > 0) flow--;
  }
  return maxFlow + 2 * maxPrefix + 3;
}

/**
 * The offset where a YAML text first nests deeper than `maxDepth`, or -1. The bound above clears
 * nearly every real file at once; a file it does not clear is measured by js-yaml's parser, which
 * stops at the limit instead of recursing on (the `yaml` package takes seconds on 200,000 levels,
 * then overflows its stack).
 */
export function yamlDepthOverflow(text: string, maxDepth: number): number {
  if (yamlDepthBound(text) <= maxDepth) return -1;
  try {
    parseEvents(text, { maxDepth });
  } catch (error) {
    const { reason, mark } = error as { reason?: unknown; mark?: { position?: unknown } };
    if (typeof reason === 'string' && reason.includes('maxDepth') && typeof mark?.position === 'number') return mark.position;
  }
  return -1;
}

/** What expanding aliases would do: add too many nodes, loop forever, or name no anchor. */
export type AliasProblem = { kind: 'over' | 'cycle' | 'undefined'; name: string };

export function aliasMessage(problem: AliasProblem, limits: Limits): string {
  switch (problem.kind) {
    case 'undefined':
      return `The alias *${problem.name} names no anchor defined before it; define \`&${problem.name}\` on an earlier node, or remove the alias.`;
    case 'cycle':
      return `The alias *${problem.name} sits inside the node it names, so the data would never end; write the data out instead.`;
    case 'over':
      return `Aliases expand to more than ${limits.maxAliasNodes.toLocaleString('en-US')} nodes by here (an alias bomb?); write the data out, or raise the limit (${LIMIT_VARIABLES.catalog.maxAliasNodes}=${limits.maxAliasNodes * 10}).`;
  }
}

/** An anchored node: its size once complete, undefined while it is still being read. */
interface Anchor {
  size: number | undefined;
}

/**
 * The nodes aliases add, counted in document order as a YAML reader meets them: each anchor's
 * expanded size once its node is complete, each alias adding its anchor's size. Linear in the
 * document, whatever the aliases would expand to.
 */
class AliasExpansion {
  private readonly anchors = new Map<string, Anchor>();
  private added = 0;

  constructor(private readonly maxNodes: number) {}

  /** An anchored node starts: aliases from here on name it. */
  open(name: string): Anchor {
    const anchor: Anchor = { size: undefined };
    this.anchors.set(name, anchor);
    return anchor;
  }

  close(anchor: Anchor, size: number): void {
    anchor.size = size;
  }

  /** The expanded size of an alias, or what is wrong with it. */
  alias(name: string): number | AliasProblem {
    const anchor = this.anchors.get(name);
    if (!anchor) return { kind: 'undefined', name };
    if (anchor.size === undefined) return { kind: 'cycle', name };
    this.added += anchor.size;
    return this.added > this.maxNodes ? { kind: 'over', name } : anchor.size;
  }
}

/**
 * The first alias of a `yaml` Document that names no earlier anchor, loops, or takes the expanded
 * data over the limit, with the alias node to locate it. Recursive: run it once the depth is known
 * to be within the limit.
 */
export function documentAliasProblem(document: Document.Parsed, limits: Limits): { problem: AliasProblem; node: Alias } | undefined {
  const expansion = new AliasExpansion(limits.maxAliasNodes);
  let found: { problem: AliasProblem; node: Alias } | undefined;
  const size = (node: unknown): number => {
    if (found) return 0;
    if (isAlias(node)) {
      const result = expansion.alias(node.source);
      if (typeof result === 'number') return result;
      found = { problem: result, node };
      return 0;
    }
    const anchor = (node as Node | null)?.anchor ? expansion.open((node as Node).anchor as string) : undefined;
    let total = 1;
    if (isMap(node)) for (const pair of node.items) total += size(pair.key) + size(pair.value);
    else if (isSeq(node)) for (const item of node.items) total += isPair(item) ? size(item.key) + size(item.value) : size(item);
    else if (!isScalar(node)) total = node === null || node === undefined ? 0 : 1;
    if (anchor) expansion.close(anchor, total);
    return total;
  };
  size(document.contents);
  return found;
}

/**
 * The first alias that takes the expanded data over the limit or into a loop, found in one pass
 * over js-yaml's events (js-yaml shares aliased objects, but everything after it — comparing,
 * cloning, validating, printing — would walk the expansion). An undefined alias is left to the
 * parser that reports it.
 */
export function eventsAliasProblem(text: string, events: readonly Event[], limits: Limits): { problem: AliasProblem; offset: number } | undefined {
  const expansion = new AliasExpansion(limits.maxAliasNodes);
  const open: { size: number; anchor: Anchor | undefined }[] = [];
  const add = (size: number) => {
    const parent = open[open.length - 1];
    if (parent) parent.size += size;
  };
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) open.push({ size: 0, anchor: undefined });
    else if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      open.push({ size: 1, anchor: event.anchorStart >= 0 ? expansion.open(text.slice(event.anchorStart, event.anchorEnd)) : undefined });
    } else if (event.type === EVENT_ID.SCALAR) {
      if (event.anchorStart >= 0) expansion.close(expansion.open(text.slice(event.anchorStart, event.anchorEnd)), 1);
      add(1);
    } else if (event.type === EVENT_ID.ALIAS) {
      const size = expansion.alias(text.slice(event.anchorStart, event.anchorEnd));
      if (typeof size !== 'number') return size.kind === 'undefined' ? undefined : { problem: size, offset: event.anchorStart - 1 };
      add(size);
    } else {
      const closed = open.pop();
      if (closed?.anchor) expansion.close(closed.anchor, closed.size);
      add(closed?.size ?? 0);
    }
  }
  return undefined;
}

/**
 * Where aliases in a YAML text first expand past the limit, read with js-yaml's event parser
 * (several times faster than the `yaml` package on a long chain of aliases), or undefined: also
 * when the text has no alias at all, or js-yaml cannot read it (the `yaml` package then reports it).
 */
export function yamlAliasOverflow(text: string, limits: Limits): { problem: AliasProblem; offset: number } | undefined {
  if (!/(^|[\s[{,:-])\*[^\s,\]}]/.test(text)) return undefined;
  try {
    return eventsAliasProblem(text, parseEvents(text, { maxDepth: limits.maxDepth }), limits);
  } catch {
    return undefined;
  }
}
