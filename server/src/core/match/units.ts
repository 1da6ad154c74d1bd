import type { Fact, Figure, FigureValue } from '../types';

// Nouns a draft may use for the same unit a fact is counted in. Language knowledge, not facts:
// "32 nations" counts what "30 countries" counts; "900,000 troops" sizes what "800,000-strong" does.
const CLASSES: string[][] = [
  ['year', 'yr'],
  ['country', 'nation', 'state', 'member', 'government', 'delegation', 'signatory'],
  ['strong', 'troop', 'soldier', 'personnel', 'serviceman', 'servicemember', 'fighter'],
  ['protester', 'demonstrator', 'marcher', 'person', 'people', 'participant'],
  ['layer', 'tier', 'fold', 'pillar', 'layered', 'tiered'],
  ['point', 'pointer'],
];
const CLASS_OF = new Map<string, number>();
CLASSES.forEach((members, i) => members.forEach((m) => CLASS_OF.set(m, i)));

export function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = CLASS_OF.get(a);
  return ca !== undefined && ca === CLASS_OF.get(b);
}

const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'anniversary', 'decade']);

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

/** Whether a figure could state this fact at all: same kind of value, same unit. */
export function fits(figure: Figure, fact: Fact): boolean {
  if (!COMPATIBLE[figure.value.kind].includes(fact.value.kind)) return false;
  if (isPercentish(figure.value) !== (isPercentish(fact.value) || fact.value.kind === 'percent')) return false;
  const counted = ['number', 'range', 'set', 'ordinal'];
  if (!counted.includes(fact.value.kind) || isPercentish(fact.value)) return true;
  if (fact.unit === null) return figure.unit === null;
  return figure.unit !== null && sameUnit(figure.unit, fact.unit);
}
