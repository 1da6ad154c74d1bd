import type { Span } from '../types';

// Where a citation goes: right after the sentence that holds the figure, past its closing
// punctuation and quotes ("…75%.”[^key]"). Working on plain offsets keeps this usable from the
// language server, the CLI and tests alike.

const TERMINALS = new Set(['.', '!', '?', '…']);
const MAX_SENTENCE_CHARS = 2000;
// Closing quotes, brackets and Markdown emphasis that belong to the sentence they close.
const CLOSERS = new Set(['"', '\'', '”', '’', '»', ')', ']', '*', '_']);
// A period after these does not end a sentence ("Jan. 6", "Gen. Syrskyi", "approx. 200").
const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'gen', 'col', 'lt', 'gov', 'pres', 'prof',
  'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'approx', 'est', 'cf', 'al',
]);
const BLOCK_START = /^[ \t]{0,3}(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||```|~~~|\[\^[^\]]+\]:)/;
const FOOTNOTE_MARKER = /^\[\^[^\]\s]+\]/;

const isBlank = (s: string) => s.trim() === '';
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

function lineStartOf(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isBreak(text[i - 1])) i--;
  return i;
}

function lineEndOf(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isBreak(text[i])) i++;
  return i;
}

/** Offset just after the line break at `at` (handles \r\n, \n, \r). */
function afterBreak(text: string, at: number): number {
  return text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
}

/** Backs up over spaces so an insertion lands right after the last word. */
function trimBack(text: string, from: number, floor: number): number {
  let i = from;
  while (i > floor && (isSpace(text[i - 1]) || isBreak(text[i - 1]))) i--;
  return i;
}

function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

/**
 * Whether the period at `dot` is an abbreviation's, not a sentence end: known abbreviations,
 * initials ("U.S."), and any period followed by a lower-case word ("approx. five").
 */
function isAbbreviation(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  const bare = word.replace(/\./g, '').toLowerCase();
  let j = next;
  while (isSpace(text[j])) j++;
  if (j < text.length && /\p{Ll}/u.test(text[j]!)) return true;
  if (isBreak(text[j]) || j >= text.length) return false; // a line ending with "U.S." still ends there
  if (ABBREVIATIONS.has(bare)) return true;
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) && bare.length <= 3 && /\p{Lu}/u.test(word);
}

/**
 * True when the line break at `at` ends the sentence: a blank line, a new Markdown block, or the
 * end of the text follows. A single break inside a paragraph is just a wrapped line.
 */
function breakEndsSentence(text: string, at: number, lineOfFigure: string): boolean {
  if (/^[ \t]{0,3}#{1,6}[ \t]/.test(lineOfFigure)) return true; // headings are one line long
  const next = afterBreak(text, at);
  if (next >= text.length) return true;
  const nextLine = text.slice(next, lineEndOf(text, next));
  return isBlank(nextLine) || BLOCK_START.test(nextLine);
}

export interface SentenceEnd {
  /** Just past the sentence's closing punctuation and quotes (or its last word when it has none). */
  end: number;
  /** Where a new footnote marker goes: after any markers already standing at the sentence end. */
  insertAt: number;
}

/**
 * Finds the end of the sentence holding `span`. Linear in the distance to that end, which is at
 * most MAX_SENTENCE_CHARS.
 */
export function sentenceEnd(text: string, span: Span): SentenceEnd {
  const from = Math.max(0, Math.min(span.end, text.length));
  const lineStart = lineStartOf(text, Math.min(span.start, from));
  const lineOfFigure = text.slice(lineStart, lineEndOf(text, lineStart));
  let end = text.length;

  if (/^[ \t]{0,3}\|/.test(lineOfFigure)) {
    // A table row: cite inside the figure's cell, never after the row's closing pipe.
    let i = from;
    while (i < text.length && text[i] !== '|' && !isBreak(text[i])) i++;
    end = trimBack(text, i, from);
  } else {
    for (let i = from; i < text.length; i++) {
      // No sentence of prose runs this long: in a data dump or a table without full stops, the
      // marker goes at the end of the figure's line, found without reading on to the text's end.
      if (i - from > MAX_SENTENCE_CHARS) { end = trimBack(text, lineEndOf(text, from), from); break; }
      const c = text[i]!;
      if (isBreak(c)) {
        if (breakEndsSentence(text, i, lineOfFigure)) { end = trimBack(text, i, from); break; }
        if (c === '\r' && text[i + 1] === '\n') i++;
        continue;
      }
      if (!TERMINALS.has(c)) continue;
      let j = i + 1;
      while (j < text.length && TERMINALS.has(text[j]!)) j++;
      while (j < text.length && CLOSERS.has(text[j]!)) j++;
      const after = text[j];
      const closes = j >= text.length || isSpace(after) || isBreak(after) || FOOTNOTE_MARKER.test(text.slice(j, j + 200));
      if (!closes) { i = j - 1; continue; }
      if (c === '.' && j === i + 1 && isAbbreviation(text, i, j)) { i = j - 1; continue; }
      end = j;
      break;
    }
    if (end === text.length) end = trimBack(text, end, from);
  }

  let insertAt = end;
  for (;;) {
    const m = FOOTNOTE_MARKER.exec(text.slice(insertAt, insertAt + 200));
    if (!m) break;
    insertAt += m[0].length;
  }
  return { end, insertAt };
}
