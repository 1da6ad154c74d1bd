import { HYPHENS } from './chars';
import { type Doc, glued, wordAt } from './lexer';
import type { Cand } from './model';
import { ORDINAL_WORDS, tensValue } from './numberWords';
import { readUnit } from './units';

// "fourth anniversary", "fifth year", "4th", "twenty-first century". Spelled-out ordinals count
// only before a noun; "first" and "second" are so common in other senses ("the first step",
// "a second") that they count only before nouns that mark a sequence of occasions.

const SEQUENCE_NOUNS = new Set(['anniversary', 'year', 'round', 'day', 'week', 'month', 'decade', 'century', 'term',
  'quarter', 'phase', 'stage', 'session', 'summit', 'meeting', 'tranche', 'package', 'wave', 'edition', 'attempt']);

export function readOrdinal(doc: Doc, i: number): Cand | null {
  const t = doc.toks[i];
  if (!t || t.skip) return null;
  if (t.kind === 'num') {
    const num = t.num!;
    if (num.suffix !== 'st' && num.suffix !== 'nd' && num.suffix !== 'rd' && num.suffix !== 'th') return null;
    if (num.leadingZero) return null;
    const unit = readUnit(doc, i + 1);
    const end = unit ? doc.toks[unit.last]!.end : t.end;
    return {
      start: t.start, end, vStart: t.start, vEnd: t.end, value: { kind: 'ordinal', n: num.mantissa },
      unit: unit?.unit ?? null, form: { numeral: 'digits', compound: false },
    };
  }
  const w = wordAt(doc, i);
  if (w === null) return null;
  let n = ORDINAL_WORDS.get(w);
  let last = i;
  if (n === undefined) {
    // "twenty-first".
    const tens = tensValue(w);
    const h = doc.toks[i + 1];
    if (tens === undefined || !h || !HYPHENS.has(h.low) || h.space || !glued(doc, i + 2)) return null;
    const u = ORDINAL_WORDS.get(wordAt(doc, i + 2) ?? '');
    if (u === undefined || u > 9) return null;
    n = tens + u;
    last = i + 2;
  }
  const unit = readUnit(doc, last + 1);
  if (!unit) return null;
  if ((n === 1 || n === 2) && last === i && !SEQUENCE_NOUNS.has(unit.unit)) return null;
  return {
    start: t.start, end: doc.toks[unit.last]!.end, vStart: t.start, vEnd: doc.toks[last]!.end,
    value: { kind: 'ordinal', n }, unit: unit.unit, form: { numeral: 'words', compound: false },
  };
}
