// Reads one fact file's text (YAML or JSON) and locates every problem at a line and column of that
// text. JSON is decoded by JSON.parse, some fifty times faster than the YAML library on a large
// file; the YAML library still reads any text JSON.parse refuses (and reports where it breaks).
// Node ranges of a JSON file come from jsonc-parser, ten times faster than composing it as YAML,
// and only when a problem has to be located.
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { Composer, isMap, isSeq, Parser, type CST, type Document } from 'yaml';
import {
  buildFactBase, checkFactFile, declarationsOf, parseFactBase, type ExternalRefs, type FactProblem,
} from '../core/facts/parse';
import { ownCopy } from '../core/strings';
import type { FactBase } from '../core/types';

/** Zero-based, as LSP positions are. */
export interface TextPos { line: number; character: number }
export interface LocatedProblem { start: TextPos; end: TextPos; message: string; kind: 'syntax' | 'schema' | 'reference' | 'duplicate' | 'value' | 'limit' }

/**
 * Offsets where lines start, with "\r\n", "\r" and "\n" each ending a line as in LSP. The yaml
 * library's LineCounter knows only "\n", which puts every problem of a CR-only file on line 0.
 */
export class Lines {
  private readonly starts: number[] = [0];
  private readonly length: number;
  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; this.starts.push(i + 1); } else if (c === 10) this.starts.push(i + 1);
    }
  }
  /** Clamped to the text: the parser reports an unexpected end one past it. */
  pos(at: number): TextPos {
    const offset = Math.max(0, Math.min(at, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.starts[mid]! <= offset) lo = mid; else hi = mid - 1; }
    return { line: lo, character: offset - this.starts[lo]! };
  }
}

export interface ReadFactFile {
  /**
   * Null when the text is not YAML/JSON at all, or holds nothing (a file just created): the caller
   * keeps the file's last good facts. An explicit `null` is data, and fails the schema.
   */
  data: unknown;
  /** Only comments and blank lines: not a mistake, so nothing is reported. */
  empty?: boolean;
  syntax: LocatedProblem[];
  /** The range of the node at a JSON path ("/facts/2/value"), or of its nearest ancestor. */
  locate(path: string): TextRange;
}

export interface TextRange { start: TextPos; end: TextPos }
const WHOLE: TextRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const nowhere = () => WHOLE;

/** "/facts/2/value" -> ["facts", 2, "value"] (JSON Pointer, RFC 6901). */
const segmentsOf = (path: string): Array<string | number> =>
  path.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));

/**
 * Where a path is in a composed YAML document. A whole mapping or list is long: only its first
 * character is marked, on the line where the reader looks; one character on by offset, since a
 * node can start at a line's end (a key-less pair after a comma). A scalar is marked whole.
 */
function yamlLocator(doc: Document, lines: Lines): ReadFactFile['locate'] {
  return (path) => {
    const segments = segmentsOf(path);
    for (let n = segments.length; n >= 0; n--) {
      const node = doc.getIn(segments.slice(0, n), true);
      if (node && typeof node === 'object' && 'range' in node) {
        const range = (node as { range?: [number, number, number] | null }).range;
        if (!range) continue;
        return { start: lines.pos(range[0]), end: lines.pos(isMap(node) || isSeq(node) ? range[0] + 1 : range[1]) };
      }
    }
    return WHOLE;
  };
}

/** The same for a JSON text, whose tree and line starts are worked out on the first call. */
function jsonLocator(text: string): ReadFactFile['locate'] {
  let tree: { root: JsonNode | undefined; lines: Lines } | undefined;
  return (path) => {
    tree ??= { root: parseTree(text), lines: new Lines(text) };
    if (!tree.root) return WHOLE;
    const segments = segmentsOf(path);
    for (let n = segments.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree.root, segments.slice(0, n));
      if (!node) continue;
      const collection = node.type === 'object' || node.type === 'array';
      return { start: tree.lines.pos(node.offset), end: tree.lines.pos(collection ? node.offset + 1 : node.offset + node.length) };
    }
    return WHOLE;
  };
}

export const FACT_FILE_RE = /\.facts\.(ya?ml|json)$/i;

