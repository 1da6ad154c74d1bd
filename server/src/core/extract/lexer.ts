import { isApostrophe, isDigit, isGroupSpace, isSpace, letterAt } from './chars';

// One pass over the text turns it into words, numbers and punctuation. Everything after this
// works on tokens with a bounded look-ahead, which keeps extraction linear in the text's length.

export type TokKind = 'word' | 'num' | 'punct' | 'opaque';

export interface NumInfo {
  /** The digits as one integer, separators and decimal point removed: "1,234.5" -> 12345. */
  mantissa: number;
  /** Digits after the decimal point: value = mantissa / 10^fracDigits. */
  fracDigits: number;
  /** Digits before the decimal point. */
  intDigits: number;
  /** Thousands separator as written; "" when none. */
  sep: string;
  /** "007", "0958": numbering and phone digits, not quantities. */
  leadingZero: boolean;
  /** Letters glued to the digits, lower-case: "k" (800k), "bn", "th" (4th), "s" (1990s); "" when none. */
  suffix: string;
  /** Where the digits end (the suffix starts). */
  digitsEnd: number;
}

export interface Token {
  kind: TokKind;
  start: number;
  end: number;
  /** Words lower-cased with a straight apostrophe; other tokens as written. */
  low: string;
  /** Whitespace before the token (true for the first token). */
  space: boolean;
  /** A line break before the token (true for the first token). */
  line: boolean;
  /** A blank line before the token: a paragraph boundary that no figure crosses. */
  para: boolean;
  num: NumInfo | null;
  /** Taken by something that is not a figure (identifier, phone number, list marker) or by a date. */
  skip: boolean;
}

// Longer digit runs are serial numbers, hashes or garbage; they also exceed exact doubles.
const MAX_DIGITS = 15;
const MAX_FRAC = 6;
// A decimal point followed by three digits is read as a thousands separator ("800.000"), except
// before a scale or percent sign, where only the decimal reading makes sense ("1.125 million").
const DECIMAL_CONTEXT = /[ \u00a0\u202f]?(?:%|per ?cent|percent|pct|k\b|m\b|mn\b|bn\b|thousand|million|billion|trillion)/iy;
const COMMA_GROUPS = /\d,\d{3}(?!\d)/;
const URL_START = /(?:https?:\/\/|ftp:\/\/|www\.)/iy;
const URL_STOP = new Set([' ', '\t', '\n', '\r', '<', '>', '"', '(', ')', '[', ']', '|', '`', '\u00a0']);
const MULTIPLIER_SUFFIXES = new Set(['k', 'm', 'mn', 'bn', 'b', 'tn']);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/**
 * Whether a point before three digits groups thousands ("800.000") in a text: a document that
 * writes "250,000" uses the point as a decimal mark, so "3.141" is a decimal there.
 */
export const pointGroupsThousands = (text: string): boolean => !COMMA_GROUPS.test(text);

/** `dotGroups`: the document's convention (pointGroupsThousands), when text is only part of it. */
export function lex(text: string, dotGroups = pointGroupsThousands(text)): Token[] {
  const toks: Token[] = [];
  const n = text.length;
  let i = 0;
  let space = true;
  let breaks = 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      if (c === 10) breaks++;
      else if (c === 13) {
        breaks++;
        if (text.charCodeAt(i + 1) === 10) i++;
      }
      i++;
      continue;
    }
    const start = i;
    let kind: TokKind = 'punct';
    let num: NumInfo | null = null;
    let low: string;
    if (isDigit(c)) {
      const r = lexNumber(text, i, dotGroups);
      num = r.num;
      kind = num ? 'num' : 'opaque';
      i = r.end;
      low = text.slice(start, i);
    } else if (letterAt(text, i) > 0) {
      URL_START.lastIndex = i;
      if ((c === 104 || c === 72 || c === 102 || c === 70 || c === 119 || c === 87) && URL_START.test(text)) {
        i = URL_START.lastIndex;
        while (i < n && !URL_STOP.has(text[i]!)) i++;
        kind = 'opaque';
        low = text.slice(start, i);
      } else {
        const r = lexWord(text, i);
        i = Math.floor(r / WORD_FLAGS);
        kind = r & MIXED ? 'opaque' : 'word';
        low = r & LOWER ? text.slice(start, i) : text.slice(start, i).toLowerCase();
        if (r & APOSTROPHE) low = low.replace(/\u2019|\u02bc/g, "'");
      }
    } else {
      // A run of one punctuation character is one token ("----", ",,,,"), which bounds the token
      // count on degenerate input. A surrogate pair (emoji) stays together.
      const hi = c >= 0xd800 && c <= 0xdbff;
      const lo = text.charCodeAt(i + 1);
      i += hi && lo >= 0xdc00 && lo <= 0xdfff ? 2 : 1;
      if (!hi) while (i < n && text.charCodeAt(i) === c) i++;
      low = text.slice(start, i);
    }
    toks.push({ kind, start, end: i, low, space, line: breaks > 0, para: breaks > 1, num, skip: false });
    space = false;
    breaks = 0;
  }
  return toks;
}

