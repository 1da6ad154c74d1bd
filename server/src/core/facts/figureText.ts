// The figure a fact states, as its own words write it ("about 75%", "800,000-strong",
// "January 6, 2026"), for inserting into a draft. The statement is the curator's phrasing of the
// fact and the quote the article's; both are prose, so the figure lexer finds the figure in them
// and the span is copied verbatim: no formatter can guess a house style better than the source.
import { extractFigures } from '../extract';
import type { Fact, FactValue, Figure, FigureValue } from '../types';

function sameValue(a: FigureValue, b: FactValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'date': {
      const d = b as Extract<FactValue, { kind: 'date' }>;
      return a.year === d.year && a.month === d.month && a.day === d.day;
    }
    case 'set': {
      const s = b as Extract<FactValue, { kind: 'set' }>;
      return a.values.length === s.values.length && a.values.every((v, i) => v === s.values[i]);
    }
    case 'range': {
      const r = b as Extract<FactValue, { kind: 'range' }>;
      return a.min === r.min && a.max === r.max;
    }
    case 'decade':
      return a.start === (b as Extract<FactValue, { kind: 'decade' }>).start;
    default:
      return a.n === (b as { n: number }).n;
  }
}

/** The figure's text with its hedge ("about 75%"): a hedge is part of what the source claims. */
function written(text: string, f: Figure): string {
  return text.slice(Math.min(f.hedgeSpan?.start ?? f.span.start, f.span.start), f.span.end);
}

/**
 * The fact's figure as written: the figure in the statement whose value is the fact's, else the
 * one in the quote, else the statement's first figure of the right kind, else the statement up to
 * its first parenthesis (statements put context in parentheses: "15 years (the US offer)").
 */
export function figureText(fact: Pick<Fact, 'value' | 'statement' | 'quote'>): string {
  const inStatement = extractFigures(fact.statement);
  for (const text of [fact.statement, fact.quote.text]) {
    const figures = text === fact.statement ? inStatement : extractFigures(text);
    const hit = figures.find((f) => sameValue(f.value, fact.value));
    if (hit) return written(text, hit);
  }
  const sameKind = inStatement.find((f) => f.value.kind === fact.value.kind);
  if (sameKind) return written(fact.statement, sameKind);
  return fact.statement.replace(/\s*\(.*$/s, '').trim() || fact.statement;
}
