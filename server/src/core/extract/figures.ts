import type { FigureForm, FigureValue } from '../types';
import { HYPHENS, RANGE_DASHES, isApostrophe } from './chars';
import type { DateHit } from './dates';
import { type Doc, glued, punctAt, spacedWord, wordAt } from './lexer';
import type { Cand } from './model';
import { YEAR_PREFIXES } from './noise';
import { type Piece, type PercentStyle, readNumber, readPercent } from './numbers';
import { NUMBER_OR_ORDINAL_WORDS } from './numberWords';
import { readOrdinal } from './ordinals';
import { mayFollowArticle, readAll, readArticleUnit, readFold, readFraction, readRatio, readVague } from './quantities';
import { collectiveUnit, compoundUnit, knownUnit, readUnit } from './units';

// Reads the figure starting at a token, trying the specific shapes before the general one:
// dates, shares and vague amounts, ordinals, then a number with whatever follows it (percent
// sign, range, list, compound, unit noun), or a year.

export interface Scan {
  doc: Doc;
  dates: Map<number, DateHit>;
  /** The last year read and the token after it, for "2014 and ’15" and "2014–15". */
  lastYear: { n: number; next: number } | null;
}

const CURRENCIES = new Map<string, string>([['$', 'dollar'], ['€', 'euro'], ['£', 'pound'], ['¥', 'yen'], ['₴', 'hryvnia'], ['₽', 'ruble']]);
/** Words worth a closer look; anything else is rejected with one lookup. */
const TRIGGERS = new Set(['a', 'an', 'several', 'tens', 'hundreds', 'thousands', 'millions', 'billions', 'dozens',
  'nearly', 'almost', 'virtually', 'practically', 'most', 'half', 'between', 'another']);
// Words a figure may start with, in one table: most words of prose start none.
const STARTERS: ReadonlySet<string> = new Set([...TRIGGERS, ...NUMBER_OR_ORDINAL_WORDS]);
const SET_LINKS = new Set(['and', 'or']);

/**
 * The lengths of the starters that begin with each ASCII character, as bits: a word of prose is
 * rejected by its first character and its length before it is hashed. Nothing else hashes the
 * lexer's copy of most words, so this is a hash saved per word (the lookup alone was 4% of a
 * 3,000-word check's profile).
 */
const STARTER_LENGTHS = new Uint32Array(128);
for (const w of STARTERS) {
  const c = w.charCodeAt(0);
  if (c < 128) STARTER_LENGTHS[c]! |= 1 << Math.min(w.length, 31);
}
const mayStart = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c >= 128) return STARTERS.has(w);
  return (STARTER_LENGTHS[c]! & (1 << Math.min(w.length, 31))) !== 0 && STARTERS.has(w);
};
const isFold = (w: string): boolean => w.length >= 4 && w.charCodeAt(w.length - 1) === 100 && w.endsWith('fold');

/**
 * The unit a collective noun before the number gives it: "an army of 800,000", "a crowd
 * estimated at 20,000", "the army numbers 880,000".
 */
export function collectiveBefore(doc: Doc, i: number): string | null {
  const w1 = wordAt(doc, i - 1);
  if (w1 === 'of' || NUMBERING.has(w1 ?? '')) return collectiveUnit(wordAt(doc, i - 2));
  if (w1 === 'at' && SIZED.has(wordAt(doc, i - 2) ?? '')) return collectiveUnit(wordAt(doc, i - 3));
  return null;
}
const NUMBERING = new Set(['numbering', 'numbers', 'numbered', 'totalling', 'totaling', 'totals', 'totalled', 'totaled']);
const SIZED = new Set(['estimated', 'put', 'counted', 'reckoned', 'pegged']);

