import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Figure, Finding, Span } from '../core/types';

// The core speaks UTF-16 offsets (JS string indices), LSP speaks UTF-16 line/character; the
// TextDocument does the conversion, including \r\n and surrogate pairs.

export const spanToRange = (doc: TextDocument, span: Span): Range => ({
  start: doc.positionAt(span.start),
  end: doc.positionAt(span.end),
});

export const rangeToSpan = (doc: TextDocument, range: Range): Span => {
  const a = doc.offsetAt(range.start);
  const b = doc.offsetAt(range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
};

export const offsetOf = (doc: TextDocument, position: Position): number => doc.offsetAt(position);

/** The figure with its hedge ("about 75%"): what a reader points at when hovering. */
export function figureExtent(figure: Figure): Span {
  const start = figure.hedgeSpan ? Math.min(figure.hedgeSpan.start, figure.span.start) : figure.span.start;
  const end = figure.hedgeSpan ? Math.max(figure.hedgeSpan.end, figure.span.end) : figure.span.end;
  return { start, end };
}

/** Closed-interval overlap, so a cursor (empty span) at either edge of a figure still counts. */
export const touches = (a: Span, b: Span): boolean => a.start <= b.end && b.start <= a.end;

/** The innermost figure with a fact under an offset: a date inside a longer figure wins over the whole. */
export function findingAt(findings: readonly Finding[], offset: number): Finding | null {
  let best: Finding | null = null;
  let bestSize = Infinity;
  for (const f of findings) {
    if (!f.fact) continue;
    const ext = figureExtent(f.figure);
    if (offset < ext.start || offset > ext.end) continue;
    if (ext.end - ext.start < bestSize) { best = f; bestSize = ext.end - ext.start; }
  }
  return best;
}
