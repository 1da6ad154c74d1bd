import type { FigureForm, FigureValue, Hedge } from '../types';

/** A figure as the readers build it; index.ts turns it into a Figure. Offsets are string indices. */
export interface Cand {
  start: number;
  end: number;
  vStart: number;
  vEnd: number;
  value: FigureValue;
  unit: string | null;
  form: FigureForm;
  /** A hedge written after the number ("50+"); hedges before it are found by the caller. */
  hedge?: { hedge: Hedge; start: number; end: number };
}

/** Shares are kept to two decimals: two-thirds is 66.67 (%). */
export const round2 = (x: number): number => Math.round(x * 100) / 100;