/**
 * YAML fact files larger than this are not parsed. The bundled base is 23 KB for 60 facts, so
 * 4 MB is some ten thousand facts, which the YAML library takes about a second to read; beyond
 * that a file is more likely an accident (a data dump renamed) than a fact base, and parsing it
 * on every keystroke would stall the checker.
 */
export const MAX_FACT_FILE_BYTES = 4 * 1024 * 1024;
/**
 * JSON fact files may be larger: JSON.parse reads 40 MB (100,000 facts) in under 0.2 s. A file
 * over this is refused unread.
 */
export const MAX_JSON_FACT_FILE_BYTES = 64 * 1024 * 1024;
/**
 * Collections nested deeper than this are refused before the YAML composer sees them: it recurses
 * per level, and near the stack limit V8 can abort the whole process (a RegExp compiled while the
 * stack is exhausted is a fatal error, not an exception). Real fact files nest 5 levels.
 */
export const MAX_NESTING = 64;
/** Alias expansions allowed when building the data ("billion laughs" stops here, with a diagnostic). */
export const MAX_ALIAS_COUNT = 100;

const first = (message: string) => message.split('\n')[0] ?? message;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A file over the size limits, reported on its first line without reading or parsing it. */
export function oversizeFactFile(bytes: number, why?: string): ReadFactFile {
  const message = bytes > MAX_JSON_FACT_FILE_BYTES
    ? `Fact file is ${mb(bytes)}: fact files over ${mb(MAX_JSON_FACT_FILE_BYTES)} are not loaded. Split it into several files.`
    : `Fact file is ${mb(bytes)}: YAML fact files over ${mb(MAX_FACT_FILE_BYTES)} are not loaded (JSON ones up to ${mb(MAX_JSON_FACT_FILE_BYTES)} are${why ? `, but this is not valid JSON: ${why}` : ''}). Split it into several files.`;
  return { data: null, syntax: [{ start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, message, kind: 'limit' }], locate: nowhere };
}

/** The deepest collection nesting of a CST (walked without recursion), and where it first passes the limit; also the first alias. */
function scan(tokens: readonly CST.Token[]): { tooDeep: number | null; firstAlias: number | null } {
  let tooDeep: number | null = null;
  let firstAlias: number | null = null;
  const stack: Array<[CST.Token | undefined, number]> = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (!t) continue;
    if (t.type === 'alias') firstAlias = Math.min(firstAlias ?? t.offset, t.offset);
    const nested = t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection' ? depth + 1 : depth;
    if (nested > MAX_NESTING) { tooDeep = Math.min(tooDeep ?? t.offset, t.offset); continue; }
    if (t.type === 'document') stack.push([t.value, nested]);
    else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      for (const item of t.items) stack.push([item.key ?? undefined, nested], [item.value, nested]);
    }
  }
  return { tooDeep, firstAlias };
}

export function readFactFile(text: string): ReadFactFile {
  // UTF-16 units, not bytes: a cheap bound that never under-counts by more than 3x.
  if (text.length > MAX_JSON_FACT_FILE_BYTES) return oversizeFactFile(Buffer.byteLength(text, 'utf8'));
  const json = readJson(text);
  if (json.read) return json.read;
  if (text.length > MAX_FACT_FILE_BYTES) return oversizeFactFile(Buffer.byteLength(text, 'utf8'), json.error);
  return readYaml(text);
}

