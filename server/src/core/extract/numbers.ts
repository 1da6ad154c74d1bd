import type { NumeralStyle } from '../types';
import { HYPHENS } from './chars';
import { type Doc, glued, numValue, punctAt, scaled, spacedWord, wordAt } from './lexer';
import { WordNumber, isNumberWord, scaleValue, tensValue, unitValue } from './numberWords';

// A number as written, before anything about what it counts: "800,000", "1.5 million", "800k",
// "eight hundred thousand", "a dozen", "two and a half".

export interface Piece {
  value: number;
  /** First and last token. */
  first: number;
  last: number;
  /** The number's text, scale word included ("1.5 million"). */
  start: number;
  end: number;
  numeral: NumeralStyle;
  /** Thousands separator for digits ("" when none). */
  sep: string;
  /** The scale as written after the digits (" million", "k"), when there is one. */
  multiplier?: string;
  /** Its factor, so a range's first end can borrow it ("1.5 to 2 million"). */
  scale: number;
  /** Value before the scale. */
  base: number;
  /** A bare four-digit 1800–2100: a year unless a plural count noun follows. */
  yearish: boolean;
  /** The word when the number is a single word ("one"): "one" alone is a pronoun, not a figure. */
  word: string | null;
  integral: boolean;
}

const SUFFIX_SCALE = new Map<string, number>([['k', 1e3], ['m', 1e6], ['mn', 1e6], ['b', 1e9], ['bn', 1e9], ['tn', 1e12]]);
const WORD_SCALE = new Map<string, number>([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['mn', 1e6], ['bn', 1e9], ['tn', 1e12],
]);

export function readNumber(doc: Doc, i: number): Piece | null {
  const t = doc.toks[i];
  if (!t || t.skip) return null;
  if (t.kind === 'num') return readDigits(doc, i);
  if (t.kind === 'word') return readWords(doc, i);
  return null;
}

function readDigits(doc: Doc, i: number): Piece | null {
  const t = doc.toks[i]!;
  const num = t.num!;
  if (num.leadingZero) return null;
  const piece: Piece = {
    value: numValue(num), first: i, last: i, start: t.start, end: t.end, numeral: 'digits', sep: num.sep,
    scale: 1, base: numValue(num), yearish: false, word: null, integral: num.fracDigits === 0,
  };
  if (num.suffix) {
    const s = SUFFIX_SCALE.get(num.suffix);
    if (s === undefined) return null;
    piece.value = scaled(num, s);
    piece.scale = s;
    piece.multiplier = doc.text.slice(num.digitsEnd, t.end);
    return piece;
  }
  const w = spacedWord(doc, i + 1);
  const s = w !== null ? WORD_SCALE.get(w) : undefined;
  if (s !== undefined) {
    piece.value = scaled(num, s);
    piece.scale = s;
    piece.last = i + 1;
    piece.end = doc.toks[i + 1]!.end;
    piece.multiplier = doc.text.slice(t.end, piece.end);
    return piece;
  }
  piece.yearish = num.intDigits === 4 && num.sep === '' && num.fracDigits === 0 && piece.value >= 1800 && piece.value <= 2100;
  return piece;
}

