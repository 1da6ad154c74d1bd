import type { FigureValue } from '../types';
import { HYPHENS } from './chars';
import { type Doc, glued, spacedWord, wordAt } from './lexer';
import { type Cand, round2 } from './model';
import { readNumber } from './numbers';
import { scaleValue, unitValue } from './numberWords';
import { readOfUnit, readUnit } from './units';

// Quantities written without a plain number: vague amounts ("several weeks", "tens of thousands
// of troops"), shares ("three-quarters", "one in five", "nearly all"), and "a year". Each is
// read only where it clearly counts something; "thousands" alone or "half" alone is not a figure.

const wordsForm = () => ({ numeral: 'words' as const, compound: false });

function cand(doc: Doc, first: number, valueLast: number, last: number, value: FigureValue, unit: string | null): Cand {
  const t = doc.toks;
  return { start: t[first]!.start, end: t[last]!.end, vStart: t[first]!.start, vEnd: t[valueLast]!.end, value, unit, form: wordsForm() };
}

const range = (min: number, max: number, percent = false): FigureValue => ({ kind: 'range', min, max, percent });

// ---- vague amounts --------------------------------------------------------------------------

/** Plural scale words: "dozens of", "thousands of". Lower bounds start at two of the scale. */
const PLURAL_SCALES = new Map<string, [number, number]>([
  ['dozens', [24, 99]], ['hundreds', [200, 999]], ['thousands', [2000, 9999]],
  ['millions', [2e6, 999e6]], ['billions', [2e9, 999e9]],
]);
const SCALE_OF = new Map<string, number>([['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9]]);
/** "tens of thousands", "hundreds of millions". */
const OF_SCALES = new Map<string, number>([['thousands', 1e3], ['millions', 1e6], ['billions', 1e9]]);

export function readVague(doc: Doc, i: number): Cand | null {
  const w = wordAt(doc, i);
  if (w === null) return null;
  let base: [number, number] | null = null;
  let j = i + 1;
  if (w === 'several') base = [3, 9];
  else if (w === 'a' && spacedWord(doc, i + 1) === 'few') { base = [2, 5]; j = i + 2; }
  else if (w === 'a' && spacedWord(doc, i + 1) === 'couple' && spacedWord(doc, i + 2) === 'of') { base = [2, 3]; j = i + 3; }
  if (base) {
    const scale = SCALE_OF.get(spacedWord(doc, j) ?? '');
    const valueLast = scale ? j : j - 1;
    if (scale) j++;
    const value = range(base[0] * (scale ?? 1), base[1] * (scale ?? 1));
    const unit = readUnit(doc, j) ?? readOfUnit(doc, j);
    if (unit && unit.unit !== null) return cand(doc, i, valueLast, unit.last, value, unit.unit);
    // "several thousand" counts even when what follows is not a noun.
    return scale ? cand(doc, i, valueLast, valueLast, value, unit?.unit ?? null) : null;
  }
  if ((w === 'tens' || w === 'hundreds') && spacedWord(doc, i + 1) === 'of') {
    const scale = OF_SCALES.get(spacedWord(doc, i + 2) ?? '');
    if (scale) {
      const f = w === 'tens' ? 10 : 100;
      const value = range(2 * f * scale, 10 * f * scale - 1);
      const unit = readOfUnit(doc, i + 3);
      const last = unit && unit.unit !== null ? unit.last : i + 2;
      return cand(doc, i, i + 2, last, value, unit?.unit ?? null);
    }
  }
  const plural = PLURAL_SCALES.get(w);
  if (plural) {
    const unit = readOfUnit(doc, i + 1);
    if (!unit) return null;
    return cand(doc, i, i, unit.unit !== null ? unit.last : i, range(plural[0], plural[1]), unit.unit);
  }
  return null;
}

// ---- shares ---------------------------------------------------------------------------------

/** "nearly all", "most of": shares without a number, as percent ranges. */
export function readAll(doc: Doc, i: number): Cand | null {
  const w = wordAt(doc, i);
  if ((w === 'nearly' || w === 'almost' || w === 'virtually' || w === 'practically') && spacedWord(doc, i + 1) === 'all') {
    return cand(doc, i, i + 1, i + 1, range(90, 100, true), null);
  }
  if (w === 'most' && spacedWord(doc, i + 1) === 'of') {
    const before = wordAt(doc, i - 1);
    if (before === 'the' || before === 'at') return null;
    return cand(doc, i, i, i, range(50, 100, true), null);
  }
  return null;
}

export const DENOMINATORS: ReadonlyMap<string, number> = new Map<string, number>([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fourth', 4], ['fourths', 4],
  ['fifth', 5], ['fifths', 5], ['sixth', 6], ['sixths', 6], ['seventh', 7], ['sevenths', 7], ['eighth', 8], ['eighths', 8],
  ['ninth', 9], ['ninths', 9], ['tenth', 10], ['tenths', 10],
]);
const SHARE_FOLLOWERS = new Set(['of', 'the', 'its', 'their', 'his', 'her', 'our', 'all', 'these', 'those', 'that', 'this']);
const LARGE = new Map<string, number>([['million', 1e6], ['billion', 1e9], ['trillion', 1e12]]);

/**
 * What may follow "a" or "an" in a figure: "a few", "a couple of", "a hundred", "a quarter of",
 * "a year". Everything else ("a deal", "an offer") is ruled out before any reader runs.
 */
export const mayFollowArticle = (w: string): boolean =>
  w === 'few' || w === 'couple' || w === 'hundred' || w === 'dozen' || scaleValue(w) !== undefined || DENOMINATORS.has(w) || ARTICLE_UNITS.has(w) || WHOLE.has(w);

// "a full decade", "a whole year": all of one unit.
const WHOLE = new Set(['full', 'whole', 'entire']);

/** "of a million" after a share turns it into a number: "a quarter of a million" = 250,000. */
function ofAMillion(doc: Doc, k: number): { scale: number; last: number } | null {
  if (spacedWord(doc, k) !== 'of') return null;
  const a = spacedWord(doc, k + 1);
  const s = LARGE.get(spacedWord(doc, k + 2) ?? '');
  return (a === 'a' || a === 'one') && s ? { scale: s, last: k + 2 } : null;
}

function share(doc: Doc, i: number, valueLast: number, fraction: number): Cand {
  const big = ofAMillion(doc, valueLast + 1);
  if (big) {
    // As with "half a million people", the noun after the scale says what is counted.
    const counted = readUnit(doc, big.last + 1);
    const n = Math.round(fraction * big.scale);
    return counted && counted.scale === 1
      ? cand(doc, i, big.last, counted.last, { kind: 'number', n }, counted.unit)
      : cand(doc, i, big.last, big.last, { kind: 'number', n }, null);
  }
  return cand(doc, i, valueLast, valueLast, { kind: 'percent', n: round2(fraction * 100) }, null);
}

/** "a quarter-century", "a quarter century": 25 years. */
function quarterCentury(doc: Doc, i: number): Cand | null {
  if (spacedWord(doc, i + 1) !== 'quarter') return null;
  let k = i + 2;
  const h = doc.toks[k];
  if (h && h.kind === 'punct' && HYPHENS.has(h.low) && !h.space && glued(doc, k + 1)) k++;
  else if (!doc.toks[k]?.space) return null;
  if (wordAt(doc, k) !== 'century') return null;
  const c = cand(doc, i, k, k, { kind: 'number', n: 25 }, 'year');
  c.form.multiplier = doc.text.slice(doc.toks[i]!.end, doc.toks[k]!.end);
  return c;
}

/** "three-quarters", "two thirds of", "a quarter of", "half of", "half a million", "half a year". */
export function readFraction(doc: Doc, i: number): Cand | null {
  const w = wordAt(doc, i);
  if (w === null) return null;
  if (w === 'a' || w === 'an') { const qc = quarterCentury(doc, i); if (qc) return qc; }
  if (w === 'half') {
    const next = spacedWord(doc, i + 1);
    if (next === 'a' || next === 'an') {
      const scaleWord = spacedWord(doc, i + 2) ?? '';
      // "half a dozen years" is six of them, as "half a million people" is 500,000.
      const s = scaleWord === 'dozen' ? 12 : LARGE.get(scaleWord);
      if (s) {
        // "Half a million people": the noun after the scale says what is counted.
        const counted = readUnit(doc, i + 3);
        return counted && counted.scale === 1
          ? cand(doc, i, i + 2, counted.last, { kind: 'number', n: s / 2 }, counted.unit)
          : cand(doc, i, i + 2, i + 2, { kind: 'number', n: s / 2 }, null);
      }
      const u = readUnit(doc, i + 2, { knownOnly: true });
      if (u && u.last === i + 2) {
        // "half a century" is a length of time: fifty years.
        const century = u.unit === 'century';
        const c = cand(doc, i, u.last, u.last, { kind: 'number', n: 0.5 * u.scale * (century ? 100 : 1) }, century ? 'year' : u.unit);
        c.form.multiplier = doc.text.slice(doc.toks[i]!.end, doc.toks[u.last]!.end);
        return c;
      }
      return null;
    }
    return next !== null && SHARE_FOLLOWERS.has(next) ? share(doc, i, i, 0.5) : null;
  }
  const numerator = w === 'a' || w === 'an' ? 1 : unitValue(w);
  if (numerator === undefined || numerator < 1 || numerator > 9) return null;
  // Hyphenated: "three-quarters", "two-thirds", "one-half".
  const h = doc.toks[i + 1];
  if (h && h.kind === 'punct' && HYPHENS.has(h.low) && !h.space && glued(doc, i + 2) && w !== 'a' && w !== 'an') {
    const d = DENOMINATORS.get(wordAt(doc, i + 2) ?? '');
    if (d && numerator < d) return share(doc, i, i + 2, numerator / d);
    return null;
  }
  const dw = spacedWord(doc, i + 1);
  const d = dw !== null ? DENOMINATORS.get(dw) : undefined;
  if (!d || numerator >= d || dw === 'half') return null;
  // Spaced shares must be followed by "of" ("a third of", "two thirds of"); "one third" alone is too loose.
  const plural = dw!.endsWith('s');
  if ((numerator === 1) === plural) return null;
  if (spacedWord(doc, i + 2) !== 'of') return null;
  return share(doc, i, i + 1, numerator / d);
}

/** "one in five", "1 in 5", "nine out of ten": a share as percent. */
export function readRatio(doc: Doc, i: number): Cand | null {
  const p = readNumber(doc, i);
  if (!p || !p.integral || p.multiplier) return null;
  let k = p.last + 1;
  const link = spacedWord(doc, k);
  if (link === 'in') {
    k++;
    if (spacedWord(doc, k) === 'every') k++;
  } else if (link === 'out' && spacedWord(doc, k + 1) === 'of') k += 2;
  else return null;
  if (!doc.toks[k]?.space) return null;
  const q = readNumber(doc, k);
  if (!q || !q.integral || q.multiplier || q.yearish || q.value <= p.value || q.value > 1e6 || p.value < 1) return null;
  const c = cand(doc, i, q.last, q.last, { kind: 'percent', n: round2((p.value / q.value) * 100) }, null);
  c.form.numeral = p.numeral;
  return c;
}

// ---- "a year", "a decade and a half" ----------------------------------------------------------

export const ARTICLE_UNITS: ReadonlySet<string> = new Set(['year', 'decade', 'month', 'week', 'day', 'hour', 'minute', 'fortnight', 'century']);
/** "once a year", "twice a day", "per a..." state a rate, not a span of time. */
const RATE_WORDS = new Set(['once', 'twice', 'thrice', 'times', 'per', 'such', 'what', 'quite', 'half']);

export function readArticleUnit(doc: Doc, i: number): Cand | null {
  const w = wordAt(doc, i);
  if (w === 'another') return anotherUnit(doc, i);
  if (w !== 'a' && w !== 'an') return null;
  // "a full decade": the adjective is part of the figure, the unit follows it.
  const k = WHOLE.has(spacedWord(doc, i + 1) ?? '') ? i + 2 : i + 1;
  const u = spacedWord(doc, k);
  if (u === null || !ARTICLE_UNITS.has(u)) return null;
  if (RATE_WORDS.has(wordAt(doc, i - 1) ?? '')) return null;
  const def = readUnit(doc, k, { knownOnly: true });
  const scale = def?.scale ?? 1;
  const unit = def?.unit ?? u;
  let n = scale;
  let last = k;
  if (spacedWord(doc, k + 1) === 'and' && spacedWord(doc, k + 2) === 'a' && spacedWord(doc, k + 3) === 'half') {
    n = 1.5 * scale;
    last = k + 3;
  }
  const c = cand(doc, i, last, last, { kind: 'number', n }, unit);
  c.form.multiplier = doc.text.slice(doc.toks[i]!.end, doc.toks[k]!.end);
  return c;
}

/**
 * "another year": one more of the unit. The figure is the unit word alone, so the hedge and the
 * word "another" stay before it ("at least another year"), and a fix writes "another two years".
 */
function anotherUnit(doc: Doc, i: number): Cand | null {
  const u = spacedWord(doc, i + 1);
  if (u === null || !ARTICLE_UNITS.has(u) || u === 'century') return null;
  const def = readUnit(doc, i + 1, { knownOnly: true });
  const c = cand(doc, i + 1, i + 1, i + 1, { kind: 'number', n: def?.scale ?? 1 }, def?.unit ?? u);
  c.form.multiplier = ` ${doc.text.slice(doc.toks[i + 1]!.start, doc.toks[i + 1]!.end)}`;
  return c;
}

/** "threefold", "tenfold". */
export function readFold(doc: Doc, i: number): Cand | null {
  const w = wordAt(doc, i);
  if (w === null || w.length < 7 || !w.endsWith('fold')) return null;
  const n = unitValue(w.slice(0, -4));
  if (n === undefined || n < 2) return null;
  const t = doc.toks[i]!;
  return { start: t.start, end: t.end, vStart: t.start, vEnd: t.end - 4, value: { kind: 'number', n }, unit: 'fold', form: { numeral: 'words', compound: true } };
}
