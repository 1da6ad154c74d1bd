import type { CheckOptions, FactBase, Finding } from './types';

/** text + fact base -> findings. Pure: no I/O, no globals, safe on any input. */
export function check(text: string, base: FactBase, options: CheckOptions = {}): Finding[] {
  void text; void base; void options;
  return [];
}
