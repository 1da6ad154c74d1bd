// What the checker of one open draft holds, in a fresh process: the 1 MB bench draft checked once,
// then a letter typed into each of PARAGRAPHS paragraphs spread over it, one check per keystroke,
// as a reporter revising a long draft does. Heap in use after a full collection, before and after:
//
//   node --expose-gc .cache/bench/memory-child.mjs
//
// A checker that kept what it no longer needs (a view into an old version of the text, say) grows
// by a version of the draft per paragraph typed in.
import { parseFactBase } from '../../server/src/core/facts/parse';
import { IncrementalChecker } from '../../server/src/core/incremental';
import { DRAFTS, makeDraft } from './drafts';
import { bundledRaw } from './facts';
import { DRAFT_SEED } from './seeds';

export interface MemoryChildResult {
  draftKB: number;
  paragraphs: number;
  /** Heap in use with the draft checked once, less before: text, chunks, findings. */
  openMB: number;
  /** The same after typing in every paragraph. */
  typedMB: number;
}

export const PARAGRAPHS = 60;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('memory-child.mjs needs node --expose-gc');
  process.exit(2);
}
const heapMB = () => { gc(); gc(); return process.memoryUsage().heapUsed / 1024 / 1024; };

const { base } = parseFactBase(bundledRaw());
const index = DRAFTS.findIndex((d) => d.name === '1 MB');
let text = makeDraft(DRAFTS[index]!, DRAFT_SEED + index).text;
const checker = new IncrementalChecker(base);
checker.check('warm-up: Moscow holds 75% of Donetsk.');
const before = heapMB();
checker.check(text);
const open = heapMB();
const breaks: number[] = [];
for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) breaks.push(i);
// From the end backwards, so each break found in the first text is still where it was.
for (let k = PARAGRAPHS - 1; k >= 0; k--) {
  const at = breaks[Math.floor(((k + 0.5) * breaks.length) / PARAGRAPHS)]!;
  text = `${text.slice(0, at)}x${text.slice(at)}`;
  checker.check(text);
}
const typed = heapMB();
const result: MemoryChildResult = { draftKB: Math.round(text.length / 1024), paragraphs: PARAGRAPHS, openMB: open - before, typedMB: typed - before };
process.stdout.write(`${JSON.stringify(result)}\n`);
