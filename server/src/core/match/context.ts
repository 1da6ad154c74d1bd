import type { Span } from '../types';
import { atomsOf, type PhraseHit } from './phrases';

/** Word positions of a text, to measure how far a name stands from a figure, in words. */
export class WordIndex {
  private readonly starts: readonly number[];

  constructor(text: string) {
    // Read off the phrase matchers' atoms of the same text, which note where words start.
    this.starts = atomsOf(text).wordStarts;
  }

  /** Number of words that start in [from, to). */
  between(from: number, to: number): number {
    if (to <= from) return 0;
    return lowerBound(this.starts, to) - lowerBound(this.starts, from);
  }
}

function lowerBound(xs: ArrayLike<number>, x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Hits sorted by start, queried by span in O(log n + k). */
export class HitIndex<K> {
  private readonly starts: number[];

  constructor(readonly hits: Array<PhraseHit<K>>) {
    this.starts = hits.map((h) => h.start);
  }

  within(span: Span): Array<PhraseHit<K>> {
    const out: Array<PhraseHit<K>> = [];
    for (let i = lowerBound(this.starts, span.start); i < this.hits.length; i++) {
      const h = this.hits[i]!;
      if (h.start >= span.end) break;
      if (h.end <= span.end) out.push(h);
    }
    return out;
  }
}
