import { check } from './check';
import { extractFigures, pointGroupsThousands } from './extract';
import { judge } from './judge/verdict';
import { type Claim, claimsFor, cueWordsOf, type DocumentCues, phrasesIn } from './match/match';
import { MAX_PARAGRAPH_CHARS, blockKinds, isLedBlock, paragraphCuts, plainParagraphs } from './match/segment';
import { ownCopy } from './strings';
import type { CheckOptions, FactBase, Figure, Finding, Span } from './types';

/**
 * Re-checks only what changed. A draft is cut into chunks at blank lines, and a long paragraph
 * where segment() cuts it (MAX_PARAGRAPH_CHARS); a chunk's findings depend only on its own text,
 * the heading above it, the paragraph that leads into it (for a list), the set of occasion words
 * in the whole draft and how the draft writes numbers, so they are reused while exactly those
 * stay the same. Typing in one paragraph of a book-length draft re-checks that paragraph.
 *
 * Chunks before and after the edited stretch (the text's common prefix and suffix with the last
 * version) are recognised by position, without hashing their text: on a 1 MB draft that is what
 * keeps a keystroke cheap. Other chunks are looked up by text, so a repeated or pasted paragraph
 * is checked once.
 *
 * One instance per open document; `check` gives the same findings as `check()` in check.ts.
 * A finding it gives may be given again by the next check, moved in place to where its
 * paragraph now stands: a check's findings are good until the next check, like the text.
 */
export class IncrementalChecker {
  private last: { text: string; chunks: ChunkState[] } | null = null;
  /** The draft's occasion words and the unsourced option the last findings were made under. */
  private lastContext = '';
  /**
   * How many chunks hold each cue word, kept up to date chunk by chunk; its keys are the draft's
   * cue words. They change only when a count crosses zero, and only then are they listed again.
   */
  private readonly cueCounts = new Map<string, number>();
  /** The draft's cue words, sorted and joined; null when a count crossed zero since. */
  private cueKey: string | null = null;
  /** Whether a point groups thousands in the draft the last check read (pointGroupsThousands). */
  private pointGroups = true;
  /** Length of the text the last check shared with the one before it, from the start. */
  unchangedPrefix = 0;
  /** The same from the end; never overlapping the prefix. */
  unchangedSuffix = 0;

  constructor(private readonly base: FactBase) {}

