import type { Fact, FactValue, Figure, FigureValue, Hedge } from '../types';

/**
 * When does a figure agree with a fact? The rule, written down (README "How figures are compared"):
 *
 * 1. Bounds. When the source gives a bound ("at least 20 years", "up to 50", "as soon as 2027"),
 *    the draft must state the same bound number; its own hedge is not judged.
 * 2. Approximations. "about n" covers n ± 5 %, "nearly n" covers [0.95 n, n], "more than n" /
 *    "at least n" cover [n, ∞), "up to n" / "less than n" cover [0, n]. A draft figure agrees with
 *    a fact when the two intervals meet: "nearly 80%" agrees with "about 75%", "85%" does not, and
 *    "roughly 250,000" does not agree with "approximately 200,000".
 * 3. Vague words are ranges ("several" 3–9, "thousands" 2,000–9,999, "nearly all" 90–100 %); a
 *    set ("30, 40, 50 years") is agreed with by any member or by a range whose ends are members.
 * 4. Dates compare the components both sides state (a draft's "January 22" agrees with
 *    2026-01-22); years and ordinals compare exactly.
 */
const TOLERANCE = 0.05;
const BOUNDS: ReadonlySet<Hedge> = new Set(['at-least', 'up-to', 'as-soon-as']);

type Interval = [number, number];

function hedged(n: number, hedge: Hedge | null): Interval {
  switch (hedge) {
    case 'about': return [n * (1 - TOLERANCE), n * (1 + TOLERANCE)];
    case 'nearly': return [n * (1 - TOLERANCE), n];
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

function intervalOf(v: FigureValue | FactValue, hedge: Hedge | null): Interval | null {
  switch (v.kind) {
    case 'number': case 'percent': return hedged(v.n, hedge);
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
  const a = figure.value, b = fact.value;
  if (a.kind === 'date' || a.kind === 'year' || a.kind === 'decade' || b.kind === 'date' || b.kind === 'year') return datesAgree(a, b);
  if (a.kind === 'ordinal' || b.kind === 'ordinal') return a.kind === 'ordinal' && b.kind === 'ordinal' && a.n === b.n;

  if (b.kind === 'set') {
    const members = new Set(b.values);
    return numbersOf(a).every((n) => members.has(n));
  }
  if (fact.qualifier && BOUNDS.has(fact.qualifier) && (b.kind === 'number' || b.kind === 'percent')) {
    return numbersOf(a).some((n) => Math.abs(n - b.n) < 1e-9);
  }
  if (a.kind === 'set') return a.values.every((n) => meets(hedged(n, figure.hedge), intervalOf(b, fact.qualifier) ?? [NaN, NaN]));
  const ia = intervalOf(a, figure.hedge), ib = intervalOf(b, fact.qualifier);
  return ia && ib ? meets(ia, ib) : null;
}

/** Distance between what a figure says and a fact, to rank which fact a wrong figure meant. */
export function distance(figure: Figure, fact: Fact): number {
  const a = numbersOf(figure.value), b = numbersOf(fact.value);
  if (!a.length || !b.length) return Infinity;
  let best = Infinity;
  for (const x of a) for (const y of b) best = Math.min(best, Math.abs(x - y) / Math.max(1, Math.abs(y)));
  return best;
}
