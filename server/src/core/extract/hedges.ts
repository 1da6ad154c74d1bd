import type { Hedge } from '../types';
import { type Doc, wordAt, spacedWord } from './lexer';
import { ARTICLE_UNITS } from './quantities';

// Hedges are kept beside a figure, not inside it: "roughly 250,000" states 250,000 and says how
// firmly. The checker compares the hedge with the source's qualifier separately.

const PHRASES: Array<[Hedge, string]> = [
  ['about', 'about'], ['about', 'roughly'], ['about', 'around'], ['about', 'approximately'], ['about', 'approx'],
  ['about', 'some'], ['about', 'an estimated'], ['about', 'estimated'], ['about', 'circa'], ['about', 'an approximate'],
  ['nearly', 'nearly'], ['nearly', 'almost'], ['nearly', 'close to'], ['nearly', 'just under'], ['nearly', 'just shy of'],
  ['nearly', 'just below'], ['nearly', 'not quite'],
  ['at-least', 'at least'], ['at-least', 'a minimum of'], ['at-least', 'minimum of'], ['at-least', 'a minimum'],
  ['at-least', 'minimum'], ['at-least', 'no fewer than'], ['at-least', 'no less than'], ['at-least', 'not less than'],
  ['more-than', 'more than'], ['more-than', 'over'], ['more-than', 'upwards of'], ['more-than', 'upward of'],
  ['more-than', 'in excess of'], ['more-than', 'above'], ['more-than', 'just over'], ['more-than', 'well over'],
  ['more-than', 'greater than'], ['more-than', 'well above'],
  ['up-to', 'up to'], ['up-to', 'as many as'], ['up-to', 'as much as'], ['up-to', 'a maximum of'], ['up-to', 'maximum of'],
  ['less-than', 'less than'], ['less-than', 'under'], ['less-than', 'fewer than'], ['less-than', 'below'],
  ['as-soon-as', 'as soon as'], ['as-soon-as', 'as early as'],
];

/** Phrases by first word, longest first, so "just under" wins over "under". */
const BY_FIRST = new Map<string, Array<{ hedge: Hedge; words: string[] }>>();
for (const [hedge, phrase] of PHRASES) {
  const words = phrase.split(' ');
  const list = BY_FIRST.get(words[0]!) ?? [];
  list.push({ hedge, words });
  BY_FIRST.set(words[0]!, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

export interface HedgeHit {
  hedge: Hedge;
  /** Last token of the hedge phrase. */
  last: number;
}

export function readHedge(doc: Doc, i: number): HedgeHit | null {
  const first = wordAt(doc, i);
  if (first === null) return null;
  const list = BY_FIRST.get(first);
  if (!list) return null;
  for (const { hedge, words } of list) {
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = spacedWord(doc, i + k) === words[k];
    if (ok) return { hedge, last: i + words.length - 1 };
  }
  return null;
}

// Said after the figure: "2028 at the earliest", "20 years or more". Only phrases that cannot
// begin anything else there: "or" before a number is a list ("15 or 20 years"), not a bound.
const TRAILING: Array<[Hedge, string]> = [
  ['as-soon-as', 'at the earliest'], ['as-soon-as', 'as the earliest date'], ['as-soon-as', 'as the earliest possible date'],
  ['at-least', 'or more'], ['at-least', 'or longer'], ['at-least', 'at minimum'], ['at-least', 'at a minimum'], ['at-least', 'at least'],
  ['at-least', 'at the very least'], ['about', 'or so'], ['up-to', 'at most'], ['up-to', 'at the most'], ['up-to', 'at maximum'],
  ['up-to', 'at a maximum'], ['up-to', 'or less'], ['up-to', 'or fewer'],
];
const TRAILING_BY_FIRST = new Map<string, Array<{ hedge: Hedge; words: string[] }>>();
for (const [hedge, phrase] of TRAILING) {
  const words = phrase.split(' ');
  const list = TRAILING_BY_FIRST.get(words[0]!) ?? [];
  list.push({ hedge, words });
  TRAILING_BY_FIRST.set(words[0]!, list);
}
for (const list of TRAILING_BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

/** A bound said after a figure, from the figure's next token `i` (spaced from it). */
export function readTrailingHedge(doc: Doc, i: number): HedgeHit | null {
  const first = spacedWord(doc, i);
  const list = first === null ? undefined : TRAILING_BY_FIRST.get(first);
  if (!list) return null;
  for (const { hedge, words } of list) {
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = spacedWord(doc, i + k) === words[k];
    if (ok) return { hedge, last: i + words.length - 1 };
  }
  return null;
}

/** "- **2028** — the earliest date some officials floated": a bound a line's label is given, from `i`. */
export function readLabelHedge(doc: Doc, i: number): HedgeHit | null {
  if (spacedWord(doc, i) !== 'the' || spacedWord(doc, i + 1) !== 'earliest') return null;
  if (spacedWord(doc, i + 2) === 'date') return { hedge: 'as-soon-as', last: i + 2 };
  return spacedWord(doc, i + 2) === 'possible' && spacedWord(doc, i + 3) === 'date' ? { hedge: 'as-soon-as', last: i + 3 } : null;
}

/** Words that may stand between a hedge and its number: "at least another two years". */
export function skipFiller(doc: Doc, i: number): number {
  const w = spacedWord(doc, i);
  // "at least another year": "another" is the figure's own article there (quantities.ts).
  if (w === 'another' && ARTICLE_UNITS.has(spacedWord(doc, i + 1) ?? '')) return i;
  if (w === 'another' || w === 'more') return i + 1;
  const next = spacedWord(doc, i + 1);
  if ((w === 'a' && next === 'further') || (w === 'an' && (next === 'additional' || next === 'extra' || next === 'estimated'))) return i + 2;
  return i;
}