  check(text: string, options: CheckOptions = {}): Finding[] {
    const steps = this.steps(text, options);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * The same check, pausing (yielding) now and then between chunks, so an adapter can let other
   * work in during a long one (a first check of a book-length draft). It must be run to the end
   * before the checker is used again: the checker's state is updated as it goes.
   *
   * A check with much to read yields one Preview on the way, once its first PREVIEW_AFTER
   * characters are read: what an editor can show at the top of a book-length draft at once.
   */
  *steps(text: string, options: CheckOptions = {}): Generator<Preview | undefined, Finding[], void> {
    // Code fences may span blank lines; chunking would cut them, so such drafts take the plain path.
    if (text.includes('```') || text.includes('~~~')) {
      this.reset();
      this.unchangedPrefix = 0;
      this.unchangedSuffix = 0;
      return check(text, this.base, options);
    }
    const { chunks, old, removed } = this.chunksFor(text);
    // How the draft writes numbers is the draft's, not a chunk's: a "250,000" anywhere makes
    // "800.000" a decimal everywhere. When that flips, every chunk reads its numbers again.
    const commas = chunks.map((c, i) => old[i]?.commas ?? !pointGroupsThousands(c.text));
    const pointGroups = !commas.includes(true);
    if (this.last && pointGroups !== this.pointGroups) {
      this.reset();
      return yield* this.steps(text, options);
    }
    this.pointGroups = pointGroups;
    // Read as the reading reaches each chunk: a preview of a long draft waits for no later chunk.
    const shapes: Array<ChunkShape | undefined> = [];
    const shapeAt = (i: number): ChunkShape => (shapes[i] ??= old[i]?.shape ?? shapeOf(chunks[i]!.text));
    for (const state of removed) this.countCues(state.cues, -1);
    // A chunk not seen before is read now: its cue words are needed before anything is judged,
    // and the same pass over its phrases gives its claims (judged below, when the draft's cue
    // words are all counted). A repeated chunk under the same heading is read once.
    const read = new ByContext<Reading>();
    const cues: Array<Set<string>> = [];
    let checked = 0;
    // The chunks read so far, for the preview; null once it is given or when none is due.
    let readSoFar: Array<[Chunk, Reading]> | null = previewDue(chunks, old) ? [] : null;
    const above = new Above<Chunk>();
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      const shape = shapeAt(i);
      const heading = above.heading;
      const leadIn = above.leadIn(shape);
      const o = old[i];
      if (o) cues.push(o.cues);
      else {
        // A chunk seen for the first time takes its text out of the draft before it is read, so
        // that neither it nor the figures read in it keep that version of the draft alive: a
        // chunk lives until its paragraph is edited, and typing in 60 paragraphs of the 1 MB bench
        // draft kept 60 versions of it (122 MB). Done here, not as the draft is cut, so the top
        // of a long draft is shown before the rest is copied.
        chunk.text = ownCopy(chunk.text);
        let r = read.get(heading, leadIn, chunk);
        if (!r) {
          r = this.readChunk(chunk, heading, leadIn);
          read.set(heading, leadIn, chunk, r);
          checked += chunk.end - chunk.start;
          // About every 8 KB of text read: a pause costs the caller a clock read.
          if (checked >= PAUSE_EVERY) { checked = 0; yield; }
        }
        cues.push(r.cues);
        this.countCues(r.cues, +1);
        if (readSoFar) {
          readSoFar.push([chunk, r]);
          if (chunk.end >= PREVIEW_AFTER && text.length - chunk.end >= PREVIEW_REST) {
            yield { findings: readSoFar.flatMap(([c, rr]) => this.judgeChunk(c, rr, options, true)), end: chunk.end };
            readSoFar = null;
          }
        }
      }
      above.pass(shape, chunk);
    }
    // Occasion words anywhere can re-rank facts everywhere: when they change, start afresh.
    this.cueKey ??= [...this.cueCounts.keys()].sort().join('|');
    const context = `${options.reportUnsourced ? 1 : 0}|${this.cueKey}`;
    const sameContext = context === this.lastContext;
    this.lastContext = context;

    const byKey = new ByContext<{ at: number; placed: Finding[] }>();
    const states: ChunkState[] = [];
    const out: Finding[] = [];
    const aboveState = new Above<ChunkState>();
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      const before = sameContext ? old[i] : undefined;
      const shape = shapeAt(i);
      const heading = aboveState.heading;
      const leadIn = aboveState.leadIn(shape);
      let state: ChunkState;
      // The heading and lead-in are the same when they are the very states the chunk was
      // checked under: reused states keep their identity, changed ones are new objects.
      if (before && before.heading === heading && before.leadIn === leadIn) {
        state = before;
        // Its text is the same as the chunk's, and already its own.
        state.start = chunk.start; state.end = chunk.end;
      } else {
        // A repeated paragraph is checked once; its findings are moved to where it stands.
        let same = byKey.get(heading, leadIn, chunk);
        if (!same) {
          let r = read.get(heading, leadIn, chunk);
          if (!r) {
            // Unchanged, but under a changed heading or lead-in, or all afresh.
            r = this.readChunk(chunk, heading, leadIn);
            checked += chunk.end - chunk.start;
            if (checked >= PAUSE_EVERY) { checked = 0; yield; }
          }
          same = { at: chunk.start, placed: this.judgeChunk(chunk, r, options) };
          byKey.set(heading, leadIn, chunk, same);
        }
        state = {
          start: chunk.start, end: chunk.end, text: chunk.text, shape, commas: commas[i]!,
          heading, leadIn, cues: cues[i]!, at: same.at, placed: same.placed,
        };
      }
      // Findings are moved only when their chunk moved, from where they were to where it is now.
      // A chunk kept from the last version owns its findings and moves them where they are: a
      // keystroke in a 1 MB draft moves every finding after it, and copies of them all were what
      // the garbage collector spent most of a first keystroke on. Findings shared with another
      // chunk of the same text (byKey) are copied.
      if (state.at !== chunk.start) {
        const by = chunk.start - state.at;
        if (state === before) for (let k = 0; k < state.placed.length; k++) moveInPlace(state.placed[k]!, by);
        else state.placed = state.placed.map((f) => shift(f, by));
        state.at = chunk.start;
      }
      // Indexed, not for-of: before the code is warm (a first keystroke), the iterator protocol
      // costs some 0.15 µs a finding, and a 1 MB draft has thousands.
      for (let k = 0; k < state.placed.length; k++) out.push(state.placed[k]!);
      states.push(state);
      aboveState.pass(shape, state);
    }
    this.last = { text, chunks: states };
    return out;
  }

  private reset(): void {
    this.last = null;
    this.lastContext = '';
    this.cueCounts.clear();
    this.cueKey = null;
  }

  private countCues(words: ReadonlySet<string>, by: 1 | -1): void {
    for (const w of words) {
      const n = (this.cueCounts.get(w) ?? 0) + by;
      if (n > 0) this.cueCounts.set(w, n); else this.cueCounts.delete(w);
      if (n === 0 || (n === 1 && by === 1)) this.cueKey = null;
    }
  }

  /**
   * The chunks of the new text; for each, the last version's state of the same chunk when its
   * text is known to be unchanged (it lies wholly in the unchanged prefix or suffix of the text);
   * and the last version's states that are gone. Only the edited stretch is scanned again.
   */
  private chunksFor(text: string): { chunks: Chunk[]; old: Array<ChunkState | undefined>; removed: ChunkState[] } {
    const last = this.last;
    if (!last) {
      this.reset();
      this.unchangedPrefix = 0;
      this.unchangedSuffix = 0;
      return { chunks: chunksOf(text), old: [], removed: [] };
    }
    const was = last.text;
    const prefix = commonPrefix(was, text);
    this.unchangedPrefix = prefix;
    const suffix = commonSuffix(was, text, Math.min(was.length, text.length) - prefix);
    this.unchangedSuffix = suffix;
    const delta = text.length - was.length;
    const tail = text.length - suffix;
    const { head, middle, rest } = rechunk(last.chunks, was, text, prefix, suffix);
    const chunks: Chunk[] = [];
    const old: Array<ChunkState | undefined> = [];
    for (let i = 0; i < head; i++) { const o = last.chunks[i]!; chunks.push(o); old.push(o); }
    // Between them, a re-scanned chunk is still the old one when it lies wholly in the prefix or
    // suffix at the old chunk's place (the scan starts a little before the edit).
    const between = last.chunks.slice(head, rest);
    const kept = new Set<ChunkState>();
    for (const c of middle) {
      chunks.push(c);
      let at = -1;
      if (c.end <= prefix) at = c.start;
      else if (c.start >= tail) at = c.start - delta;
      const b = at >= 0 ? between[firstStartingAt(between, at)] : undefined;
      const o = b && b.start === at && b.end - b.start === c.end - c.start ? b : undefined;
      // Every chunk text the checker keeps is a copy of its own (ownCopy). A rescanned chunk that
      // is an old one takes the old one's: the same characters, where the new slice would keep
      // this version of the draft alive should the chunk be read again under a new heading.
      if (o) { kept.add(o); c.text = o.text; }
      old.push(o);
    }
    for (let i = rest; i < last.chunks.length; i++) {
      const o = last.chunks[i]!;
      chunks.push(delta ? { start: o.start + delta, end: o.end + delta, text: o.text } : o);
      old.push(o);
    }
    return { chunks, old, removed: between.filter((b) => !kept.has(b)) };
  }

  /**
   * The chunk's cue words and claims. It is read inside a small document that carries its
   * context above it; the claims read the draft's cue words (the live counts) when judged.
   */
  private readChunk(chunk: Chunk, heading: Chunk | null, leadIn: Chunk | null): Reading {
    const prefix = [heading, leadIn].filter((c): c is Chunk => c !== null).map((c) => `${c.text}\n\n`).join('');
    const text = prefix + chunk.text;
    const found = phrasesIn(text, this.base);
    const docCues: DocumentCues = this.cueCounts;
    const figures = extractFigures(text, { pointGroupsThousands: this.pointGroups });
    return { prefix: prefix.length, cues: cueWordsOf(found[3], prefix.length), claims: claimsFor(text, this.base, figures, docCues, found) };
  }

  /**
   * Findings of one chunk, at their offsets in the draft. `settledOnly`: only those the rest of
   * the draft cannot change, before all of it is read. A claim with two or more candidates is
   * ranked by the draft's occasion words (rankFacts), which may stand anywhere; any other claim's
   * finding depends on its chunk and the context above it alone. All claims are judged even so:
   * a coordinated sibling's agreeing facts ("2014 and 2016") decide the others' verdicts.
   */
  private judgeChunk(chunk: Chunk, r: Reading, options: CheckOptions, settledOnly = false): Finding[] {
    const findings = judge(this.base, r.claims, options.reportUnsourced ?? false);
    const unsettled = settledOnly ? new Set(r.claims.filter((c) => c.occasionWords !== null).map((c) => c.figure)) : null;
    const by = chunk.start - r.prefix;
    return findings.filter((f) => f.figure.span.start >= r.prefix && !unsettled?.has(f.figure)).map((f) => shift(f, by));
  }
}

