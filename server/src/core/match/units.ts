import type { Fact, Figure, FigureValue } from '../types';

// Nouns a draft may use for the same unit a fact is counted in. Language knowledge, not facts:
// "32 nations" counts what "30 countries" counts; "900,000 troops" sizes what "800,000-strong" does.
const CLASSES: string[][] = [
  ['year', 'yr'],
  ['country', 'nation', 'state', 'member', 'government', 'delegation', 'signatory', 'power'],
  ['strong', 'troop', 'soldier', 'personnel', 'serviceman', 'servicemember', 'fighter'],
  ['protester', 'demonstrator', 'marcher', 'person', 'people', 'participant'],
  ['layer', 'tier', 'fold', 'pillar', 'layered', 'tiered'],
  ['point', 'pointer'],
];
const CLASS_OF = new Map<string, number>();
CLASSES.forEach((members, i) => members.forEach((m) => CLASS_OF.set(m, i)));

// Durations a draft may give in a neighbouring unit: "18 months" states "two years" wrongly,
// "six weeks" is "several weeks". Only neighbours convert, so a 20-minute speech never meets a
// guarantee length.
const DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30.4375, year: 365.25, decade: 3652.5, century: 36525 };
// Hours and days are neighbours too ("48 hours after" is two days after); months and days are not.
const MAX_NEIGHBOUR_RATIO = 24;

/** Factor that turns a count in unit `from` into unit `to` (1 when the same unit); null when they do not convert. */
export function unitScale(from: string | null, to: string | null): number | null {
  if (from === to || from === null || to === null) return 1;
  const a = DAYS[from], b = DAYS[to];
  if (a === undefined || b === undefined) return sameUnit(from, to) ? 1 : null;
  return Math.max(a, b) / Math.min(a, b) <= MAX_NEIGHBOUR_RATIO ? a / b : null;
}

export function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = CLASS_OF.get(a);
  return ca !== undefined && ca === CLASS_OF.get(b);
}

const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'anniversary', 'decade']);

/** A span of time ("days", "years"), as opposed to a count of things. */
export const isTimeUnit = (unit: string | null): boolean => unit !== null && TIME_UNITS.has(unit);

/**
 * A unit that on its own says what is counted ("countries", "-strong"), as opposed to time units
 * that fit countless claims. Only these may be matched from a heading or a list's lead-in.
 */
export function isDistinctiveUnit(unit: string | null): boolean {
  return unit !== null && !TIME_UNITS.has(unit);
}

type Kind = FigureValue['kind'];
const COMPATIBLE: Record<Kind, Kind[]> = {
  number: ['number', 'range', 'set'],
  range: ['number', 'range', 'set', 'percent'],
  set: ['number', 'range', 'set'],
  percent: ['percent', 'range'],
  ordinal: ['ordinal'],
  date: ['date', 'year'],
  year: ['year', 'date', 'decade'],
  decade: ['year', 'decade'],
};

const isPercentish = (v: FigureValue) => v.kind === 'percent' || (v.kind === 'range' && v.percent);

const COUNTED: ReadonlySet<Kind> = new Set(['number', 'range', 'set', 'ordinal']);

/** Whether a figure could state this fact at all: same kind of value, same unit. */
export function fits(figure: Figure, fact: Fact): boolean {
  if (!COMPATIBLE[figure.value.kind].includes(fact.value.kind)) return false;
  if (isPercentish(figure.value) !== (isPercentish(fact.value) || fact.value.kind === 'percent')) return false;
  if (!COUNTED.has(fact.value.kind) || isPercentish(fact.value)) return true;
  if (fact.unit === null) return figure.unit === null;
  return figure.unit !== null && (sameUnit(figure.unit, fact.unit) || (figure.value.kind !== 'ordinal' && unitScale(figure.unit, fact.unit) !== null));
}

/** What `fits` reads of a fact: two facts of one class fit the same figures. */
export const fitClass = (fact: Fact): string => `${fact.value.kind} ${isPercentish(fact.value)} ${fact.unit ?? ''}`;
