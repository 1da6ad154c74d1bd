import { strict as chrono } from 'chrono-node/en';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import type { FigureValue } from '../types';
import { HYPHENS } from './chars';
import { type Doc, numValue, type Token } from './lexer';
import type { Cand } from './model';

// Calendar dates. chrono-node (English, strict) reads the day-level forms exactly, but costs
// ~0.2 ms per 300 words, so it only sees short windows around capitalised month names: a few
// words each side cover "on Saturday, the 6th of January 2026 at 10:30". Month-and-year
// ("January 2024"), which strict mode leaves alone, and ISO dates are read here directly.

const MONTHS = new Map<string, number>([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
]);
const BEFORE_TOKENS = 5;
const AFTER_TOKENS = 8;
const MAX_WINDOW = 240;
// Only explicit components are kept, so the reference date never shows; fixed for determinism.
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
const LEADING = /^(?:(?:on|the|of|from|between|since|until|till|by|in)\s+|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)/i;
const TIME_TAIL = /\s*,?\s*(?:\bat\b|@|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b|\bmorning\b|\bafternoon\b|\bevening\b|\bnight\b)/i;
const BARE_NUMBER_AFTER_YEAR = /(?<=\d{4})[.,]?\s+\d{1,2}$/;
const RANGE_LINK = /\s*(?:\u2013|\u2014|-|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*/i;

const CAPITAL_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)/;

export interface DateHit {
  cand: Cand;
  /** Token where the figure starts. */
  first: number;
}

const isMonth = (doc: Doc, i: number): boolean => {
  const t = doc.toks[i]!;
  // "may", "march": verbs unless capitalised; month names are capitalised in English anyway.
  // Tested first: it rules out most words without a lookup.
  const ch = doc.text.charCodeAt(t.start);
  return ch >= 65 && ch <= 90 && t.kind === 'word' && MONTHS.has(t.low);
};

/**
 * Token k ends a sentence within a date's reach: "!" or "?", or a full stop right after a number
 * and before a space ("2026. 20"). After a word it may be an abbreviation ("Jan. 6", "a.m.").
 */
function endsSentence(doc: Doc, k: number): boolean {
  const t = doc.toks[k];
  if (!t || t.kind !== 'punct') return false;
  if (t.low === '!' || t.low === '?') return true;
  if (t.low !== '.' || t.space) return false;
  const before = doc.toks[k - 1];
  const after = doc.toks[k + 1];
  return !!before && before.kind === 'num' && (!after || after.space);
}

function valueOf(c: ParsedComponents): FigureValue | null {
  if (!c.isCertain('month')) return null;
  const day = c.isCertain('day') ? c.get('day') : null;
  const year = c.isCertain('year') ? c.get('year') : null;
  const month = c.get('month');
  if (month === null || (day === null && year === null)) return null;
  const v: FigureValue = { kind: 'date', month };
  if (year !== null) v.year = year;
  if (day !== null) v.day = day;
  return v;
}

const dateForm = { numeral: 'digits', compound: false } as const;

function cand(start: number, end: number, value: FigureValue): Cand {
  return { start, end, vStart: start, vEnd: end, value, unit: null, form: { ...dateForm } };
}

/** What is kept of a chrono result: certain components only. */
interface Parsed {
  index: number;
  text: string;
  start: FigureValue | null;
  end: FigureValue | null;
  hasEnd: boolean;
}

// The editor re-extracts on every keystroke, and almost every window is the same as last time.
const cache = new Map<string, Parsed[]>();
const CACHE_LIMIT = 4096;