/** What reading a chunk gives: its cue words, and its claims in the text it was read in. */
interface Reading {
  /** Length of the heading and lead-in text put before the chunk. */
  prefix: number;
  cues: Set<string>;
  claims: Claim[];
}

/**
 * Values by a chunk's text and the heading and lead-in texts it is read under: chunks alike in
 * all three read the same. Not one joined key: on a 1 MB draft, joining and hashing those keys
 * cost 5 ms per check; each text's hash is computed once and kept by the engine.
 */
class ByContext<V> {
  private readonly byText = new Map<string, Array<{ heading: string; leadIn: string; value: V }>>();

  get(heading: Chunk | null, leadIn: Chunk | null, chunk: Chunk): V | undefined {
    const h = heading?.text ?? '', l = leadIn?.text ?? '';
    for (const e of this.byText.get(chunk.text) ?? []) if (e.heading === h && e.leadIn === l) return e.value;
    return undefined;
  }

  set(heading: Chunk | null, leadIn: Chunk | null, chunk: Chunk, value: V): void {
    const entry = { heading: heading?.text ?? '', leadIn: leadIn?.text ?? '', value };
    const have = this.byText.get(chunk.text);
    if (have) have.push(entry); else this.byText.set(chunk.text, [entry]);
  }
}

interface Chunk extends Span { text: string }
interface ChunkState extends Chunk {
  shape: ChunkShape;
  /** Whether the chunk writes a comma group ("250,000"), which makes the draft's points decimal. */
  commas: boolean;
  /** The states this chunk was checked under. */
  heading: ChunkState | null;
  leadIn: ChunkState | null;
  cues: Set<string>;
  /** Where the chunk started when `placed` was made: its findings, at their offsets in the draft. */
  at: number;
  placed: Finding[];
}

