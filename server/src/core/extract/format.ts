import type { FigureForm } from '../types';
import { numberToWords, ordinalSuffix, ordinalToWords } from './numberWords';

// Writing a sourced value in the draft's own style, for replacements: "three" -> "two",
// "250,000" -> "200,000", "1.5 million" -> "2 million", "two decades" -> "fifteen years".

const SCALES = new Map<string, number>([
  ['k', 1e3], ['thousand', 1e3], ['m', 1e6], ['mn', 1e6], ['million', 1e6], ['b', 1e9], ['bn', 1e9], ['billion', 1e9],
  ['tn', 1e12], ['trillion', 1e12],
]);
/** Unit nouns folded into a value ("two decades", "a year"): singular, plural, factor, and the unit a bad fit falls back to. */
const NOUNS = new Map<string, { one: string; many: string; scale: number; fallback?: string }>();
for (const [one, many, scale, fallback] of [
  ['decade', 'decades', 10, 'year'], ['year', 'years', 1], ['month', 'months', 1], ['week', 'weeks', 1], ['day', 'days', 1],
  ['hour', 'hours', 1], ['minute', 'minutes', 1], ['fortnight', 'fortnights', 1], ['century', 'centuries', 100, 'year'],
] as Array<[string, string, number, string?]>) {
  const def = { one, many, scale, ...(fallback ? { fallback } : {}) };
  NOUNS.set(one, def);
  NOUNS.set(many, def);
}
const PLURALS = new Map<string, string>([...NOUNS.values()].map((d) => [d.one, d.many]));

const isClean = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

function digits(v: number, sep: string): string {
  if (!Number.isFinite(v) || Math.abs(v) >= 1e21) return String(v);
  const neg = v < 0;
  const fixed = Math.abs(v).toFixed(2).replace(/\.?0+$/, '');
  const [int, frac] = fixed.split('.') as [string, string?];
  let grouped = int;
  if (sep && int.length > 3) {
    const parts: string[] = [];
    for (let e = int.length; e > 0; e -= 3) parts.unshift(int.slice(Math.max(0, e - 3), e));
    grouped = parts.join(sep);
  }
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

function plain(v: number, like: FigureForm): string {
  if (like.numeral === 'words' && Math.abs(v) < 1e15 && Number.isInteger(v * 2)) return numberToWords(v);
  return digits(v, like.thousandsSeparator ?? ',');
}

/**
 * A value written like `like`: digits with the draft's thousands separator or words, its scale
 * or folded unit again ("k", " million", " decades"), and its percent style. The result replaces
 * a figure's valueSpan.
 */
export function formatNumber(n: number, like: FigureForm): string {
  const pct = like.percentStyle ?? '';
  const m = like.multiplier;
  if (!m) return plain(n, like) + pct;
  const word = /[A-Za-z]+$/.exec(m)?.[0] ?? '';
  // "half a century": the article belongs to "half", not to the number written in its place.
  const written = m.slice(0, m.length - word.length);
  const joiner = /\p{L}/u.test(written) ? ' ' : written;
  const lower = word.toLowerCase();
  const scale = SCALES.get(lower);
  if (scale !== undefined) {
    const v = n / scale;
    // Without its scale word the full number needs grouping even if "800k" had none; under one of
    // the scale, the full number reads better too ("800,000-strong", not "0.8 million-strong").
    return (isClean(v) && v >= 1 ? plain(v, like) + m : plain(n, { ...like, thousandsSeparator: like.thousandsSeparator || ',' })) + pct;
  }
  const noun = NOUNS.get(lower);
  if (!noun) return plain(n, like) + pct;
  const hyphenated = /[-\u2010\u2011]$/.test(joiner);
  const inflect = (one: string, many: string, v: number) => (hyphenated || v === 1 ? one : many);
  const v = n / noun.scale;
  if (Number.isInteger(v) || !noun.fallback) return `${plain(v, like)}${joiner}${inflect(noun.one, noun.many, v)}${pct}`;
  const fb = noun.fallback;
  return `${plain(n, like)}${joiner}${inflect(fb, PLURALS.get(fb) ?? `${fb}s`, n)}${pct}`;
}

/**
 * A unit folded into the value (" decades", " a century") in its base unit (" years"), for a value
 * written in digits: "two decades" becomes "20 years", not "2 decades". Undefined for a scale
 * (" million") or no multiplier.
 */
export function baseUnitFold(multiplier: string | undefined): string | undefined {
  const word = multiplier ? /[A-Za-z]+$/.exec(multiplier)?.[0]?.toLowerCase() : undefined;
  const noun = word !== undefined ? NOUNS.get(word) : undefined;
  if (!noun) return undefined;
  return noun.fallback ? ` ${PLURALS.get(noun.fallback) ?? `${noun.fallback}s`}` : multiplier;
}

/** "fourth" or "4th", as the draft wrote its ordinal. */
export function formatOrdinal(n: number, like: FigureForm): string {
  return like.numeral === 'words' ? ordinalToWords(n) : `${n}${ordinalSuffix(n)}`;
}
