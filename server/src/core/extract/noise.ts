import { HYPHENS } from './chars';
import type { Doc, Token } from './lexer';

// Digits that are not quantities: identifiers ("F-16", "Article 5"), phone numbers, clock times,
// Markdown list numbers and citation markers. They are marked before figures are read, so no
// reader has to know about them.

/** Words after which a number names something rather than counting it ("Resolution 2202"). */
const NAMING_WORDS = new Set((
  'article articles resolution resolutions section sections chapter chapters page pages paragraph paragraphs ' +
  'clause clauses annex appendix table fig item items rule rules volume vol amendment flight ' +
  'platform gate room route highway motorway exit'
).split(' '));
/** Abbreviations that name when followed by a full stop: "No. 10", "p. 7", "pp. 7–9". */
const NAMING_ABBREVIATIONS = new Set(['no', 'nos', 'p', 'pp', 'vol', 'fig', 'art', 'sec', 'para', 'ch']);
/** Symbols glued before a number that make it a reference: "#5", "§3", "@123", "^1". */
const NAMING_SIGNS = new Set(['#', '§', '№', '@', '^', '\\', '_']);
/** Words before a hyphen and a year that are not part of a name: "mid-2025", "pre-2014". */
export const YEAR_PREFIXES = new Set(['mid', 'pre', 'post', 'early', 'late', 'end', 'circa', 'since', 'by']);
const TIME_WORDS = /[ \u00a0\u202f]?(?:a\.m\.?|p\.m\.?|am\b|pm\b|o'clock|o\u2019clock|gmt\b|utc\b|cet\b|cest\b|eet\b|eest\b|bst\b|msk\b|est\b|edt\b|pst\b|pdt\b)/iy;
const PLURAL_NAMING = new Set(['articles', 'resolutions', 'sections', 'chapters', 'pages', 'paragraphs', 'clauses', 'items', 'rules', 'nos', 'pp']);

const isNum = (t: Token | undefined): t is Token => !!t && t.kind === 'num';
const isAlnum = (t: Token | undefined): boolean => !!t && (t.kind === 'word' || t.kind === 'num' || t.kind === 'opaque');

export function markNoise(doc: Doc): void {
  const { text, toks } = doc;
  let lineLead = true;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.line) lineLead = true;
    const atLineStart = lineLead;
    // Blockquote markers keep a line's first number a list marker ("> 2. ...").
    if (!(t.kind === 'punct' && t.low === '>')) lineLead = false;
    if (t.kind === 'punct' && t.low === '[') { markCitation(toks, i); continue; }
    if (!isNum(t) || t.skip) continue;
    const num = t.num!;
    const prev = toks[i - 1];
    const next = toks[i + 1];

    // "0958", "(020) 7946 0958": numbering and phone digits; what follows belongs to them.
    if (num.leadingZero && !(num.fracDigits > 0 && num.intDigits === 1)) { markPhone(toks, i); continue; }

    // "1. " / "2) " opening a line: Markdown list numbering.
    if (atLineStart && num.sep === '' && num.fracDigits === 0 && num.suffix === '' && num.mantissa < 1000 &&
        next && !next.space && (next.low === '.' || next.low === ')') && (toks[i + 2]?.space ?? true)) {
      t.skip = true;
      continue;
    }

    // "all but 1 per cent of Luhansk" states the other 99: the number is not the figure's value,
    // and nothing is said rather than the wrong thing.
    if (prev?.kind === 'word' && prev.low === 'but' && toks[i - 2]?.low === 'all' && t.space && prev.space) { t.skip = true; continue; }

    if (prev && !t.space) {
      const before = toks[i - 2];
      if (NAMING_SIGNS.has(prev.low)) { t.skip = true; continue; }
      if (prev.low === '+') { markPhone(toks, i); continue; }
      // "F-16", "MiG-29", "COVID-19", "Т-72": letters, a hyphen, digits.
      if (HYPHENS.has(prev.low) && !prev.space && before && isAlnum(before) && !(before.kind === 'word' && YEAR_PREFIXES.has(before.low))) {
        if (before.kind !== 'num') { t.skip = true; continue; }
      }
      // "v1.2", "example.123", "x:5".
      if ((prev.low === '.' || prev.low === ':' || prev.low === '/') && !prev.space && isAlnum(before)) { t.skip = true; continue; }
    }

    if (prev && prev.low === '\u00a9') { t.skip = true; continue; }
    if (prev && prev.kind === 'word' && NAMING_WORDS.has(prev.low) && t.space) { markNamed(toks, i, PLURAL_NAMING.has(prev.low)); continue; }
    if (prev && prev.low === '.' && !prev.space && t.space) {
      const abbr = toks[i - 2];
      if (abbr && abbr.kind === 'word' && NAMING_ABBREVIATIONS.has(abbr.low)) { markNamed(toks, i, PLURAL_NAMING.has(abbr.low)); continue; }
    }
    if (prev && prev.low === '(' && !t.space && next && next.low === ')' && !next.space && num.intDigits <= 2 && num.sep === '') {
      // "(020) 7946 0958" is a phone number; "(2)" numbers a point in a list.
      if (isNum(toks[i + 2])) markPhone(toks, i);
      else t.skip = true;
      continue;
    }

    TIME_WORDS.lastIndex = t.end;
    if (num.suffix === '' && num.sep === '' && TIME_WORDS.test(text)) { t.skip = true; continue; }

    if (isPhoneChain(toks, i)) markPhone(toks, i);
  }
}