const PAUSE_EVERY = 8192;

/**
 * Findings of a long check's first part, given before the check is done: exactly the findings of
 * the whole check that stand before `end`, less those that rank two or more facts by the draft's
 * occasion words (those come with the whole check). Nothing in a preview changes or goes later.
 */
export interface Preview {
  findings: Finding[];
  /** The text before this offset has been read. */
  end: number;
}

// A preview is given after this much of the draft is read (a few screens, some 5,000 words),
// when at least PREVIEW_REST is left to read: on 1 MB, the whole first check takes ~200-400 ms.
export const PREVIEW_AFTER = 32 * 1024;
export const PREVIEW_REST = 96 * 1024;

/**
 * A preview is worth giving when the check reads all of a long draft afresh: a first check, or a
 * long text pasted over all of a short one (a wire story into a new draft). Where any chunk is
 * kept from the last version, an edit is being checked, and a preview would leave its findings out.
 */
const previewDue = (chunks: readonly Chunk[], old: ReadonlyArray<ChunkState | undefined>): boolean =>
  (chunks.at(-1)?.end ?? 0) >= PREVIEW_AFTER + PREVIEW_REST && !old.some((o) => o !== undefined);

/**
 * What a chunk is to the chunks around it, as segment() reads the whole draft: a list item with
 * no paragraph of its chunk before it is led in by the last paragraph since the last heading,
 * wherever in a chunk that paragraph and that heading stand.
 */
