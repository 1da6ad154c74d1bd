import type { Span } from '../types';

/**
 * The structure a figure's context is read from. Markdown-aware but forgiving: plain text is a
 * sequence of paragraphs. Headings, list items and block quotes are blocks of their own, because
 * a list item is read with its lead-in line and under its heading, not with its neighbours.
 */
export interface Block extends Span {
  kind: 'paragraph' | 'heading' | 'list-item' | 'quote';
  /** Sentences, in order, covering the block's text (markers such as "- " or "> " excluded). */
  sentences: Span[];
  /** The nearest heading above the block, if any. */
  heading: Span | null;
  /** For a list item: the paragraph that introduces the list ("Key points from the meeting:"). */
  leadIn: Span | null;
  /** A paragraph that goes on from the block before it, cut there for length (MAX_PARAGRAPH_CHARS). */
  cut?: true;
}

/**
 * A paragraph longer than this is cut at the next line break that ends a sentence (so is a list
 * item or a quote, and it goes on as a paragraph). Text pasted from a PDF breaks every line and
 * leaves no blank line, so a whole report can be one paragraph; cut, its parts are checked,
 * cached and re-checked one by one (incremental.ts), and a keystroke re-reads a few KB instead of
 * all of it. No sentence is cut, so only which occasion words count as the paragraph's own
 * changes, and only for paragraphs no news story has.
 */
export const MAX_PARAGRAPH_CHARS = 4096;

export interface Segmented {
  blocks: Block[];
}

const HEADING = /^ {0,3}#{1,6}[ \t]+/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}(?:>[ \t]?)+/;

/**
 * Whether a list marker may start a list inside a paragraph: as in CommonMark, a bullet may, a
 * number only if it is 1. In wrapped prose a line may well begin "2014. The talks…", and that is
 * the paragraph going on, not a list whose lead-in every figure after it would be read under.
 */
const interruptsParagraph = (marker: string): boolean => !/\d/.test(marker) || /^ {0,3}0*1[.)]/.test(marker);

// Words that end with a period without ending a sentence: "Jan. 6", "U.S. officials", "10 a.m. session".
const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'gen', 'col', 'lt', 'gov', 'pres', 'prof', 'no', 'vs', 'etc',
  'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'i.e', 'e.g', 'inc', 'ltd', 'co', 'corp', 'approx', 'est',
]);

interface OpenBlock { kind: Block['kind']; start: number; end: number; leadIn: Span | null; cut?: true }

interface Line { start: number; end: number; text: string }

// The scans below jump to the next character that matters with a RegExp: the regex engine finds
// it several times faster than a loop over char codes (~0.8 against ~3.5 ns a character here),
// and lines and sentences are tens to hundreds of characters long.
const LINE_BREAK = /\r\n?|\n/g;

/**
 * Finds the next `.`, `!` or `?` of one text. The search runs on past the span being split when
 * the span has none, so what it found is kept: the spans of a text are split in order, and each
 * stretch of it is searched once however far the next mark lies (a long list of items without a
 * full stop stays linear).
 */
export class SentenceMarks {
  private readonly re = /[.!?]/g;
  private from = -1;
  private at = -1;
  /** How many times the text was searched (tests hold it to one per mark found). */
  searches = 0;

  constructor(private readonly text: string) {}

  /** The first mark at or after `from`, or -1. */
  next(from: number): number {
    if (this.from < 0 || from < this.from || (this.at >= 0 && from > this.at)) {
      this.searches++;
      this.re.lastIndex = from;
      this.at = this.re.test(this.text) ? this.re.lastIndex - 1 : -1;
      this.from = from;
    }
    return this.at;
  }
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = LINE_BREAK.lastIndex;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Space, tab, line break or no-break space, by char code. */
export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
/** A mark that ends a clause: , ; : — – ( ). */
export const isClauseMark = (c: number) => c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 0x2013 || c === 40 || c === 41;
const LETTER_OR_DOT = /[\p{L}.]/u;
const UPPER = /^\p{Lu}$/u;

function isLetterOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER_OR_DOT.test(text[i]!);
}