// lexWord's answer is one number, the word's end times WORD_FLAGS plus these flags: an object per
// word was a twentieth of what a check allocates.
const MIXED = 1, APOSTROPHE = 2, LOWER = 4, WORD_FLAGS = 8;

function lexWord(text: string, i: number): number {
  const n = text.length;
  let mixed = false;
  let apostrophe = false;
  // Only ASCII lower case, digits and apostrophes so far: the word is its own lower case.
  let lower = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) { i++; continue; }
    lower &&= c < 65 || c > 90;
    const len = letterAt(text, i);
    if (len > 0) { if (c >= 128) lower = false; i += len; continue; }
    if (isDigit(c) || c === 95) { mixed = true; i++; continue; }
    if (isApostrophe(c) && c !== 0x2018 && letterAt(text, i + 1) > 0) { apostrophe = true; i++; continue; }
    break;
  }
  return i * WORD_FLAGS + (mixed ? MIXED : 0) + (apostrophe ? APOSTROPHE : 0) + (lower ? LOWER : 0);
}

const threeDigitsAt = (text: string, p: number): boolean =>
  isDigit(text.charCodeAt(p)) && isDigit(text.charCodeAt(p + 1)) && isDigit(text.charCodeAt(p + 2)) && !isDigit(text.charCodeAt(p + 3));

/** Consumes whatever is glued to an unreadable number ("1.2.3", "10:30am", "24/7", "3D"). */
function opaqueTail(text: string, j: number): number {
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isDigit(c) || c === 95 || letterAt(text, j) > 0) { j++; continue; }
    if ((c === 46 || c === 44 || c === 58 || c === 47) && isDigit(text.charCodeAt(j + 1))) { j += 2; continue; }
    break;
  }
  return j;
}

