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

type PhraseTable = Map<string, Array<{ hedge: Hedge; words: string[] }>>;

/** Phrases by first word, longest first, so "just under" wins over "under". */
function byFirstWord(phrases: Array<[Hedge, string]>): PhraseTable {
  const table: PhraseTable = new Map();
  for (const [hedge, phrase] of phrases) {
    const words = phrase.split(' ');
    const list = table.get(words[0]!) ?? [];
    list.push({ hedge, words });
    table.set(words[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

export interface HedgeHit {
  hedge: Hedge;
  /** Last token of the hedge phrase. */
  last: number;
}

/** The longest phrase of the table at token i, whose first word is `first`. */
function phraseAt(table: PhraseTable, first: string | null, doc: Doc, i: number): HedgeHit | null {
  const list = first === null ? undefined : table.get(first);
  if (!list) return null;
  for (const { hedge, words } of list) {
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = spacedWord(doc, i + k) === words[k];
    if (ok) return { hedge, last: i + words.length - 1 };
  }
  return null;
}

const BEFORE = byFirstWord(PHRASES);

export const readHedge = (doc: Doc, i: number): HedgeHit | null => phraseAt(BEFORE, wordAt(doc, i), doc, i);

// Said after the figure: "2028 at the earliest", "20 years or more". Only phrases that cannot
// begin anything else there: "or" before a number is a list ("15 or 20 years"), not a bound.
const AFTER = byFirstWord([
  ['as-soon-as', 'at the earliest'], ['as-soon-as', 'as the earliest date'], ['as-soon-as', 'as the earliest possible date'],
  ['at-least', 'or more'], ['at-least', 'or longer'], ['at-least', 'at minimum'], ['at-least', 'at a minimum'], ['at-least', 'at least'],
  ['at-least', 'at the very least'], ['about', 'or so'], ['up-to', 'at most'], ['up-to', 'at the most'], ['up-to', 'at maximum'],
  ['up-to', 'at a maximum'], ['up-to', 'or less'], ['up-to', 'or fewer'],
]);

/** A bound said after a figure, from the figure's next token `i` (spaced from it). */
export const readTrailingHedge = (doc: Doc, i: number): HedgeHit | null => phraseAt(AFTER, spacedWord(doc, i), doc, i);

// "- **2028** — the earliest date some officials floated": what follows a line's label.
const AFTER_LABEL = byFirstWord([['as-soon-as', 'the earliest date'], ['as-soon-as', 'the earliest possible date']]);

/** A bound a line's label is given, from the first token after its dash `i`. */
export const readLabelHedge = (doc: Doc, i: number): HedgeHit | null => phraseAt(AFTER_LABEL, spacedWord(doc, i), doc, i);

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