/** "J." in "J. Smith": one capital letter. */
function isInitial(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return to - from === 2 && UPPER.test(text.slice(from, to));
  const c = text.charCodeAt(from);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(text[from]!);
}

const CLOSERS = new Set(['"', '\'', '”', '’', ')', ']', '»', '*', '_']);

/**
 * Splits [start, end) of text into sentences. Linear: the only text read past `end` is the search
 * for the next mark, which `marks` keeps for the spans after this one.
 */
export function splitSentences(text: string, start: number, end: number, marks = new SentenceMarks(text)): Span[] {
  const out: Span[] = [];
  let s = start;
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  for (let i = s; i < end; i++) {
    i = marks.next(i);
    if (i < 0 || i >= end) break;
    const ch = text.charCodeAt(i);
    if (ch === 46) {
      // "3.5" and "example.com" are not sentence ends; nor are known abbreviations.
      const next = text.charCodeAt(i + 1);
      if (i + 1 < end && !isSpace(next) && !CLOSERS.has(text[i + 1]!)) continue;
      let w = i;
      while (w > s && isLetterOrDot(text, w - 1)) w--;
      if (w < i && (isInitial(text, w, i) || ABBREVIATIONS.has(text.slice(w, i).toLowerCase()))) continue;
    }
    let e = i + 1;
    while (e < end && CLOSERS.has(text[e]!)) e++;
    if (e < end && !isSpace(text.charCodeAt(e))) continue;
    out.push({ start: s, end: e });
    s = e;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    i = s - 1;
  }
  if (s < end) {
    let e = end;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/** Whether text[start, end) ends with a sentence end, by splitSentences' rules. */
function endsSentence(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i > start && isSpace(text.charCodeAt(i))) i--;
  while (i > start && CLOSERS.has(text[i]!)) i--;
  const ch = text.charCodeAt(i);
  if (ch === 33 || ch === 63) return true; // ! ?
  if (ch !== 46) return false;
  let w = i;
  while (w > start && isLetterOrDot(text, w - 1)) w--;
  return !(w < i && (isInitial(text, w, i) || ABBREVIATIONS.has(text.slice(w, i).toLowerCase())));
}

// "KYIV, Jan. 7 (Wire) —": where and when a story was filed, not a claim. It is read as a
// sentence of its own so its date is never tied to the names in the story's first sentence.
// Wires also write a plain hyphen after the credit: "KYIV, Jan. 7 (Reuters) - ".
const DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]{1,40}(?:,[^—–\n]{1,40}?)?(?:\s*\([^)\n]{1,40}\))?\s*(?:—|–|--|-(?=\s))\s*/u;

/** Whether a sentence is a dateline of its own (proseSentences): its date says when the story was filed. */
export function isDateline(text: string, sentence: Span): boolean {
  const m = DATELINE.exec(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 120)));
  return m !== null && m[0].length === sentence.end - sentence.start;
}

// "| Share of Luhansk held by Russia | 95% | Ukrainian estimates |": a table row has no full stop,
// and each row is a statement of its own, so a name in one row says nothing of a figure in the next.
const TABLE_ROW = /^[ \t]{0,3}\|/;

/**
 * "Q: …" or "A: …" (after emphasis, a quote mark or spaces): a line of a Q&A, read from `at`.
 * An answer's figures are read under the question before it (match.ts, incremental.ts).
 */
export function qaMark(text: string, at: number, end = text.length): 'q' | 'a' | null {
  let i = at;
  while (i < end && i < at + 4 && (text.charCodeAt(i) === 42 || text.charCodeAt(i) === 95 || text.charCodeAt(i) === 62 || text.charCodeAt(i) === 32)) i++;
  const c = text.charCodeAt(i);
  if (c !== 81 && c !== 65) return null;
  return QA_MARK.test(text.slice(i, Math.min(end, i + 12))) ? (c === 81 ? 'q' : 'a') : null;
}
const QA_MARK = /^(?:Q|A|Question|Answer)\s*[:)]/;

