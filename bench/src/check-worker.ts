// Core check timings for one fact base, in a worker thread so that the main thread can stop a
// check that runs past the cap (a synchronous check cannot be interrupted from inside). The
// worker builds the base from its raw object, primes the per-base caches with a first check, then
// times `check(text, base)` on each draft, smallest first.
import { parentPort, workerData } from 'node:worker_threads';
import { check } from '../../server/src/core/check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import type { FactBase, Finding } from '../../server/src/core/types';
import { bundledRaw, syntheticBase } from './facts';
import { floorPass, median } from './measure';

export interface CheckWorkerData {
  /** Facts in the base; 0 for the bundled base. */
  facts: number;
  drafts: Array<{ name: string; text: string; bytes: number }>;
  /** Stop measuring a cell after this long (the median is over what was measured). */
  budgetMs: number;
  maxRuns: number;
  /** The main thread terminates the worker when one run exceeds this. */
  capMs: number;
  /** A run this long is not repeated: it is reported as a single run. */
  singleRunMs: number;
  /**
   * For a synthetic base: the draft timed again against it and the bundled base in alternating
   * runs, for the ratio of the two. Cells measured one base after the other drift with the
   * machine (a noisy VM slows down by half for a minute); alternating runs drift together.
   */
  pairDraft?: string;
}

/**
 * For the bundled base: the same draft's check and the floor (floorPass) in
 * alternating runs. Measured apart, the floor moved by 2× between runs of the bench on one
 * machine (the ratio read 62× in one and 128× in the next); side by side, the two move together.
 */
export interface FloorPairedResult { draft: string; checkMs: number; floorMs: number; n: number }


/** Median check times of one draft against this base and the bundled one, runs alternating. */
export interface PairedResult { draft: string; ms: number; bundledMs: number; n: number }

export interface FindingCounts { wrong: number; ok: number; disputed: number; unsourced: number }

export interface CellResult {
  draft: string;
  ms?: number;
  n?: number;
  min?: number;
  max?: number;
  /** Single run after the worker was warmed on the smaller drafts (too slow to repeat). */
  single?: boolean;
  findings?: FindingCounts;
  error?: string;
  /** Not run: a linear extrapolation from the previous draft predicts more than 3× the cap. */
  skipped?: { predictedMs: number };
  timedOut?: { capMs: number };
}

export type CheckWorkerMsg =
  | { type: 'built'; buildMs: number; problems: number }
  | { type: 'primed'; ms: number; error?: string }
  | { type: 'run-start'; draft: string }
  | { type: 'run-end'; draft: string }
  | { type: 'cell'; cell: CellResult }
  | { type: 'paired'; paired: PairedResult }
  | { type: 'floorPaired'; floorPaired: FloorPairedResult }
  | { type: 'done' };

const post = (m: CheckWorkerMsg) => parentPort!.postMessage(m);
const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 300);

function counts(findings: Finding[]): FindingCounts {
  const c: FindingCounts = { wrong: 0, ok: 0, disputed: 0, unsourced: 0 };
  for (const f of findings) c[f.verdict]++;
  return c;
}