interface ChunkShape {
  /** It holds a list item before any paragraph or heading of its own: led in from before it. */
  list: boolean;
  /** It holds a heading. */
  heading: boolean;
  /** It holds a paragraph after its last heading (if any). */
  paragraph: boolean;
  /** It opens with a table or an answer, read under the chunk before it (match.ts, claimsFor). */
  led: boolean;
  /** It is one paragraph that may be read before such a chunk: neither a table nor an answer itself. */
  intro: boolean;
}

const PLAIN: ChunkShape = { list: false, heading: false, paragraph: true, led: false, intro: true };
const PLAIN_LED: ChunkShape = { list: false, heading: false, paragraph: true, led: true, intro: false };

function shapeOf(text: string): ChunkShape {
  const led = isLedBlock(text, 0);
  if (plainParagraphs(text)) return led ? PLAIN_LED : PLAIN;
  const kinds = blockKinds(text);
  const lastHeading = kinds.lastIndexOf('heading');
  // A quote before it does not lead a list in: segment() takes the last paragraph then.
  const own = kinds.findIndex((k) => k === 'paragraph' || k === 'heading');
  const firstList = kinds.indexOf('list-item');
  const first = kinds[0] === 'paragraph';
  return {
    list: firstList >= 0 && (own < 0 || firstList < own), heading: lastHeading >= 0, paragraph: kinds.indexOf('paragraph', lastHeading + 1) >= 0,
    led: first && led, intro: first && kinds.length === 1 && !led,
  };
}

/**
 * The heading and the last paragraph since it, carried along the chunks in order. Updated in
 * place: a keystroke in a 1 MB draft walks its 5,000 chunks twice, the first time before the code
 * is warm, and with a pair returned and destructured per chunk that first keystroke took 21–35 ms
 * in one process against 15–19 ms (lsp-eval's draft).
 */
class Above<C> {
  heading: C | null = null;
  private paragraph: C | null = null;
  /** The chunk just passed, when it may lead in a table or an answer after it. */
  private intro: C | null = null;

  /**
   * The paragraph that leads into a chunk of this shape: for a list with no paragraph of its own
   * since the heading, the last paragraph; for a table or an answer, the chunk right before it.
   */
  leadIn(shape: ChunkShape): C | null {
    if (shape.led) return this.intro;
    return shape.list && this.paragraph !== this.heading ? this.paragraph : null;
  }

  /** The chunk is passed: its heading and paragraph, if it holds any, are the ones above the next. */
  pass(shape: ChunkShape, chunk: C): void {
    if (shape.heading) { this.heading = chunk; this.paragraph = shape.paragraph ? chunk : null; } else if (shape.paragraph) this.paragraph = chunk;
    this.intro = shape.intro ? chunk : null;
  }
}
// One or more blank lines, all of them: a chunk starts with its first non-blank line, which says
// whether it is a heading or a list item.
// A line break is CRLF, LF or a lone CR (never the CR of a CRLF on its own).
const BLANK_LINE = /(?:\r\n|\n|\r(?!\n))(?:[ \t]*(?:\r\n|\n|\r(?!\n)))+/g;

/** Index of the first span starting at or after `at`. */
function firstStartingAt(spans: readonly Span[], at: number): number {
  let lo = 0, hi = spans.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid]!.start < at) lo = mid + 1; else hi = mid; }
  return lo;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The chunk text[start, end), or its parts where segment() cuts a long paragraph: a part ends
 * where the next begins, so parts of one chunk touch and chunks cut at blank lines never do.
 */
function pushChunk(out: Chunk[], text: string, start: number, end: number): void {
  let from = start;
  if (end - start > MAX_PARAGRAPH_CHARS) {
    // Cut as the whole text is: a blank line ends every block, so the chunk alone cuts the same.
    for (const cut of paragraphCuts(text.slice(start, end))) {
      out.push({ start: from, end: start + cut, text: text.slice(from, start + cut) });
      from = start + cut;
    }
  }
  out.push({ start: from, end, text: text.slice(from, end) });
}

// Blank lines the text opens with: its first chunk starts after them, as every other does.
const LEADING_BLANK_LINES = /^(?:[ \t]*(?:\r\n|\n|\r(?!\n)))+/;
const firstLineStart = (text: string) => LEADING_BLANK_LINES.exec(text)?.[0].length ?? 0;