/**
 * Whether a block of this text is read under the block before it: a table that opens its block
 * (under the paragraph that introduces it) or an answer that does (under its question). Both
 * readers ask it of the block's first line, so the whole draft and a chunk of it agree.
 */
export const isLedBlock = (text: string, at: number): boolean => text.charCodeAt(at) === 124 ? TABLE_ROW.test(text.slice(at, at + 4)) : qaMark(text, at) === 'a';

/**
 * Line breaks (CRLF as one) in the whitespace before `at`, up to two: 2 means a blank line (or
 * the start of the text) stands right before it, where incremental.ts starts a chunk.
 */
export function breaksBefore(text: string, at: number): number {
  let breaks = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) { breaks++; if (text.charCodeAt(i - 1) === 13) i--; } else if (c === 13) breaks++;
    else if (c !== 32 && c !== 9) return breaks;
    if (breaks >= 2) return 2;
  }
  return 2;
}

/** Whether a sentence is a Markdown table row (tableAware makes each row a sentence of its own). */
export const isTableRow = (text: string, sentence: Span): boolean => text.charCodeAt(sentence.start) === 124 && TABLE_ROW.test(text.slice(sentence.start, sentence.start + 4));

function sentencesOf(text: string, kind: Block['kind'], start: number, end: number, marks: SentenceMarks): Span[] {
  if (kind === 'paragraph' && hasBar(text, start, end)) return tableAware(text, start, end, marks);
  return proseSentences(text, kind, start, end, marks);
}

// Searched within the paragraph only: indexOf(…, start) would run on to the end of a long draft
// for every paragraph without a bar. (A slice of a long string is a view, not a copy.)
const hasBar = (text: string, start: number, end: number): boolean => text.slice(start, end).includes('|');

/** The sentences of a paragraph with table rows in it: each row one, the lines between as prose. */
function tableAware(text: string, start: number, end: number, marks: SentenceMarks): Span[] {
  const out: Span[] = [];
  let prose = -1;
  const flush = (to: number) => {
    if (prose >= 0) for (const s of proseSentences(text, 'paragraph', prose, to, marks)) out.push(s);
    prose = -1;
  };
  let at = start;
  while (at < end) {
    LINE_BREAK.lastIndex = at;
    const m = LINE_BREAK.exec(text);
    const lineEnd = m && m.index < end ? m.index : end;
    const next = m && m.index < end ? LINE_BREAK.lastIndex : end;
    if (TABLE_ROW.test(text.slice(at, Math.min(lineEnd, at + 4)))) {
      flush(at);
      let s = at, e = lineEnd;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (e > s) out.push({ start: s, end: e });
    } else if (prose < 0) prose = at;
    at = next;
  }
  flush(end);
  return out;
}

function proseSentences(text: string, kind: Block['kind'], start: number, end: number, marks: SentenceMarks): Span[] {
  const dateline = kind === 'paragraph' ? DATELINE.exec(text.slice(start, Math.min(end, start + 120))) : null;
  if (!dateline) return splitSentences(text, start, end, marks);
  const cut = start + dateline[0].length;
  return [{ start, end: cut }, ...splitSentences(text, cut, end, marks)];
}

/** Text -> blocks -> sentences, in one pass over the lines. */
export function segment(text: string): Segmented {
  return blocksOf(text, true);
}

