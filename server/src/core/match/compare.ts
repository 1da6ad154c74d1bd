import type { Fact, FactValue, Figure, FigureValue, Hedge } from '../types';
import { unitScale } from './units';

/**
 * When does a figure agree with a fact? The rule, written down (README "How figures are compared"):
 *
 * 1. Bounds. When the source gives a bound ("at least 20 years", "up to 50", "as soon as 2027"),
 *    the draft must state the same bound number, and not the opposite bound ("up to 20 years"
 *    contradicts "at least 20"). A bound in the draft ("more than 200,000") must name a number
 *    within the fact's range, or at most 15 % looser in its own direction. A list or range must
 *    reach the bound and stay on its side ("30, 40, 50 or 60 years" goes past "up to 50").
 * 2. Approximations. "about n" covers n ± 5 %, "nearly n" covers [0.9 n, n], "more than n" /
 *    "at least n" cover [n, ∞), "up to n" / "less than n" cover [0, n]. A draft figure agrees with
 *    a fact when the two intervals meet: "nearly 80%" agrees with "about 75%", "85%" does not, and
 *    "roughly 250,000" does not agree with "approximately 200,000". Two approximations are two
 *    round figures: "about 80%" must itself fall within "about 75%" (it does not). A share's
 *    "about" reaches 2 points at most: "roughly 95%" is not 99%.
 * 3. Vague words are ranges ("several" 3–9, "thousands" 2,000–9,999, "nearly all" 90–100 %); a
 *    set ("30, 40, 50 years") is agreed with by any member or by a range whose ends are members.
 * 4. Durations in neighbouring units convert ("18 months" is 1.5 years).
 * 5. Dates compare the components both sides state (a draft's "January 22" agrees with
 *    2026-01-22); years and ordinals compare exactly.
 */
const TOLERANCE = 0.05;
// "Nearly a year" is said of eleven months: a writer rounds up from a little further below.
const NEARLY = 0.1;
const DIRECTION: Partial<Record<Hedge, 'lower' | 'upper'>> = {
  'at-least': 'lower', 'more-than': 'lower', 'as-soon-as': 'lower', 'up-to': 'upper', 'less-than': 'upper',
};
/** How far a draft's bound may sit beyond the sourced figure and still be a fair statement of it. */
const LOOSE_BOUND = 0.15;

type Interval = [number, number];

function hedged(n: number, hedge: Hedge | null): Interval {
  switch (hedge) {
    case 'about': return [n * (1 - TOLERANCE), n * (1 + TOLERANCE)];
    case 'nearly': return [n * (1 - NEARLY), n];
    case 'at-least': case 'more-than': case 'as-soon-as': return [n, Infinity];
    case 'up-to': case 'less-than': return [0, n];
    default: return [n, n];
  }
}

/** The numbers a value states, for bound comparison and for "closest fact" ranking. */
export function numbersOf(v: FigureValue | FactValue): number[] {
  switch (v.kind) {
    case 'number': case 'percent': case 'ordinal': case 'year': return [v.n];
    case 'range': return [v.min, v.max];
    case 'set': return v.values;
    case 'decade': return [v.start];
    case 'date': return v.year !== undefined ? [v.year] : [];
  }
}

// A share is rounded in points, not in proportion: "roughly 95%" is not the sources' 99%, though
// 99 lies within 5 % of 95.
const ABOUT_POINTS = 2;

function intervalOf(v: FigureValue | FactValue, hedge: Hedge | null): Interval | null {
  switch (v.kind) {
    case 'number': return hedged(v.n, hedge);
    case 'percent': {
      const [lo, hi] = hedged(v.n, hedge);
      return hedge === 'about' ? [Math.max(lo, v.n - ABOUT_POINTS), Math.min(hi, v.n + ABOUT_POINTS)] : [lo, hi];
    }
    case 'range': return [v.min, v.max];
    case 'decade': return [v.start, v.start + 9];
    default: return null;
  }
}

const meets = (a: Interval, b: Interval) => a[0] <= b[1] + 1e-9 && b[0] <= a[1] + 1e-9;

function yearOf(v: FigureValue | FactValue): number | undefined {
  return v.kind === 'year' ? v.n : v.kind === 'date' ? v.year : undefined;
}