function readYaml(text: string): ReadFactFile {
  const lines = new Lines(text);
  const at = (offset: number, message: string, kind: LocatedProblem['kind'] = 'syntax'): ReadFactFile => {
    return { data: null, syntax: [{ start: lines.pos(offset), end: lines.pos(offset + 1), message, kind }], locate: nowhere };
  };
  // The CST parser is iterative, so its tokens can be measured before anything recurses on them.
  const tokens = [...new Parser().parse(text)];
  const { tooDeep, firstAlias } = scan(tokens);
  if (tooDeep !== null) return at(tooDeep, `Nested more than ${MAX_NESTING} levels deep here: fact files are not read past that depth.`, 'limit');
  const docs = [...new Composer({ prettyErrors: false, uniqueKeys: true }).compose(tokens, true, text.length)];
  const doc = docs[0]!;
  const errors: Array<{ pos: readonly [number, number]; message: string }> = [...doc.errors];
  // parseDocument reports a second document too: only the first would be read.
  const second = docs[1]?.range?.[0];
  if (second !== undefined) errors.push({ pos: [second, second + 1], message: 'a fact file holds one YAML document; a second one starts here' });
  if (errors.length) {
    const syntax = errors.map((e): LocatedProblem => ({
      start: lines.pos(e.pos[0]), end: lines.pos(Math.max(e.pos[1], e.pos[0] + 1)),
      message: `YAML syntax: ${first(e.message)}`, kind: 'syntax',
    }));
    return { data: null, syntax, locate: nowhere };
  }
  try {
    if (doc.contents === null) return { data: null, empty: true, syntax: [], locate: nowhere };
    return { data: ownStrings(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown), syntax: [], locate: yamlLocator(doc, lines) };
  } catch (e) {
    // The alias limit ("Excessive alias count"), or anything else the data cannot be built from.
    const message = e instanceof Error ? first(e.message) : String(e);
    return at(firstAlias ?? 0, /alias/i.test(message) ? `YAML aliases expand too far (over ${MAX_ALIAS_COUNT} copies): ${message}` : `YAML: ${message}`, /alias/i.test(message) ? 'limit' : 'syntax');
  }
}

/**
 * The data with every string in it copied out of the text it was read from (ownCopy). The YAML
 * library's strings are slices of the file's text, which they keep alive with the facts: a 2.4 MB
 * YAML file of 6,000 facts held 6.7 MB, 4.9 MB with its strings copied (from JSON, whose parser
 * makes strings of their own, the same facts hold 2.2 MB). Walked without recursion; the data is
 * the library's fresh output, changed in place.
 */
function ownStrings(data: unknown): unknown {
  if (typeof data === 'string') return ownCopy(data);
  const stack: unknown[] = [data];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (typeof x === 'string') o[k] = ownCopy(x);
      else if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return data;
}

/**
 * The fast path: a text JSON.parse accepts, with no key repeated in an object and nested no
 * deeper than the YAML path allows. Anything else (a syntax error, a duplicate key, which
 * JSON.parse would silently resolve to the last, a file nested too deep) goes the YAML way,
 * which reports it where it is. `error` is JSON.parse's message, for a file too large for YAML.
 */
function readJson(text: string): { read?: ReadFactFile; error?: string } {
  let i = 0;
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c !== 123 && c !== 91) return {}; // not "{" or "[": YAML, or a JSON scalar the schema refuses anyway
  let data: unknown;
  try { data = JSON.parse(text); } catch (e) { return { error: e instanceof Error ? first(e.message) : String(e) }; }
  const { keys, maxDepth } = membersOf(data);
  if (maxDepth > MAX_NESTING) return {};
  // A repeated key shows as more keys written than decoded.
  if (jsonShape(text).keys !== keys) return {};
  return { read: { data, syntax: [], locate: jsonLocator(text) } };
}

const isJsonSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Object members and nesting depth of a text JSON.parse accepted, in one pass that jumps from
 * string to string: a string followed by ":" is a key. (Counting `":` alone is not enough: a
 * string may begin with a colon.)
 */
export function jsonShape(text: string): { keys: number; maxDepth: number } {
  let keys = 0, depth = 0, maxDepth = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let j = text.indexOf('"', i + 1);
      for (;;) {
        if (j < 0) return { keys: -1, maxDepth }; // unterminated: not a text JSON.parse accepted
        let backslashes = 0;
        while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      i = j + 1;
      while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 58) keys++;
      continue;
    }
    if (c === 123 || c === 91) { if (++depth > maxDepth) maxDepth = depth; } else if (c === 125 || c === 93) depth--;
    i++;
  }
  return { keys, maxDepth };
}

/** Properties of every object in decoded JSON, and how deep its collections nest (walked without recursion). */
function membersOf(data: unknown): { keys: number; maxDepth: number } {
  let keys = 0, maxDepth = 0;
  // Two stacks rather than one of pairs: a 100,000-fact file has half a million objects.
  const values: unknown[] = [data];
  const depths: number[] = [1];
  while (values.length) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) maxDepth = depth;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') { values.push(x); depths.push(depth + 1); }
      continue;
    }
    for (const k in v) {
      keys++;
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object') { values.push(x); depths.push(depth + 1); }
    }
  }
  return { keys, maxDepth };
}