/** The blocks of text; with their sentences, or (where only the blocks matter) without. */
function blocksOf(text: string, withSentences: boolean): Segmented {
  const blocks: Block[] = [];
  let heading: Span | null = null;
  let lastParagraph: Span | null = null;
  // Held in an object so TypeScript does not narrow it across the close() calls that reset it.
  const state: { open: OpenBlock | null } = { open: null };
  let inFence = false;
  const marks = new SentenceMarks(text);

  const close = () => {
    if (!state.open) return;
    const sentences = withSentences ? sentencesOf(text, state.open.kind, state.open.start, state.open.end, marks) : [];
    const block: Block = { kind: state.open.kind, start: state.open.start, end: state.open.end, sentences, heading, leadIn: state.open.leadIn };
    if (state.open.cut) block.cut = true;
    blocks.push(block);
    if (state.open.kind === 'heading') { heading = { start: state.open.start, end: state.open.end }; lastParagraph = null; }
    if (state.open.kind === 'paragraph') lastParagraph = { start: state.open.start, end: state.open.end };
    state.open = null;
  };

  for (const line of splitLines(text)) {
    const t = line.text;
    if (/^ {0,3}(```|~~~)/.test(t)) { close(); inFence = !inFence; continue; }
    if (inFence) continue; // code is not prose
    if (t.trim() === '') { close(); continue; }
    let m: RegExpExecArray | null;
    if ((m = HEADING.exec(t))) {
      close();
      state.open = { kind: 'heading', start: line.start + m[0].length, end: line.end, leadIn: null };
      close();
    } else if ((m = LIST_ITEM.exec(t)) && !(state.open?.kind === 'paragraph' && !interruptsParagraph(m[0]))) {
      const leadIn: Span | null = state.open?.kind === 'list-item' ? state.open.leadIn : state.open?.kind === 'paragraph' ? { start: state.open.start, end: state.open.end } : lastParagraph;
      close();
      state.open = { kind: 'list-item', start: line.start + m[0].length, end: line.end, leadIn };
    } else if ((m = QUOTE.exec(t))) {
      if (state.open?.kind !== 'quote') { close(); state.open = { kind: 'quote', start: line.start + m[0].length, end: line.end, leadIn: null }; } else state.open.end = line.end;
    } else if (state.open && state.open.kind !== 'heading' && state.open.end - state.open.start >= MAX_PARAGRAPH_CHARS && endsSentence(text, state.open.start, state.open.end) && !LIST_ITEM.test(t)) {
      // A list item or a quote takes in every unmarked line after it: a long one goes on as
      // paragraph parts too. Never before a line like "2014. The talks…": it goes on with the
      // paragraph here, but would open a list as the first line of a part read on its own (the
      // editor reads parts so), and the figures after it would be read under a lead-in.
      close();
      state.open = { kind: 'paragraph', start: line.start, end: line.end, leadIn: null, cut: true };
    } else if (state.open && state.open.kind !== 'heading') {
      state.open.end = line.end; // lazy continuation of a paragraph, list item or quote
    } else {
      close();
      state.open = { kind: 'paragraph', start: line.start, end: line.end, leadIn: null };
    }
  }
  close();
  return { blocks };
}

// White space as String.prototype.trim() sees it (and control characters, which only make the
// test below say no more often).
const isTrimmed = (c: number) => c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
// What a line's first visible character must not be for the line to go on a paragraph: a heading,
// list item, quote or fence marker may start with it (`#`, `-`, `*`, `+`, a digit, `>`, a backtick, `~`).
const MARKER_START = /[#>*+\-\d`~]/;

/**
 * Whether every line of text is paragraph text by blocksOf's rules, found without making any
 * line: no line is blank and none starts with a character a block marker may start with. Says
 * no whenever in doubt ("2014. The talks…" goes on a paragraph, but starts with a digit). Prose
 * is mostly such text, and an editor reads each chunk of a long draft for its block kinds.
 */
export function plainParagraphs(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isTrimmed(text.charCodeAt(i)) && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    if (i >= n || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || MARKER_START.test(text[i]!)) return false;
    while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    if (i === n) return true;
    i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  return false; // empty, or a last line that is
}

/** The kinds of text's blocks, in order (no sentences are split). */
export function blockKinds(text: string): Array<Block['kind']> {
  return blocksOf(text, false).blocks.map((b) => b.kind);
}

/** Where paragraphs of text are cut for length (starts of the parts after the first), in order. */
export function paragraphCuts(text: string): number[] {
  return blocksOf(text, false).blocks.filter((b) => b.cut).map((b) => b.start);
}
