import { describe, expect, it } from 'vitest';
import { loadBundledFactBase } from '../../server/src/core/facts/bundled';
import { figureText } from '../../server/src/core/facts/figureText';
import type { FactValue } from '../../server/src/core/types';

const fact = (value: FactValue, statement: string, quote = '') => ({ value, statement, quote: { source: 's', text: quote } });

describe('figureText: the figure Find Fact inserts', () => {
  it('copies the statement\'s figure with its hedge and unit, as written', () => {
    expect(figureText(fact({ kind: 'percent', n: 75 }, 'about 75% of Donetsk held by Russia'))).toBe('about 75%');
    expect(figureText(fact({ kind: 'number', n: 800000 }, 'the 800,000-strong Ukrainian military'))).toBe('800,000-strong');
    expect(figureText(fact({ kind: 'number', n: 20 }, 'at least 20 years (the demand)'))).toBe('at least 20 years');
    expect(figureText(fact({ kind: 'date', year: 2026, month: 1, day: 6 }, 'January 6, 2026 (Paris meeting)'))).toBe('January 6, 2026');
    expect(figureText(fact({ kind: 'set', values: [30, 40, 50] }, '30, 40 or 50 years (audio message)'))).toBe('30, 40 or 50 years');
  });

  it('picks the figure whose value is the fact\'s, not the first one', () => {
    expect(figureText(fact({ kind: 'year', n: 2015 }, 'signed in 2015, a year after the 2014 accord'))).toBe('2015');
  });

  it('falls back to the quote, then to a figure of the same kind, then to the statement before its parenthesis', () => {
    expect(figureText(fact({ kind: 'percent', n: 62 }, 'the reservoir level (weekly bulletin)', 'Lake Orvin is 62% full.'))).toBe('62%');
    expect(figureText(fact({ kind: 'percent', n: 62 }, 'roughly 60% full (rounded)', 'no figure here'))).toBe('roughly 60%');
    expect(figureText(fact({ kind: 'number', n: 1 }, 'every energy facility hit (the minister)', 'no facility left unscathed'))).toBe('every energy facility hit');
  });

  it('gives every bundled fact a figure that its statement or quote contains', () => {
    for (const f of loadBundledFactBase().facts) {
      const figure = figureText(f);
      expect(figure.length, f.id).toBeGreaterThan(0);
      expect(f.statement.includes(figure) || f.quote.text.includes(figure), `${f.id}: ${figure}`).toBe(true);
    }
  });
});
