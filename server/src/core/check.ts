import { extractFigures } from './extract';
import { judge } from './judge/verdict';
import { claimsFor } from './match/match';
import type { CheckOptions, FactBase, Finding } from './types';

/** text -> figures -> claims -> findings. Pure: no I/O, no globals but per-base caches. */
export function check(text: string, base: FactBase, options: CheckOptions = {}): Finding[] {
  const figures = extractFigures(text);
  return judge(base, claimsFor(text, base, figures), options.reportUnsourced ?? false);
}
