// Character classes, by UTF-16 code unit. The lexer looks at every character of a document on
// each keystroke, so ASCII is decided by comparisons and only other characters reach a RegExp.

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

const LETTER = /^[\p{L}\p{M}]$/u;

/** Length (0, 1 or 2 code units) of the letter starting at i; astral letters take two units. */
export function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    // A lone surrogate is not a letter; it is passed on as punctuation.
    if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
    return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  return LETTER.test(text[i]!) ? 1 : 0;
}

/** Whitespace, including the no-break and thin spaces that typesetters put between digit groups. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Spaces that may separate thousands: "800 000", "800\u00a0000", "800\u202f000", "800\u2009000". */
export const isGroupSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;

/** Apostrophes a word may contain ("Ukraine’s") or that shorten a year ("’15"). */
export const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x2018 || c === 0x2bc;

/** Hyphens that join a compound ("20-year"), as opposed to dashes between a range's ends. */
export const HYPHENS = new Set(['-', '\u2010', '\u2011']);
/** Dashes that stand for "to" between two numbers ("30–50"). */
export const RANGE_DASHES = new Set(['-', '\u2010', '\u2011', '\u2013']);