export function chunksOf(text: string): Chunk[] {
  const out: Chunk[] = [];
  let start = firstLineStart(text);
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    if (m.index > start) pushChunk(out, text, start, m.index);
    start = m.index + m[0].length;
  }
  if (start < text.length) pushChunk(out, text, start, text.length);
  return out;
}

/**
 * Where the chunks of `text` differ from those of `was`, given their common prefix and suffix:
 * the first `head` old chunks are unchanged, `middle` are scanned afresh, and the old chunks from
 * `rest` on are unchanged but moved by the difference in length.
 *
 * The scan starts at the chunk holding the last non-blank character before the edit: a blank-line
 * separator is made of blanks only, so no separator found before that character can change. It
 * stops at the first chunk start past the edit where an old chunk started too: from the same place
 * in the same text, the same separators follow. A paragraph's cuts follow from the text after its
 * start (or after the cut before), so they follow the same way. So the result is what
 * chunksOf(text) gives.
 */
export function rechunk(old: readonly Span[], was: string, text: string, prefix: number, suffix: number): { head: number; middle: Chunk[]; rest: number } {
  let q = prefix - 1;
  while (q >= 0 && isBlank(text.charCodeAt(q))) q--;
  // The last old chunk starting at or before q holds it (separators hold no non-blank).
  let head = q >= 0 ? Math.max(0, firstStartingAt(old, q + 1) - 1) : 0;
  // A part of a cut paragraph is cut where it is because of the text before it: scan its whole chunk.
  while (head > 0 && head < old.length && old[head - 1]!.end === old[head]!.start) head--;
  let start = q >= 0 && head < old.length ? old[head]!.start : firstLineStart(text);
  const delta = text.length - was.length;
  const tail = text.length - suffix;
  const middle: Chunk[] = [];
  let j = head;
  BLANK_LINE.lastIndex = start;
  for (;;) {
    if (start >= tail) {
      while (j < old.length && old[j]!.start < start - delta) j++;
      if (j < old.length && old[j]!.start === start - delta) return { head, middle, rest: j };
    }
    const m = BLANK_LINE.exec(text);
    if (!m) break;
    if (m.index > start) pushChunk(middle, text, start, m.index);
    start = m.index + m[0].length;
  }
  if (start < text.length) pushChunk(middle, text, start, text.length);
  return { head, middle, rest: old.length };
}

// Whole blocks are compared as strings (a memory comparison in the engine) before single
// characters: on a 1 MB draft this is most of the cost of finding what an edit changed.
const BLOCK = 2048;

export function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= limit && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Common suffix length, at most `limit` (so it never overlaps the common prefix). */
export function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.substring(a.length - n - BLOCK, a.length - n) === b.substring(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

const move = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/**
 * Moves a finding's offsets by `by`, in the finding itself. A replacement may cover the very span
 * object of its figure (replace.ts), which must move once.
 */
function moveInPlace(f: Finding, by: number): void {
  const g = f.figure;
  g.span.start += by; g.span.end += by;
  if (g.valueSpan !== g.span) { g.valueSpan.start += by; g.valueSpan.end += by; }
  const hedge = g.hedgeSpan;
  if (hedge && hedge !== g.span && hedge !== g.valueSpan) { hedge.start += by; hedge.end += by; }
  const rs = f.replacements;
  for (let i = 0; i < rs.length; i++) {
    const s = rs[i]!.span;
    let seen = s === g.span || s === g.valueSpan || s === hedge;
    for (let j = 0; j < i && !seen; j++) seen = rs[j]!.span === s;
    if (!seen) { s.start += by; s.end += by; }
  }
}

function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  // Written out rather than spread: a spread of objects of many shapes takes the slow path, and a
  // keystroke in a 1 MB draft moves every finding after it.
  const g = f.figure;
  const figure: Figure = { span: move(g.span, by), valueSpan: move(g.valueSpan, by), text: g.text, value: g.value, unit: g.unit, hedge: g.hedge, form: g.form };
  if (g.hedgeSpan) figure.hedgeSpan = move(g.hedgeSpan, by);
  return {
    figure, verdict: f.verdict, kind: f.kind, fact: f.fact, related: f.related, message: f.message,
    replacements: f.replacements.length
      ? f.replacements.map((r) => ({ title: r.title, span: move(r.span, by), newText: r.newText, fact: r.fact, preferred: r.preferred }))
      : f.replacements,
  };
}
