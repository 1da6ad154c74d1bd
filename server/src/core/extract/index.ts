import type { Figure, Hedge } from '../types';
import { type DateHit, findDates } from './dates';
import { type Scan, collectiveBefore, readFigure } from './figures';
import { readHedge, readLabelHedge, readTrailingHedge, skipFiller } from './hedges';
import { type Doc, lex, spacedWord } from './lexer';
import type { Cand } from './model';
import { YEAR_PREFIXES, markNoise } from './noise';
import { crowdVerbUnit, labelDash, labelUnit } from './units';

const COUNT_HEDGES = new Set<Hedge>(['more-than', 'less-than', 'at-least', 'nearly']);

export { baseUnitFold, formatNumber, formatOrdinal } from './format';
export { pointGroupsThousands } from './lexer';
export { numberToWords, ordinalToWords } from './numberWords';

export interface ExtractOptions {
  /**
   * Whether a point before three digits groups thousands ("800.000"): the whole draft's
   * convention when text is a part of it (pointGroupsThousands of the draft). By default the
   * text's own.
   */
  pointGroupsThousands?: boolean;
}

/**
 * Every figure in a text, in order and without overlaps. Pure and linear in the text's length:
 * the editor calls it on each keystroke. Never throws; on input it cannot read it returns fewer
 * figures, not an error.
 */
export function extractFigures(text: string, options: ExtractOptions = {}): Figure[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return extract(text, options.pointGroupsThousands);
  } catch {
    return [];
  }
}

function extract(text: string, pointGroups: boolean | undefined): Figure[] {
  const doc: Doc = { text, toks: lex(text, pointGroups) };
  const dates = findDates(doc);
  markNoise(doc);
  const scan: Scan = { doc, dates: new Map<number, DateHit>(dates.map((d) => [d.first, d])), lastYear: null };
  const { toks } = doc;
  const out: Figure[] = [];
  let i = 0;
  let lastEnd = 0;
  const emit = (c: Cand, hedgeFrom: number, hedgeTo: number, hedge: Figure['hedge']): void => {
    let k = i;
    while (k < toks.length && toks[k]!.start < c.end) k++;
    i = Math.max(k, i + 1);
    // Readers only look forward, so this never fires; it keeps the no-overlap promise regardless.
    const from = hedge ? toks[hedgeFrom]!.start : Math.min(c.start, c.hedge?.start ?? c.start);
    if (from < lastEnd || c.end <= c.start) return;
    lastEnd = c.end;
    const counts = c.unit === null && (c.value.kind === 'number' || c.value.kind === 'range');
    let firstTok = k;
    while (firstTok > 0 && toks[firstTok - 1]!.end > c.start) firstTok--;
    const figure: Figure = {
      span: { start: c.start, end: c.end },
      valueSpan: { start: c.vStart, end: c.vEnd },
      text: text.slice(c.start, c.end),
      value: c.value,
      // "an army of half a million": the readers of number words leave the noun before them to this.
      unit: counts ? crowdVerbUnit(spacedWord(doc, k)) ?? labelUnit(doc, firstTok, k) ?? collectiveBefore(doc, firstTok) : c.unit,
      hedge: hedge ?? c.hedge?.hedge ?? null,
      form: c.form,
    };
    if (hedge) figure.hedgeSpan = { start: toks[hedgeFrom]!.start, end: toks[hedgeTo]!.end };
    else if (c.hedge) figure.hedgeSpan = { start: c.hedge.start, end: c.hedge.end };
    else {
      const after = toks[k];
      const t = after && after.space && !after.line && after.start === c.end + 1 ? readTrailingHedge(doc, k) : null;
      if (t) { figure.hedge = t.hedge; figure.hedgeSpan = { start: after!.start, end: toks[t.last]!.end }; }
      else if (c.value.kind === 'year' || c.value.kind === 'date') {
        const d = labelDash(doc, firstTok, k);
        const l = d >= 0 ? readLabelHedge(doc, d + 1) : null;
        if (l) { figure.hedge = l.hedge; figure.hedgeSpan = { start: toks[d + 1]!.start, end: toks[l.last]!.end }; }
      }
    }
    out.push(figure);
    if (c.value.kind === 'year') scan.lastYear = { n: c.value.n, next: k };
  };
  while (i < toks.length) {
    const direct = readFigure(scan, i);
    if (direct) {
      emit(direct, i, i, null);
      continue;
    }
    const h = readHedge(doc, i);
    if (h) {
      let j = skipFiller(doc, h.last + 1);
      const t = toks[j];
      if (t && t.space && !t.para) {
        // "as early as mid-2025": the figure starts after the prefix.
        if (t.kind === 'word' && YEAR_PREFIXES.has(t.low) && toks[j + 1] && !toks[j + 1]!.space && !toks[j + 2]?.space) j += 2;
        const c = readFigure(scan, j);
        if (c) {
          // "more than 2000", "nearly 1900": a quantity hedge makes a bare four-digit number a count.
          if (c.value.kind === 'year' && COUNT_HEDGES.has(h.hedge) && c.start === c.vStart) {
            c.value = { kind: 'number', n: c.value.n };
            c.form = { numeral: 'digits', compound: false, thousandsSeparator: '' };
          }
          emit(c, i, h.last, h.hedge);
          continue;
        }
      }
    }
    i++;
  }
  return out;
}