function parseWindow(window: string): Parsed[] {
  const hit = cache.get(window);
  if (hit) return hit;
  let parsed: Parsed[] = [];
  try {
    parsed = chrono.parse(window, REFERENCE).map((r: ParsedResult) => ({
      index: r.index, text: r.text, start: valueOf(r.start), end: r.end ? valueOf(r.end) : null, hasEnd: !!r.end,
    }));
  } catch {
    parsed = [];
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(window, parsed);
  return parsed;
}

/** Date figures from one chrono result, trimmed of weekday, "on", "the" and any time of day. */
function fromResult(r: Parsed, offset: number): { cands: Cand[]; claim: [number, number] } | null {
  let text = r.text;
  let start = offset + r.index;
  for (let m = LEADING.exec(text); m; m = LEADING.exec(text)) {
    text = text.slice(m[0].length);
    start += m[0].length;
  }
  // "January 6, 2026\n20 people": chrono takes a bare number after the year for the hour. It
  // is the next figure, and is not the date's to claim.
  const bare = BARE_NUMBER_AFTER_YEAR.exec(text);
  if (bare) text = text.slice(0, bare.index);
  const claimEnd = start + text.length;
  const tail = TIME_TAIL.exec(text);
  if (tail && tail.index > 0) text = text.slice(0, tail.index);
  text = text.replace(/[\s,]+$/, '');
  const first = r.start;
  // The window may hold a lower-case "may" or "march" next to a real month name.
  if (!first || !text || !CAPITAL_MONTH.test(text)) return null;
  const cands: Cand[] = [];
  const link = r.hasEnd ? RANGE_LINK.exec(text.slice(1)) : null;
  if (link) {
    const cut = link.index + 1;
    cands.push(cand(start, start + cut, first));
    const second = r.end;
    const endStart = cut + link[0].length;
    if (second && endStart < text.length) cands.push(cand(start + endStart, start + text.length, second));
  } else {
    cands.push(cand(start, start + text.length, first));
  }
  return { cands, claim: [start, claimEnd] };
}

export function findDates(doc: Doc): DateHit[] {
  const { text, toks } = doc;
  const found: Cand[] = [];
  const claims: Array<[number, number]> = [];

  // Windows around month names, merged when they touch but never beyond MAX_WINDOW characters:
  // a list of a thousand dates is parsed as many small texts, not one large one.
  const windows: Array<[number, number]> = [];
  for (let i = 0; i < toks.length; i++) {
    if (!isMonth(doc, i)) continue;
    // Within the paragraph and the sentence: chrono reads "on January 7, 2026. 20 people came" as
    // one date (the 20 a time of day), which took the next sentence's figure and matched no
    // fact, so a wrong day went unflagged; a blank line stops it the same way ("on January 6"
    // and a "20" opening the next paragraph).
    let from = i;
    while (from > 0 && from > i - BEFORE_TOKENS && !toks[from]!.para && !endsSentence(doc, from - 1)) from--;
    let to = i;
    while (to + 1 < toks.length && to < i + AFTER_TOKENS && !toks[to + 1]!.para && !endsSentence(doc, to + 1)) to++;
    const a = toks[from]!.start;
    const b = toks[to]!.end;
    const last = windows[windows.length - 1];
    if (last && a <= last[1] && b - last[0] <= MAX_WINDOW) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  for (const w of windows) {
    const a = w[0];
    for (const r of parseWindow(text.slice(a, w[1]))) {
      const hit = fromResult(r, a);
      if (!hit) continue;
      found.push(...hit.cands);
      claims.push(hit.claim);
    }
  }
  // Not push(...): a draft with 100,000+ month-years or ISO dates would overflow the call stack.
  for (const c of monthForms(doc, claims)) found.push(c);
  for (const c of isoDates(doc)) found.push(c);
  for (const c of slashDates(doc)) found.push(c);
  found.sort((x, y) => x.start - y.start || y.end - x.end);

  // Tokens of a date (and of a trimmed time after it) are no longer numbers.
  const allClaims = [...claims, ...found.map((c): [number, number] => [c.start, c.end])].sort((x, y) => x[0] - y[0]);
  let ci = 0;
  // Indexed, not for-of: this walk over every token runs once per check, mostly before the engine
  // has optimised it, and for-of made an iterator result per token (a twentieth of a check's objects).
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    while (ci < allClaims.length && allClaims[ci]![1] <= t.start) ci++;
    for (let k = ci; k < allClaims.length && allClaims[k]![0] < t.end; k++) {
      if (allClaims[k]![1] > t.start) { t.skip = true; break; }
    }
  }
  const hits: DateHit[] = [];
  let ti = 0;
  let lastEnd = -1;
  for (const c of found) {
    if (c.start < lastEnd) continue;
    while (ti < toks.length && toks[ti]!.end <= c.start) ti++;
    if (ti >= toks.length) break;
    hits.push({ cand: c, first: ti });
    lastEnd = c.end;
  }
  return hits;
}


/** The year after month token i ("January 2024", "March, 2022"), or null. */
function yearAfter(doc: Doc, i: number): { year: number; end: number } | null {
  const { toks } = doc;
  let j = i + 1;
  if (toks[j]?.low === ',' && !toks[j]!.space) j++;
  const y = toks[j];
  if (!y || y.kind !== 'num' || !y.space || y.para) return null;
  const num = y.num!;
  if (num.intDigits !== 4 || num.sep !== '' || num.fracDigits !== 0 || num.suffix !== '') return null;
  const year = numValue(num);
  return year < 1800 || year > 2100 ? null : { year, end: y.end };
}

const PART_OF_MONTH = new Set(['early', 'mid', 'late']);
const isPart = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word' && PART_OF_MONTH.has(t.low);

/** Where a part of a month ("early", "mid-") starts before month token i, or -1. */
function partBefore(doc: Doc, i: number): number {
  const { toks } = doc;
  const m = toks[i]!, prev = toks[i - 1];
  if (!prev || m.para) return -1;
  if (isPart(prev) && m.space) return i - 1; // "early January", "mid February"
  if (HYPHENS.has(prev.low) && !m.space && !prev.space && toks[i - 2]?.low === 'mid') return i - 2; // "mid-February"
  if (prev.low === 'in' && m.space && prev.space && !prev.para && isPart(toks[i - 2])) return i - 2; // "early in January"
  return -1;
}

/**
 * What chrono's strict mode leaves alone: month and year ("January 2024", "March, 2022"), and a
 * part of a month with no year ("early January", "mid-February", "late in March"), whose value
 * is the month alone (the part is not compared) and whose value text is the month's name, which
 * a fix replaces. A bare month ("in February") is not a figure: drafts name months in passing
 * far more often than they date an event by them.
 */
function monthForms(doc: Doc, claims: Array<[number, number]>): Cand[] {
  const out: Cand[] = [];
  const { toks } = doc;
  // Claims come in text order, and so do month names: one pointer walks both.
  let ci = 0;
  const claimed = (start: number, end: number) => {
    while (ci < claims.length && claims[ci]![1] <= start) ci++;
    return ci < claims.length && claims[ci]![0] < end;
  };
  for (let i = 0; i < toks.length; i++) {
    if (!isMonth(doc, i)) continue;
    const m = toks[i]!, month = MONTHS.get(m.low)!;
    const y = yearAfter(doc, i);
    if (y) {
      if (!claimed(m.start, y.end)) out.push(cand(m.start, y.end, { kind: 'date', year: y.year, month }));
      continue;
    }
    const k = partBefore(doc, i);
    if (k < 0) continue;
    const start = toks[k]!.start;
    if (!claimed(start, m.end)) out.push({ ...cand(start, m.end, { kind: 'date', month }), vStart: m.start, vEnd: m.end });
  }
  return out;
}

/** "1/29/2026", "29/01/2026": day and month in digits, in either order, and the year. */
export const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * "1/29/2026" (US) and "29/01/2026" (most of the world's newsrooms): read only when the order
 * is plain, a part over 12 being the day, or both parts the same. "01/02/2026" is left alone.
 */
function slashDates(doc: Doc): Cand[] {
  const out: Cand[] = [];
  // The lexer keeps "1/29/2026" whole, as an opaque token (so no part of it is read as a number).
  for (const t of doc.toks) {
    if (t.kind !== 'opaque') continue;
    const m = SLASH_DATE.exec(t.low);
    if (!m) continue;
    const x = Number(m[1]), z = Number(m[2]), year = Number(m[3]);
    if (year < 1800 || year > 2100 || x < 1 || z < 1) continue;
    let month: number, day: number;
    if (x > 12 && z <= 12) { day = x; month = z; } else if (z > 12 && x <= 12) { month = x; day = z; } else if (x === z) { month = day = x; } else continue;
    if (day > 31) continue;
    out.push(cand(t.start, t.end, { kind: 'date', year, month, day }));
  }
  return out;
}

/** "2026-01-06". */
function isoDates(doc: Doc): Cand[] {
  const out: Cand[] = [];
  const { toks } = doc;
  for (let i = 0; i + 4 < toks.length; i++) {
    const y = toks[i]!;
    if (y.kind !== 'num' || y.num!.intDigits !== 4 || y.num!.sep !== '' || y.num!.fracDigits !== 0) continue;
    const parts = [toks[i + 1]!, toks[i + 2]!, toks[i + 3]!, toks[i + 4]!];
    if (parts.some((t) => t.space)) continue;
    const [h1, m, h2, d] = parts;
    if (!HYPHENS.has(h1!.low) || !HYPHENS.has(h2!.low) || m!.kind !== 'num' || d!.kind !== 'num') continue;
    if (m!.num!.intDigits !== 2 || d!.num!.intDigits !== 2 || m!.num!.suffix || d!.num!.suffix || m!.num!.fracDigits || d!.num!.fracDigits) continue;
    const month = numValue(m!.num!);
    const day = numValue(d!.num!);
    const next = toks[i + 5];
    if (month < 1 || month > 12 || day < 1 || day > 31 || (next && !next.space && (next.kind === 'num' || HYPHENS.has(next.low)))) continue;
    out.push(cand(y.start, d!.end, { kind: 'date', year: numValue(y.num!), month, day }));
    i += 4;
  }
  return out;
}