function datesAgree(a: FigureValue, b: FactValue): boolean | null {
  const ya = yearOf(a), yb = yearOf(b);
  if (a.kind === 'decade') return yb === undefined ? null : yb >= a.start && yb <= a.start + 9;
  let compared = false;
  if (ya !== undefined && yb !== undefined) { if (ya !== yb) return false; compared = true; }
  if (a.kind === 'date' && b.kind === 'date') {
    if (a.month !== undefined && b.month !== undefined) { if (a.month !== b.month) return false; compared = true; }
    if (a.day !== undefined && b.day !== undefined) {
      if (a.month === undefined || b.month === undefined || a.month !== b.month) return null;
      if (a.day !== b.day) return false;
      compared = true;
    }
  }
  return compared ? true : null;
}

/**
 * true: agrees; false: contradicts; null: the two cannot be compared (a date without the
 * component the fact states), which callers treat as "say nothing".
 */
export function agrees(figure: Figure, fact: Fact): boolean | null {
  const b = fact.value;
  if (figure.value.kind === 'date' || figure.value.kind === 'year' || figure.value.kind === 'decade' || b.kind === 'date' || b.kind === 'year') return datesAgree(figure.value, b);
  if (figure.value.kind === 'ordinal' || b.kind === 'ordinal') return figure.value.kind === 'ordinal' && b.kind === 'ordinal' && figure.value.n === b.n;

  const scale = unitScale(figure.unit, fact.unit) ?? 1;
  const a = scaled(figure.value, scale);
  // Converted durations ("24 months" for two years) are compared with a little slack.
  const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9 + (scale === 1 ? 0 : 0.03 * Math.abs(y));

  if (b.kind === 'set') return numbersOf(a).every((n) => b.values.some((v) => same(n, v)));
  const hd = figure.hedge ? DIRECTION[figure.hedge] : undefined;
  const fd = fact.qualifier ? DIRECTION[fact.qualifier] : undefined;
  // "up to 20 years" says the opposite of "a minimum of 20 years".
  if (hd && fd && hd !== fd) return false;
  if (fd && (b.kind === 'number' || b.kind === 'percent')) {
    // A list or range must reach the bound and stay on its side: "30, 40, 50 or 60 years" goes
    // past "up to 50".
    const ns = numbersOf(a);
    const inside = (n: number) => same(n, b.n) || (fd === 'upper' ? n < b.n : n > b.n);
    return ns.some((n) => same(n, b.n)) && ns.every(inside);
  }
  const ib = intervalOf(b, fact.qualifier);
  if (hd && (a.kind === 'number' || a.kind === 'percent') && ib) {
    // A bound in the draft names a number of its own: "more than 200,000" fits "approximately
    // 200,000", "more than 250,000" does not, and "up to 50 years" does not fit an offer of 15.
    // "nearly a year" stays under a year: "more than a year" is past it.
    if (hd === 'lower' && fact.qualifier === 'nearly' && a.n >= ib[1] - 1e-9) return false;
    return hd === 'lower'
      ? a.n <= ib[1] + 1e-9 && a.n >= ib[0] * (1 - LOOSE_BOUND)
      : a.n >= ib[0] - 1e-9 && a.n <= ib[1] * (1 + LOOSE_BOUND);
  }
  if (a.kind === 'set') return a.values.every((n) => meets(hedged(n, figure.hedge), ib ?? [NaN, NaN]));
  // Two round figures are two claims: "about 80%" is not the sources' "about 75%", though each
  // is ±5 %. The draft's own number must fall within the source's reach.
  if (figure.hedge === 'about' && fact.qualifier === 'about' && (a.kind === 'number' || a.kind === 'percent') && ib) return a.n >= ib[0] - 1e-9 && a.n <= ib[1] + 1e-9;
  const ia = intervalOf(a, figure.hedge);
  return ia && ib ? meets(ia, ib) : null;
}

function scaled(v: FigureValue, k: number): FigureValue {
  if (k === 1) return v;
  switch (v.kind) {
    case 'number': return { kind: 'number', n: v.n * k };
    case 'range': return { ...v, min: v.min * k, max: v.max * k };
    case 'set': return { kind: 'set', values: v.values.map((n) => n * k) };
    default: return v;
  }
}

/** Distance between what a figure says and a fact, to rank which fact a wrong figure meant. */
export function distance(figure: Figure, fact: Fact): number {
  const a = numbersOf(figure.value), b = numbersOf(fact.value);
  if (!a.length || !b.length) return Infinity;
  let best = Infinity;
  for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x - y) / Math.max(1, Math.abs(y)));
  return best;
}