function lexNumber(text: string, i: number, dotGroups: boolean): { end: number; num: NumInfo | null } {
  const n = text.length;
  let j = i;
  while (j < n && isDigit(text.charCodeAt(j))) j++;
  if (j - i > MAX_DIGITS) return { end: opaqueTail(text, j), num: null };
  let digits = text.slice(i, j);
  const leadingZero = digits.length > 1 && digits[0] === '0';
  let sep = '';

  if (digits.length <= 3 && !leadingZero) {
    const s = text.charCodeAt(j);
    if ((s === 44 || s === 46 || isGroupSpace(s)) && threeDigitsAt(text, j + 1)) {
      let k = j;
      let groups = 0;
      let acc = digits;
      while (text.charCodeAt(k) === s && threeDigitsAt(text, k + 1) && acc.length < MAX_DIGITS) {
        acc += text.slice(k + 1, k + 4);
        k += 4;
        groups++;
      }
      let accept = true;
      if (s === 46 && groups === 1) {
        DECIMAL_CONTEXT.lastIndex = k;
        accept = dotGroups && digits !== '0' && !DECIMAL_CONTEXT.test(text) && !(text.charCodeAt(k) === 46 && isDigit(text.charCodeAt(k + 1)));
      }
      if (accept) {
        sep = text[j]!;
        digits = acc;
        j = k;
        if (isDigit(text.charCodeAt(j))) return { end: opaqueTail(text, j), num: null };
      }
    }
  }

  let frac = '';
  const c = text.charCodeAt(j);
  const decimalMark = sep === '.' ? 44 : 46;
  if (c === decimalMark && isDigit(text.charCodeAt(j + 1))) {
    let k = j + 1;
    while (k < n && isDigit(text.charCodeAt(k))) k++;
    frac = text.slice(j + 1, k);
    j = k;
    // "1.2.3": a version or an address, not a quantity.
    if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) return { end: opaqueTail(text, j), num: null };
    if (frac.length > MAX_FRAC) return { end: opaqueTail(text, j), num: null };
  }

  const digitsEnd = j;
  const after = text.charCodeAt(j);
  // "10:30", "24/7", "3:1", "12/05/2024": clock times, ratios and numeric dates are not figures.
  if ((after === 58 || after === 47) && isDigit(text.charCodeAt(j + 1))) return { end: opaqueTail(text, j), num: null };
  if (after === 95 || (after === 46 && isDigit(text.charCodeAt(j + 1)))) return { end: opaqueTail(text, j), num: null };

  let suffix = '';
  if (letterAt(text, j) > 0) {
    let k = j;
    while (k < n) {
      const d = text.charCodeAt(k);
      if (!((d >= 97 && d <= 122) || (d >= 65 && d <= 90))) break;
      k++;
    }
    if (k === j || letterAt(text, k) > 0 || isDigit(text.charCodeAt(k)) || text.charCodeAt(k) === 95) {
      return { end: opaqueTail(text, j), num: null };
    }
    suffix = text.slice(j, k).toLowerCase();
    const integral = frac === '' && sep === '';
    const ok = MULTIPLIER_SUFFIXES.has(suffix) || (integral && (ORDINAL_SUFFIXES.has(suffix) || suffix === 's'));
    if (!ok) return { end: opaqueTail(text, j), num: null };
    j = k;
  }

  return {
    end: j,
    num: {
      mantissa: Number(digits + frac),
      fracDigits: frac.length,
      intDigits: digits.length,
      sep,
      leadingZero,
      suffix,
      digitsEnd,
    },
  };
}

export const numValue = (num: NumInfo): number => (num.fracDigits ? num.mantissa / 10 ** num.fracDigits : num.mantissa);

/** mantissa × scale / 10^frac, exact whenever the result is an integer ("1.15bn"). */
export const scaled = (num: NumInfo, scale: number): number =>
  num.fracDigits ? (num.mantissa * scale) / 10 ** num.fracDigits : num.mantissa * scale;

// ---- token helpers shared by the readers -----------------------------------------------------

export interface Doc {
  text: string;
  toks: Token[];
}

/** The lower-cased word at i, or null when i is not a usable word. */
export function wordAt(doc: Doc, i: number): string | null {
  const t = doc.toks[i];
  return t && t.kind === 'word' && !t.skip ? t.low : null;
}

/** Token i follows token i-1 with nothing between them. */
export const glued = (doc: Doc, i: number): boolean => {
  const t = doc.toks[i];
  return !!t && !t.space && i > 0;
};

/** Token i is a word separated from the previous token by whitespace within the paragraph. */
export function spacedWord(doc: Doc, i: number): string | null {
  const t = doc.toks[i];
  if (!t || t.kind !== 'word' || t.skip || !t.space || t.para) return null;
  return t.low;
}

export const punctAt = (doc: Doc, i: number): string | null => {
  const t = doc.toks[i];
  return t && t.kind === 'punct' ? t.low : null;
};

export const isCapitalised = (doc: Doc, i: number): boolean => {
  const t = doc.toks[i];
  if (!t) return false;
  const ch = doc.text[t.start]!;
  return ch !== ch.toLowerCase();
};
