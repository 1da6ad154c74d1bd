import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../server/src/core/extract';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { lexiconFor } from '../../server/src/core/match/lexicon';
import { fitClass, fits } from '../../server/src/core/match/units';

const root = resolve(__dirname, '../..');
const { base } = parseFactBase(parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')));

// Every kind of figure the readers make: counts with and without units, shares, ranges, sets,
// ordinals, dates, years and decades.
const figures = extractFigures([
  'Some 200,000 protesters marched; 35 countries signed; 26 countries pledged troops and 3 layers.',
  'Moscow holds 75% of Donetsk, between 20% and 30% of it, and a fifth of Ukraine.',
  'A 15-year guarantee, 30, 40 or 50 years, two decades, 800,000 troops, a 600,000-strong army.',
  'The fourth anniversary came on January 6, 2026; the invasion of 2022; the 1990s; in March 2025.',
  'Kyiv asked for 20 points, then 22 points; 48 hours later; 1,000 km of front line; 90 percent.',
].join('\n\n'));

describe('lexicon: fit classes', () => {
  const lex = lexiconFor(base);

  it('keeps one fact of each class a subject has, and no other', () => {
    for (const [subject, facts] of lex.factsBySubject) {
      const reps = lex.fitClasses(subject);
      expect(new Set(reps.map(fitClass)).size).toBe(reps.length);
      expect(new Set(reps.map(fitClass))).toEqual(new Set(facts.map(fitClass)));
      for (const r of reps) expect(facts).toContain(r);
    }
  });

  it('a class fits the figures each of its facts fits', () => {
    expect(figures.length).toBeGreaterThan(20);
    let fitted = 0;
    for (const [subject, facts] of lex.factsBySubject) {
      const reps = new Map(lex.fitClasses(subject).map((r) => [fitClass(r), r]));
      for (const fact of facts) {
        for (const figure of figures) {
          const fitsFact = fits(figure, fact);
          if (fitsFact) fitted++;
          expect(fits(figure, reps.get(fitClass(fact))!), `${figure.text} / ${fact.id}`).toBe(fitsFact);
        }
      }
    }
    // The figures above are read as something: a test of classes no figure fits would prove nothing.
    expect(fitted).toBeGreaterThan(100);
  });
});