/** Three or more digit groups separated only by single spaces or hyphens: "020 7946 0958". */
function isPhoneChain(toks: Token[], i: number): boolean {
  let count = 1;
  let j = i;
  while (count < 3) {
    const gap = toks[j + 1];
    if (isNum(gap) && gap.space && !gap.line && gap.num!.sep === '' && gap.num!.fracDigits === 0) { j++; count++; continue; }
    if (gap && gap.kind === 'punct' && (HYPHENS.has(gap.low) || gap.low === '.') && !gap.space) {
      const after = toks[j + 2];
      if (isNum(after) && !after.space) { j += 2; count++; continue; }
    }
    return false;
  }
  return true;
}

const PHONE_PUNCT = new Set(['-', '\u2010', '\u2011', '.', '(', ')']);
const MAX_PHONE_GROUPS = 8;

/** Marks a phone number: digit groups joined by single spaces, or by hyphens, dots and brackets. */
function markPhone(toks: Token[], i: number): void {
  let j = i;
  for (let groups = 1; groups <= MAX_PHONE_GROUPS; groups++) {
    toks[j]!.skip = true;
    let k = j + 1;
    // A phone number stays on its line: "(" opening the next one is not part of it.
    while (k < toks.length && !toks[k]!.line && toks[k]!.kind === 'punct' && PHONE_PUNCT.has(toks[k]!.low) && (!toks[k]!.space || toks[k]!.low === '(')) k++;
    const nx = toks[k];
    if (!nx || (nx.kind !== 'num' && nx.kind !== 'opaque') || nx.line) return;
    j = k;
  }
}

/** "Article 5", and with a plural "Articles 5 and 6" or "pp. 7–9". */
function markNamed(toks: Token[], i: number, plural: boolean): void {
  toks[i]!.skip = true;
  if (!plural) return;
  let j = i + 1;
  while (j + 1 < toks.length) {
    const link = toks[j]!;
    const t = toks[j + 1]!;
    const linkOk = link.low === ',' || link.low === 'and' || link.low === 'or' || link.low === 'to' || HYPHENS.has(link.low) || link.low === '\u2013';
    if (!linkOk || !isNum(t)) break;
    t.skip = true;
    j += 2;
  }
}

/** "[1]", "[^2]", "[3, 4]", "[5–7]": citation and footnote markers. */
function markCitation(toks: Token[], i: number): void {
  let j = i + 1;
  if (toks[j]?.low === '^') j++;
  const nums: Token[] = [];
  while (j < toks.length) {
    const t = toks[j]!;
    if (t.kind === 'num') nums.push(t);
    else if (!(t.kind === 'punct' && (t.low === ',' || HYPHENS.has(t.low) || t.low === '\u2013'))) break;
    j++;
  }
  if (nums.length && toks[j]?.low === ']') for (const t of nums) t.skip = true;
}