/** Range of the node at a JSON path ("/facts/2/value"), falling back to its nearest ancestor. */
export function locatePath(file: ReadFactFile, path: string): TextRange {
  return file.locate(path);
}

function kindOf(p: FactProblem): LocatedProblem['kind'] {
  if (/duplicate/.test(p.message)) return 'duplicate';
  if (/missing source|unknown subject|unknown party/.test(p.message)) return 'reference';
  if (/does not parse/.test(p.message)) return 'value';
  return 'schema';
}

/** Parses a read file against the refs declared elsewhere; every problem located in the text. */
export function parseFactFile(file: ReadFactFile, external: ExternalRefs): { base: FactBase | null; problems: LocatedProblem[] } {
  if (file.syntax.length || file.empty) return { base: null, problems: file.syntax };
  const checked = checkedOf(file);
  const { base, problems } = checked.file ? buildFactBase(checked.file, external) : { base: null, problems: checked.problems };
  const located = problems.map((p): LocatedProblem => ({ ...locatePath(file, p.path), message: p.message, kind: kindOf(p) }));
  // A schema failure empties the base: report it as "no base" so the last good one stays in use.
  const schemaFailed = located.some((p) => p.kind === 'schema');
  return { base: schemaFailed ? null : base, problems: located };
}

// The schema check of a read file, made once: its declarations are needed before its facts.
const checks = new WeakMap<ReadFactFile, ReturnType<typeof checkFactFile>>();
function checkedOf(file: ReadFactFile): ReturnType<typeof checkFactFile> {
  let checked = checks.get(file);
  if (!checked) { checked = checkFactFile(file.data); checks.set(file, checked); }
  return checked;
}

const LIST_KEYS = { fact: 'facts', source: 'sources', entity: 'entities' } as const;
type Declared = keyof typeof LIST_KEYS;

function listOf(data: unknown, what: Declared): unknown[] | null {
  const list = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[LIST_KEYS[what]] : undefined;
  return Array.isArray(list) ? list : null;
}

const idOf = (x: unknown): unknown => (x !== null && typeof x === 'object' ? (x as { id?: unknown }).id : undefined);

/** JSON path of a fact, source or entity by id, for problems found only when files are merged. */
export function pathOfId(data: unknown, what: Declared, id: string): string {
  const list = listOf(data, what);
  if (!list) return '/';
  const i = list.findIndex((x) => idOf(x) === id);
  return i < 0 ? `/${LIST_KEYS[what]}` : `/${LIST_KEYS[what]}/${i}/id`;
}

/**
 * JSON paths of the ids of a file's facts (or sources, or entities), by id, the first of each as
 * `pathOfId` finds it: asked for every fact (the Fact Base view), `pathOfId` alone would scan the
 * list once per fact.
 */
export function idPaths(data: unknown, what: Declared): Map<string, string> {
  const out = new Map<string, string>();
  listOf(data, what)?.forEach((x, i) => {
    const id = idOf(x);
    if (typeof id === 'string' && !out.has(id)) out.set(id, `/${LIST_KEYS[what]}/${i}/id`);
  });
  return out;
}

/** Sources and entities a file declares, read leniently so a file with errors still lends its ids. */
export function declaredRefs(file: ReadFactFile): Pick<FactBase, 'sources' | 'entities'> {
  const out: Pick<FactBase, 'sources' | 'entities'> = { sources: new Map(), entities: new Map() };
  if (file.syntax.length || file.empty) return out;
  const checked = checkedOf(file);
  if (checked.file) return declarationsOf(checked.file);
  const data = file.data;
  if (data === null || typeof data !== 'object') return out;
  // Reuse the real parser on just the declarations, so a lent source is shaped exactly like a parsed one.
  const { sources, entities } = data as { sources?: unknown; entities?: unknown };
  const { base } = parseFactBase({ version: 1, sources: Array.isArray(sources) ? sources : [], entities: Array.isArray(entities) ? entities : [], facts: [] });
  return { sources: base.sources, entities: base.entities };
}