function main(): void {
  const d = workerData as CheckWorkerData;
  const t0 = performance.now();
  const { base, problems } = parseFactBase(d.facts ? syntheticBase(d.facts) : bundledRaw());
  post({ type: 'built', buildMs: performance.now() - t0, problems: problems.length });

  // The first check on a base builds its lexicon (one compiled alternation per phrase list).
  post({ type: 'run-start', draft: 'prime' });
  const p0 = performance.now();
  try {
    check('Moscow currently holds about 75% of Donetsk.', base);
    post({ type: 'primed', ms: performance.now() - p0 });
  } catch (e) {
    post({ type: 'primed', ms: performance.now() - p0, error: errorText(e) });
  }
  post({ type: 'run-end', draft: 'prime' });

  let prev: { ms: number; bytes: number } | null = null;
  const quick = new Map<string, number>();
  for (const draft of d.drafts) {
    if (prev) {
      const predictedMs = prev.ms * (draft.bytes / prev.bytes);
      if (predictedMs > 3 * d.capMs) {
        post({ type: 'cell', cell: { draft: draft.name, skipped: { predictedMs } } });
        continue;
      }
    }
    // Runs alternate between the draft and the draft with a trailing line break: an editor
    // never checks the same text twice in a row, and the phrase matchers keep the atoms of the
    // last text they cut, so timing one text over and over would leave that cut out.
    const texts = [draft.text, `${draft.text}\n`];
    let run = 0;
    const next = () => texts[run++ & 1]!;
    const once = (): Finding[] => {
      post({ type: 'run-start', draft: draft.name });
      try { return check(next(), base); } finally { post({ type: 'run-end', draft: draft.name }); }
    };
    let findings: Finding[];
    let first: number;
    try {
      const s = performance.now();
      findings = once();
      first = performance.now() - s;
    } catch (e) {
      post({ type: 'cell', cell: { draft: draft.name, error: errorText(e) } });
      continue;
    }
    if (first >= d.singleRunMs) {
      post({ type: 'cell', cell: { draft: draft.name, ms: first, n: 1, min: first, max: first, single: true, findings: counts(findings) } });
      prev = { ms: first, bytes: draft.bytes };
      continue;
    }
    // More warm-up for fast cells (the JIT settles within a few runs); slow ones are warm already.
    // (The first run counts as the warm-up of a slow cell.)
    if (first < 250) {
      const warmUntil = performance.now() + Math.min(500, first * 5);
      while (performance.now() < warmUntil) check(next(), base);
    }
    const slow = first > 100;
    const minRuns = first > 1000 ? 1 : 3;
    const xs: number[] = [];
    const start = performance.now();
    while (xs.length < d.maxRuns && (xs.length < minRuns || performance.now() - start < d.budgetMs)) {
      const s = performance.now();
      if (slow) findings = once(); else findings = check(next(), base);
      xs.push(performance.now() - s);
    }
    const ms = median(xs);
    post({ type: 'cell', cell: { draft: draft.name, ms, n: xs.length, min: Math.min(...xs), max: Math.max(...xs), findings: counts(findings) } });
    quick.set(draft.name, ms);
    prev = { ms, bytes: draft.bytes };
  }
  // Only a draft that checks quickly against this base is paired: the runs are not capped.
  const pair = d.facts ? d.drafts.find((x) => x.name === d.pairDraft && (quick.get(x.name) ?? Infinity) < 100) : undefined;
  if (pair) paired(pair, base, d.budgetMs, d.maxRuns);
  const withFloor = d.facts ? undefined : d.drafts.find((x) => x.name === d.pairDraft);
  if (withFloor) pairedWithFloor(withFloor, base, d.budgetMs, d.maxRuns);
  post({ type: 'done' });
}

function pairedWithFloor(draft: { name: string; text: string }, base: FactBase, budgetMs: number, maxRuns: number): void {
  const texts = [draft.text, `${draft.text}\n`];
  // Each floor time is a batch of passes, so the timer's resolution does not count.
  let k = 1;
  for (let s = performance.now(); performance.now() - s < 1; k *= 2) { s = performance.now(); for (let i = 0; i < k; i++) floorPass(draft.text); }
  const floorBatch = (text: string) => { const s = performance.now(); for (let i = 0; i < k; i++) floorPass(text); return (performance.now() - s) / k; };
  const time = (text: string) => { const s = performance.now(); check(text, base); return performance.now() - s; };
  for (let i = 0; i < 20; i++) { time(texts[i & 1]!); floorBatch(texts[i & 1]!); }
  const xs: number[] = [], fs: number[] = [];
  const start = performance.now();
  while (xs.length < maxRuns && (xs.length < 3 || performance.now() - start < budgetMs)) {
    const text = texts[xs.length & 1]!;
    if (xs.length & 2) { fs.push(floorBatch(text)); xs.push(time(text)); } else { xs.push(time(text)); fs.push(floorBatch(text)); }
  }
  post({ type: 'floorPaired', floorPaired: { draft: draft.name, checkMs: median(xs), floorMs: median(fs), n: xs.length } });
}

function paired(draft: { name: string; text: string }, base: FactBase, budgetMs: number, maxRuns: number): void {
  const { base: bundled } = parseFactBase(bundledRaw());
  const texts = [draft.text, `${draft.text}\n`];
  const time = (b: FactBase, text: string) => { const s = performance.now(); check(text, b); return performance.now() - s; };
  for (let i = 0; i < 20; i++) { time(bundled, texts[i & 1]!); time(base, texts[i & 1]!); }
  const xs: number[] = [], ys: number[] = [];
  const start = performance.now();
  while (xs.length < maxRuns && (xs.length < 3 || performance.now() - start < budgetMs)) {
    const text = texts[xs.length & 1]!;
    // Which base goes first alternates too, so neither always runs on a just-warmed cache.
    if (xs.length & 2) { ys.push(time(bundled, text)); xs.push(time(base, text)); } else { xs.push(time(base, text)); ys.push(time(bundled, text)); }
  }
  post({ type: 'paired', paired: { draft: draft.name, ms: median(xs), bundledMs: median(ys), n: xs.length } });
}

main();
