// Reads one fact file's text (YAML or JSON: JSON is parsed by the YAML library too, so both get
// the same node ranges) and locates every problem at a line and column of that text.
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { parseFactBase, type ExternalRefs, type FactProblem } from '../core/facts/parse';
import type { FactBase } from '../core/types';

/** Zero-based, as LSP positions are. */
export interface TextPos { line: number; character: number }
export interface LocatedProblem { start: TextPos; end: TextPos; message: string; kind: 'syntax' | 'schema' | 'reference' | 'duplicate' | 'value' }

export interface ReadFactFile {
  /** Null when the text is not YAML/JSON at all: the caller keeps the file's last good facts. */
  data: unknown;
  doc: Document | null;
  lines: LineCounter;
  syntax: LocatedProblem[];
}

export const FACT_FILE_RE = /\.facts\.(ya?ml|json)$/i;

function pos(lines: LineCounter, offset: number): TextPos {
  const p = lines.linePos(offset);
  return { line: p.line - 1, character: p.col - 1 };
}

export function readFactFile(text: string): ReadFactFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const syntax = doc.errors.map((e): LocatedProblem => ({
      start: pos(lines, e.pos[0]), end: pos(lines, Math.max(e.pos[1], e.pos[0] + 1)),
      message: `YAML syntax: ${e.message.split('\n')[0] ?? e.message}`, kind: 'syntax',
    }));
    return { data: null, doc: null, lines, syntax };
  }
  return { data: doc.toJS() as unknown, doc, lines, syntax: [] };
}

/** Range of the node at a JSON path ("/facts/2/value"), falling back to its nearest ancestor. */
export function locatePath(file: ReadFactFile, path: string): { start: TextPos; end: TextPos } {
  const segments = path.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (!file.doc) return whole;
  for (let n = segments.length; n >= 0; n--) {
    const node = file.doc.getIn(segments.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] | null }).range;
      if (!range) continue;
      // A whole mapping or list is long: underline only its first line, where the reader looks.
      const start = pos(file.lines, range[0]);
      const end = isMap(node) || isSeq(node) ? { line: start.line, character: start.character + 1 } : pos(file.lines, range[1]);
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
  if (file.data === null) return { base: null, problems: file.syntax };
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