export function readFigure(scan: Scan, i: number): Cand | null {
  const { doc } = scan;
  const date = scan.dates.get(i);
  if (date) return date.cand;
  const t = doc.toks[i];
  if (!t || t.skip) return null;
  if (t.kind === 'word') {
    const w = t.low;
    if (!mayStart(w) && !isFold(w)) return null;
    if (w === 'a' || w === 'an') { const next = spacedWord(doc, i + 1); if (next === null || !mayFollowArticle(next)) return null; }
    return readAll(doc, i) ?? readVague(doc, i) ?? readFraction(doc, i) ?? readArticleUnit(doc, i) ?? readBetween(scan, i) ??
      readOrdinal(doc, i) ?? readFold(doc, i) ?? readRatio(doc, i) ?? readCounted(scan, i, null);
  }
  if (t.kind === 'num') {
    const suffix = t.num!.suffix;
    if (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') return readOrdinal(doc, i);
    if (suffix === 's') return readDecade(doc, i, t.start);
    return readRatio(doc, i) ?? readShortYear(scan, i) ?? readCounted(scan, i, null);
  }
  if (t.kind === 'punct') {
    const cur = CURRENCIES.get(t.low);
    if (cur && doc.toks[i + 1]?.kind === 'num' && glued(doc, i + 1)) return readCounted(scan, i + 1, { unit: cur, start: t.start });
    if (isApostrophe(t.low.charCodeAt(0)) && t.low.length === 1) return readApostrophe(scan, i);
  }
  return null;
}

/** Span start including a glued "mid-" / "pre-" before a year or decade. */
function yearPrefixStart(doc: Doc, i: number): number {
  const h = doc.toks[i - 1];
  const w = doc.toks[i - 2];
  if (h && w && HYPHENS.has(h.low) && !h.space && glued(doc, i) && w.kind === 'word' && YEAR_PREFIXES.has(w.low)) return w.start;
  return doc.toks[i]!.start;
}

/** The form of a number as written: numeral style, separator, scale word. */
const formOf = (p: Piece, extra: Partial<FigureForm> = {}): FigureForm => {
  const form: FigureForm = { numeral: p.numeral, compound: false, ...extra };
  if (p.numeral === 'digits') form.thousandsSeparator = p.sep;
  if (p.multiplier !== undefined) form.multiplier = p.multiplier;
  return form;
};

/** "1990s", "mid-1990s", "’90s". */
function readDecade(doc: Doc, i: number, valueStart: number): Cand | null {
  const t = doc.toks[i]!;
  const num = t.num!;
  if (num.intDigits === 4 && num.mantissa % 10 === 0 && num.mantissa >= 1000 && num.mantissa <= 2100) {
    const start = Math.min(valueStart, yearPrefixStart(doc, i));
    return { start, end: t.end, vStart: valueStart, vEnd: t.end, value: { kind: 'decade', start: num.mantissa }, unit: null, form: { numeral: 'digits', compound: false } };
  }
  if (num.intDigits === 2 && num.mantissa % 10 === 0 && valueStart < t.start) {
    const start = num.mantissa >= 30 ? 1900 + num.mantissa : 2000 + num.mantissa;
    return { start: valueStart, end: t.end, vStart: valueStart, vEnd: t.end, value: { kind: 'decade', start }, unit: null, form: { numeral: 'digits', compound: false } };
  }
  return null;
}

/** "’15" after "2014 and", "’90s". A quote mark before other digits is just a quote mark. */
function readApostrophe(scan: Scan, i: number): Cand | null {
  const { doc } = scan;
  const t = doc.toks[i + 1];
  if (!t || t.kind !== 'num' || !glued(doc, i + 1) || t.skip || t.num!.intDigits !== 2 || t.num!.sep || t.num!.fracDigits) return null;
  const before = doc.toks[i - 1];
  if (before && !doc.toks[i]!.space && (before.kind === 'word' || before.kind === 'num')) return null;
  if (t.num!.suffix === 's') return readDecade(doc, i + 1, doc.toks[i]!.start);
  if (t.num!.suffix || !scan.lastYear || !coordinated(doc, scan.lastYear.next, i)) return null;
  const n = expandYear(scan.lastYear.n, t.num!.mantissa);
  const start = doc.toks[i]!.start;
  return { start, end: t.end, vStart: start, vEnd: t.end, value: { kind: 'year', n }, unit: null, form: { numeral: 'digits', compound: false } };
}

/** "15" in "2014–15". */
function readShortYear(scan: Scan, i: number): Cand | null {
  const { doc } = scan;
  const t = doc.toks[i]!;
  const num = t.num!;
  if (!scan.lastYear || scan.lastYear.next !== i - 1 || num.intDigits !== 2 || num.sep || num.fracDigits || num.suffix) return null;
  const dash = doc.toks[i - 1]!;
  if (!RANGE_DASHES.has(dash.low) || dash.space || t.space) return null;
  return { start: t.start, end: t.end, vStart: t.start, vEnd: t.end, value: { kind: 'year', n: expandYear(scan.lastYear.n, num.mantissa) }, unit: null, form: { numeral: 'digits', compound: false } };
}

const expandYear = (full: number, two: number): number => {
  const n = Math.floor(full / 100) * 100 + two;
  return n < full ? n + 100 : n;
};

/** Only "and", "or", "to", commas and dashes stand between tokens a and b. */
function coordinated(doc: Doc, a: number, b: number): boolean {
  if (b - a > 2 || b < a) return false;
  // "2014" does not reach into a paragraph that opens "and ’15".
  for (let k = a; k <= b; k++) if (doc.toks[k]!.para) return false;
  for (let k = a; k < b; k++) {
    const x = doc.toks[k]!;
    if (!(x.low === 'and' || x.low === 'or' || x.low === 'to' || x.low === ',' || x.low === '&' || RANGE_DASHES.has(x.low) || x.low === '\u2014')) return false;
  }
  return true;
}

/** "between 30 and 50 (years)". */
function readBetween(scan: Scan, i: number): Cand | null {
  const { doc } = scan;
  if (wordAt(doc, i) !== 'between' || !doc.toks[i + 1]?.space) return null;
  const p = readNumber(doc, i + 1);
  if (!p) return null;
  let k = p.last + 1;
  const pp = readPercent(doc, k);
  if (pp) k = pp.last + 1;
  if (spacedWord(doc, k) !== 'and' || !doc.toks[k + 1]?.space) return null;
  const q = readNumber(doc, k + 1);
  if (!q) return null;
  const r = finishRange(scan, p, q, pp?.style ?? null);
  if (!r) return null;
  r.start = doc.toks[i]!.start;
  return r;
}

/** Both ends read: percent sign and unit after the second, scale borrowed by the first. */
function finishRange(scan: Scan, p: Piece, q: Piece, firstPercent: PercentStyle | null): Cand | null {
  const { doc } = scan;
  let min = p.value;
  if (q.scale > 1 && p.scale === 1 && p.value < q.base) min = p.value * q.scale;
  if (!(min < q.value)) return null;
  let k = q.last + 1;
  const pct = readPercent(doc, k);
  const percent = !!(pct || firstPercent);
  let last = pct ? pct.last : q.last;
  let unit: string | null = null;
  let scale = 1;
  if (!percent) {
    const u = readUnit(doc, k, p.yearish || q.yearish ? { knownOnly: true, plural: true } : {});
    if (u) { unit = u.unit; scale = u.scale; last = u.last; }
    else if (p.yearish && q.yearish) return null;
  }
  k = last;
  const form = formOf(p);
  const style = pct?.style ?? firstPercent;
  if (style) form.percentStyle = style;
  return {
    start: doc.toks[p.first]!.start, end: doc.toks[k]!.end, vStart: doc.toks[p.first]!.start,
    vEnd: pct ? doc.toks[pct.last]!.end : q.end,
    value: { kind: 'range', min: min * scale, max: q.value * scale, percent }, unit, form,
  };
}

/** A number and what follows it. `currency` is a sign glued before the digits ("€150 billion"). */
function readCounted(scan: Scan, i: number, currency: { unit: string; start: number } | null): Cand | null {
  const { doc } = scan;
  const p = readNumber(doc, i);
  if (!p) return null;
  const toks = doc.toks;
  let k = p.last + 1;
  const base = (value: FigureValue, end: number, vEnd: number, unit: string | null, form: FigureForm): Cand =>
    ({ start: currency?.start ?? p.start, end, vStart: p.start, vEnd, value, unit, form });

  // Percent, alone or as the first end of a range ("30%–50%", "30% to 50%").
  const pct = readPercent(doc, k);
  if (pct && !currency) {
    const r = readRangeTail(scan, p, pct.last + 1, pct.style);
    if (r) return r;
    return base({ kind: 'percent', n: p.value }, toks[pct.last]!.end, toks[pct.last]!.end, null, formOf(p, { percentStyle: pct.style }));
  }

  const r = readRangeTail(scan, p, k, null);
  if (r) {
    if (currency) { r.start = currency.start; r.unit = r.unit ?? currency.unit; }
    return r;
  }
  if (!currency) {
    const s = readSet(doc, p);
    if (s) return s;
  }

  // "50+ countries": a trailing plus is a hedge.
  let hedge: Cand['hedge'];
  const plus = toks[k];
  if (plus && plus.low === '+' && !plus.space && toks[k + 1]?.kind !== 'num') {
    hedge = { hedge: 'at-least', start: plus.start, end: plus.end };
    k++;
  }

  // Compound modifier: "20-year", "800,000-strong", "three-layered", "two-decade", "75-percent".
  const h = toks[k];
  if (!hedge && h && HYPHENS.has(h.low) && !h.space && glued(doc, k + 1)) {
    const w = wordAt(doc, k + 1);
    if (w === 'percent') {
      return base({ kind: 'percent', n: p.value }, toks[k + 1]!.end, p.end, null, { ...formOf(p), compound: true });
    }
    // "95-per-cent", British style.
    if (w === 'per' && HYPHENS.has(toks[k + 2]?.low ?? '') && glued(doc, k + 2) && glued(doc, k + 3) && wordAt(doc, k + 3) === 'cent') {
      return base({ kind: 'percent', n: p.value }, toks[k + 3]!.end, p.end, null, { ...formOf(p), compound: true });
    }
    const def = w !== null ? compoundUnit(w) : null;
    if (def && w !== null) {
      let unit = def.unit;
      let end = toks[k + 1]!.end;
      // "20-year-old" is an age, not a term.
      if (unit === 'year' && toks[k + 2] && HYPHENS.has(toks[k + 2]!.low) && !toks[k + 2]!.space && wordAt(doc, k + 3) === 'old' && glued(doc, k + 3)) {
        unit = 'year-old';
        end = toks[k + 3]!.end;
      }
      const form = { ...formOf(p), compound: true };
      let vEnd = p.end;
      if (def.scale !== 1) {
        form.multiplier = doc.text.slice(p.end, end);
        vEnd = end;
      }
      return base({ kind: 'number', n: p.value * def.scale }, end, vEnd, unit, form);
    }
  }

  if (currency) {
    const c = base({ kind: 'number', n: p.value }, p.end, p.end, currency.unit, formOf(p));
    if (hedge) { c.hedge = hedge; c.end = hedge.end; }
    return c;
  }

  const u = readUnit(doc, k, p.yearish ? { knownOnly: true, plural: true } : {});
  if (p.yearish && !u && !hedge) {
    // "1990’s": a decade with a stray apostrophe.
    if (p.value % 10 === 0 && toks[k] && isApostrophe(toks[k]!.low.charCodeAt(0)) && !toks[k]!.space && wordAt(doc, k + 1) === 's' && glued(doc, k + 1)) {
      return { start: yearPrefixStart(doc, i), end: toks[k + 1]!.end, vStart: p.start, vEnd: toks[k + 1]!.end, value: { kind: 'decade', start: p.value }, unit: null, form: { numeral: 'digits', compound: false } };
    }
    return { start: yearPrefixStart(doc, i), end: p.end, vStart: p.start, vEnd: p.end, value: { kind: 'year', n: p.value }, unit: null, form: { numeral: 'digits', compound: false } };
  }
  // "one" is a pronoun or an idiom ("one of them", "in one case", "at one point") unless it
  // counts a unit from the table ("one year", "one country").
  if (p.word === 'one' && (!u || !knownUnit(wordAt(doc, u.last) ?? '') || wordAt(doc, i - 1) === 'at')) return null;
  const form = formOf(p);
  let vEnd = p.end;
  let n = p.value;
  const collective = !u && !hedge ? collectiveBefore(doc, i) : null;
  if (collective) return base({ kind: 'number', n }, p.end, p.end, collective, form);
  if (u && u.scale !== 1) {
    n *= u.scale;
    form.multiplier = doc.text.slice(p.end, toks[u.last]!.end);
    vEnd = toks[u.last]!.end;
  }
  const c = base({ kind: 'number', n }, u ? toks[u.last]!.end : hedge ? hedge.end : p.end, vEnd, u?.unit ?? null, form);
  if (hedge) c.hedge = hedge;
  return c;
}

/** "30 to 50", "30–50", "1.5-2 million", "30% to 50%"; none after "from" ("rose from 30 to 50"). */
function readRangeTail(scan: Scan, p: Piece, k: number, firstPercent: PercentStyle | null): Cand | null {
  const { doc } = scan;
  const link = doc.toks[k];
  const next = doc.toks[k + 1];
  if (!link || !next || next.para) return null;
  const dash = link.kind === 'punct' && RANGE_DASHES.has(link.low);
  if (dash) {
    // A hyphen joins a range only glued on both sides; an en dash either way.
    const hyphen = link.low !== '\u2013';
    if (hyphen && (link.space || next.space)) return null;
    if (!hyphen && link.space !== next.space) return null;
  } else if (!(spacedWord(doc, k) === 'to' && next.space)) return null;
  if (wordAt(doc, p.first - 1) === 'from') return null;
  // "2014–15" and "2014 to 2016" are two years, read one by one.
  if (p.yearish && next.kind === 'num' && next.num!.intDigits === 2) return null;
  const q = readNumber(doc, k + 1);
  if (!q || q.numeral !== p.numeral) return null;
  return finishRange(scan, p, q, firstPercent);
}

/** "30, 40, 50 years", "30, 40 or 50 years", "two or three days": numbers sharing one unit. */
const SET_ADVERBS = new Set(['even', 'perhaps', 'possibly', 'maybe']);

function readSet(doc: Doc, p: Piece): Cand | null {
  if (p.yearish || p.multiplier) return null;
  const members: Piece[] = [p];
  let k = p.last + 1;
  let linked = false;
  while (members.length < 12) {
    let j = k;
    if (punctAt(doc, j) === ',' && !doc.toks[j]!.space) j++;
    const w = spacedWord(doc, j);
    if (w !== null && SET_LINKS.has(w)) {
      j++;
      linked = true;
      // "30, 40 or even 60 years", "20 or perhaps 25 years": the last member, still.
      const adverb = spacedWord(doc, j);
      if (adverb !== null && SET_ADVERBS.has(adverb)) j++;
    } else if (w !== null && SET_ADVERBS.has(w) && j > k) {
      // "30, 40, even 60 years": after a comma, the adverb ends the list as "or" would.
      j++;
      linked = true;
    }
    if (j === k || !doc.toks[j]?.space) break;
    const q = readNumber(doc, j);
    if (!q || q.yearish || q.multiplier || q.numeral !== p.numeral || readPercent(doc, q.last + 1)) break;
    members.push(q);
    k = q.last + 1;
    if (linked) break;
  }
  // Two numbers with only a comma between are more often two figures ("On day 3, 20 soldiers").
  if (members.length < 2 || (members.length === 2 && !linked)) return null;
  const u = readUnit(doc, k);
  if (!u) return null;
  const lastPiece = members[members.length - 1]!;
  const form = formOf(p);
  return {
    start: p.start, end: doc.toks[u.last]!.end, vStart: p.start, vEnd: lastPiece.end,
    value: { kind: 'set', values: members.map((m) => m.value * u.scale) }, unit: u.unit, form,
  };
}