function readWords(doc: Doc, i: number): Piece | null {
  const first = wordAt(doc, i)!;
  if (first === 'half') return halfScale(doc, i);
  if (first === 'nineteen' || first === 'twenty') { const y = spokenYear(doc, i, first === 'twenty' ? 20 : 19); if (y) return y; }
  let wn: WordNumber;
  let last = i;
  if (first === 'a' || first === 'an') {
    // "a hundred", "a million", "a dozen"; never "a" alone.
    const next = spacedWord(doc, i + 1);
    if (next === null || !(next === 'hundred' || next === 'dozen' || scaleValue(next) !== undefined)) return null;
    wn = WordNumber.fromArticle();
    if (!wn.push(next)) return null;
    last = i + 1;
  } else {
    if (!isNumberWord(first)) return null;
    wn = new WordNumber();
    if (!wn.push(first)) return null;
  }
  for (;;) {
    const nextTok = doc.toks[last + 1];
    if (!nextTok) break;
    // "twenty-five": a hyphen glued on both sides joins number words.
    if (nextTok.kind === 'punct' && HYPHENS.has(nextTok.low) && !nextTok.space && glued(doc, last + 2)) {
      const w = wordAt(doc, last + 2);
      if (w !== null && isNumberWord(w) && wn.push(w)) { last += 2; continue; }
      break;
    }
    const w = spacedWord(doc, last + 1);
    if (w === null) break;
    if (w === 'and' && wn.mayTakeAnd) {
      const after = spacedWord(doc, last + 2);
      if (after !== null && isNumberWord(after) && wn.push(after)) { last += 2; continue; }
      break;
    }
    if (isNumberWord(w) && wn.push(w)) { last += 1; continue; }
    break;
  }
  let value = wn.value;
  // "two and a half (million)".
  if (spacedWord(doc, last + 1) === 'and' && spacedWord(doc, last + 2) === 'a' && spacedWord(doc, last + 3) === 'half' && value < 1000) {
    const s = WORD_SCALE.get(spacedWord(doc, last + 4) ?? '');
    if (s !== undefined && s >= 1e6) { value = (value + 0.5) * s; last += 4; }
    else { value += 0.5; last += 3; }
  }
  return {
    value, first: i, last, start: doc.toks[i]!.start, end: doc.toks[last]!.end, numeral: 'words', sep: '',
    scale: 1, base: value, yearish: false, word: last === i ? first : null, integral: Number.isInteger(value),
  };
}

/**
 * A year as it is spoken: "twenty twenty-six", "nineteen ninety-four", "twenty oh five". The
 * century word is followed by a two-digit number in words, never by a unit ("twenty twenty-year
 * terms" is twenty terms).
 */
function spokenYear(doc: Doc, i: number, century: number): Piece | null {
  const w = spacedWord(doc, i + 1);
  if (w === null) return null;
  let two: number | undefined;
  let last = i + 1;
  const digit = (x: string | null) => { const d = x === null ? undefined : unitValue(x); return d !== undefined && d >= 1 && d <= 9 ? d : undefined; };
  const small = unitValue(w);
  if (w === 'oh') {
    two = digit(spacedWord(doc, i + 2));
    last = i + 2;
  } else if (small !== undefined && small >= 10) {
    two = small;
  } else if ((two = tensValue(w)) !== undefined) {
    const h = doc.toks[i + 2];
    if (h && h.kind === 'punct' && HYPHENS.has(h.low) && !h.space && glued(doc, i + 3)) {
      const d = digit(wordAt(doc, i + 3));
      if (d === undefined) return null;
      two += d;
      last = i + 3;
    }
  }
  if (two === undefined) return null;
  // "twenty twenty-year terms": a compound after the second word makes it a count.
  const after = doc.toks[last + 1];
  if (after && after.kind === 'punct' && HYPHENS.has(after.low) && !after.space) return null;
  const value = century * 100 + two;
  return {
    value, first: i, last, start: doc.toks[i]!.start, end: doc.toks[last]!.end, numeral: 'words', sep: '',
    scale: 1, base: value, yearish: true, word: null, integral: true,
  };
}

/** "half-million" (as in "a half-million-strong army"): half of a scale word hyphened to it. */
function halfScale(doc: Doc, i: number): Piece | null {
  const h = doc.toks[i + 1];
  if (!h || h.kind !== 'punct' || !HYPHENS.has(h.low) || h.space || !glued(doc, i + 2)) return null;
  const s = WORD_SCALE.get(wordAt(doc, i + 2) ?? '');
  if (s === undefined || s < 1e6) return null;
  const end = doc.toks[i + 2]!.end;
  return {
    value: s / 2, first: i, last: i + 2, start: doc.toks[i]!.start, end, numeral: 'words', sep: '',
    scale: 1, base: s / 2, yearish: false, word: null, integral: true,
  };
}

export type PercentStyle = '%' | ' percent' | ' per cent';

/** "%", "percent", "per cent" at token k. */
export function readPercent(doc: Doc, k: number): { style: PercentStyle; last: number } | null {
  const p = punctAt(doc, k);
  if (p === '%' && !doc.toks[k]!.para) return { style: '%', last: k };
  const w = spacedWord(doc, k);
  if (w === 'percent') return { style: ' percent', last: k };
  if (w === 'per' && spacedWord(doc, k + 1) === 'cent') return { style: ' per cent', last: k + 1 };
  return null;
}
