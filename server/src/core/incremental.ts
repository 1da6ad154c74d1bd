import { check } from './check';
import { extractFigures } from './extract';
import { judge } from './judge/verdict';
import { claimsFor, cueWordsIn } from './match/match';
import type { CheckOptions, FactBase, Figure, Finding, Span } from './types';

/**
 * Re-checks only what changed. A draft is cut into chunks at blank lines; a chunk's findings
 * depend only on its own text, the heading above it, the paragraph that leads into it (for a
 * list) and the set of occasion words in the whole draft, so they are cached under exactly that
 * key. Typing in one paragraph of a book-length draft re-checks that paragraph.
 *
 * One instance per open document; `check` gives the same findings as `check()` in check.ts.
 */
export class IncrementalChecker {
  private cache = new Map<string, CachedChunk[]>();
  /** The draft's occasion words and the unsourced option the cache was filled under. */
  private cacheContext = '';

  constructor(private readonly base: FactBase) {}

  check(text: string, options: CheckOptions = {}): Finding[] {
    // Code fences may span blank lines; chunking would cut them, so such drafts take the plain path.
    if (text.includes('```') || text.includes('~~~')) return check(text, this.base, options);
    const chunks = chunksOf(text);
    const docCues = new Set<string>();
    for (const c of chunks) for (const w of this.cuesOf(c.text)) docCues.add(w);
    // Occasion words anywhere can re-rank facts everywhere: when they change, start afresh.
    const context = `${options.reportUnsourced ? 1 : 0}|${[...docCues].sort().join('|')}`;
    if (context !== this.cacheContext) { this.cache.clear(); this.cacheContext = context; }

    // A key may occur many times (a repeated paragraph); each occurrence keeps its own placement.
    const next = new Map<string, CachedChunk[]>();
    const out: Finding[] = [];
    let heading: Chunk | null = null;
    let previous: Chunk | null = null;
    for (const chunk of chunks) {
      const leadIn = LIST_START.test(chunk.text) && previous && !HEADING_START.test(previous.text) ? previous : null;
      const key = heading || leadIn ? `${heading?.text ?? ''}\u0000${leadIn?.text ?? ''}\u0000${chunk.text}` : chunk.text;
      const used = next.get(key) ?? [];
      const known = this.cache.get(key);
      let entry = known?.[used.length];
      if (!entry) {
        const findings = known?.[0]?.findings ?? used[0]?.findings ?? this.checkChunk(chunk, heading, leadIn, docCues, options);
        entry = { findings, at: 0, placed: findings };
      }
      used.push(entry);
      next.set(key, used);
      // Findings are kept relative to their chunk; placing them costs only when the chunk moved.
      if (entry.at !== chunk.start) { entry.placed = entry.findings.map((f) => shift(f, chunk.start)); entry.at = chunk.start; }
      for (const f of entry.placed) out.push(f);
      if (HEADING_START.test(chunk.text)) heading = chunk;
      previous = chunk;
    }
    this.cache = next;
    return out;
  }

  /** Cue words are cached per chunk text too: they decide the key of every chunk. */
  private readonly cueCache = new Map<string, Set<string>>();
  private cuesOf(text: string): Set<string> {
    let s = this.cueCache.get(text);
    if (!s) {
      if (this.cueCache.size > 50_000) this.cueCache.clear();
      s = cueWordsIn(text, this.base);
      this.cueCache.set(text, s);
    }
    return s;
  }

  /** Findings of one chunk, with offsets relative to the chunk's start. */
  private checkChunk(chunk: Chunk, heading: Chunk | null, leadIn: Chunk | null, docCues: ReadonlySet<string>, options: CheckOptions): Finding[] {
    // The chunk is checked inside a small document that carries its context above it.
    const prefix = [heading, leadIn].filter((c): c is Chunk => c !== null).map((c) => `${c.text}\n\n`).join('');
    const text = prefix + chunk.text;
    const figures = extractFigures(text);
    const findings = judge(this.base, claimsFor(text, this.base, figures, docCues), options.reportUnsourced ?? false);
    return findings.filter((f) => f.figure.span.start >= prefix.length).map((f) => shift(f, -prefix.length));
  }
}

interface Chunk extends Span { text: string }
interface CachedChunk { findings: Finding[]; at: number; placed: Finding[] }

const LIST_START = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/;
const HEADING_START = /^ {0,3}#{1,6}[ \t]/;
const BLANK_LINE = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;

function chunksOf(text: string): Chunk[] {
  const out: Chunk[] = [];
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

const move = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const figure: Figure = { ...f.figure, span: move(f.figure.span, by), valueSpan: move(f.figure.valueSpan, by) };
  if (f.figure.hedgeSpan) figure.hedgeSpan = move(f.figure.hedgeSpan, by);
  return { ...f, figure, replacements: f.replacements.map((r) => ({ ...r, span: move(r.span, by) })) };
}
