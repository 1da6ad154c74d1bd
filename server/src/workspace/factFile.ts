// Reads one fact file's text (YAML or JSON: JSON is parsed by the YAML library too, so both get
// the same node ranges) and locates every problem at a line and column of that text.
import { Composer, isMap, isSeq, Parser, type CST, type Document } from 'yaml';
import { parseFactBase, type ExternalRefs, type FactProblem } from '../core/facts/parse';
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
  doc: Document | null;
  lines: Lines;
  syntax: LocatedProblem[];
}

export const FACT_FILE_RE = /\.facts\.(ya?ml|json)$/i;

/**
 * Fact files larger than this are not parsed. The bundled base is 23 KB for 60 facts, so 4 MB is
 * some ten thousand facts; beyond that a file is more likely an accident (a data dump renamed)
 * than a fact base, and parsing it on every keystroke would stall the checker.
 */
export const MAX_FACT_FILE_BYTES = 4 * 1024 * 1024;
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

/** A file over MAX_FACT_FILE_BYTES, reported on its first line without reading or parsing it. */
export function oversizeFactFile(bytes: number): ReadFactFile {
  const message = `Fact file is ${mb(bytes)}: fact files over ${mb(MAX_FACT_FILE_BYTES)} are not loaded. Split it into several files.`;
  return { data: null, doc: null, lines: new Lines(''), syntax: [{ start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, message, kind: 'limit' }] };
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
  if (text.length > MAX_FACT_FILE_BYTES) return oversizeFactFile(Buffer.byteLength(text, 'utf8'));
  const lines = new Lines(text);
  const at = (offset: number, message: string, kind: LocatedProblem['kind'] = 'syntax'): ReadFactFile => {
    return { data: null, doc: null, lines, syntax: [{ start: lines.pos(offset), end: lines.pos(offset + 1), message, kind }] };
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
    return { data: null, doc: null, lines, syntax };
  }
  try {
    if (doc.contents === null) return { data: null, empty: true, doc, lines, syntax: [] };
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, doc, lines, syntax: [] };
  } catch (e) {
    // The alias limit ("Excessive alias count"), or anything else the data cannot be built from.
    const message = e instanceof Error ? first(e.message) : String(e);
    return at(firstAlias ?? 0, /alias/i.test(message) ? `YAML aliases expand too far (over ${MAX_ALIAS_COUNT} copies): ${message}` : `YAML: ${message}`, /alias/i.test(message) ? 'limit' : 'syntax');
  }
}

/** Range of the node at a JSON path ("/facts/2/value"), falling back to its nearest ancestor. */
export function locatePath(file: ReadFactFile, path: string): { start: TextPos; end: TextPos } {
  const segments = path.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (!file.doc) return whole;
  for (let n = segments.length; n >= 0; n--) {
    const node = file.doc.getIn(segments.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] | null }).range;
      if (!range) continue;
      // A whole mapping or list is long: underline only its first line, where the reader looks.
      const start = file.lines.pos(range[0]);
      // One character on, by offset: a node can start at a line's end (a key-less pair after a comma).
      const end = file.lines.pos(isMap(node) || isSeq(node) ? range[0] + 1 : range[1]);
      return { start, end };
    }
  }
  return whole;
}

function kindOf(p: FactProblem): LocatedProblem['kind'] {
  if (/duplicate/.test(p.message)) return 'duplicate';
  if (/missing source|unknown subject|unknown party/.test(p.message)) return 'reference';
  if (/does not parse/.test(p.message)) return 'value';
  return 'schema';
}

/** Parses a read file against the refs declared elsewhere; every problem located in the text. */
export function parseFactFile(file: ReadFactFile, external: ExternalRefs): { base: FactBase | null; problems: LocatedProblem[] } {
  if (!file.doc || file.empty) return { base: null, problems: file.syntax };
  const { base, problems } = parseFactBase(file.data, external);
  const located = problems.map((p): LocatedProblem => ({ ...locatePath(file, p.path), message: p.message, kind: kindOf(p) }));
  // A schema failure empties the base: report it as "no base" so the last good one stays in use.
  const schemaFailed = located.some((p) => p.kind === 'schema');
  return { base: schemaFailed ? null : base, problems: located };
}

/** JSON path of a fact, source or entity by id, for problems found only when files are merged. */
export function pathOfId(data: unknown, what: 'fact' | 'source' | 'entity', id: string): string {
  const key = what === 'fact' ? 'facts' : what === 'source' ? 'sources' : 'entities';
  const list = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return '/';
  const i = list.findIndex((x: unknown) => x !== null && typeof x === 'object' && (x as { id?: unknown }).id === id);
  return i < 0 ? `/${key}` : `/${key}/${i}/id`;
}

/** Sources and entities a file declares, read leniently so a file with errors still lends its ids. */
export function declaredRefs(data: unknown): Pick<FactBase, 'sources' | 'entities'> {
  const out: Pick<FactBase, 'sources' | 'entities'> = { sources: new Map(), entities: new Map() };
  if (data === null || typeof data !== 'object') return out;
  // Reuse the real parser on just the declarations, so a lent source is shaped exactly like a parsed one.
  const { sources, entities } = data as { sources?: unknown; entities?: unknown };
  const { base } = parseFactBase({ version: 1, sources: Array.isArray(sources) ? sources : [], entities: Array.isArray(entities) ? entities : [], facts: [] });
  return { sources: base.sources, entities: base.entities };
}
