// Core check timings for one fact base, in a worker thread so that the main thread can stop a
// check that runs past the cap (a synchronous check cannot be interrupted from inside). The
// worker builds the base from its raw object, primes the per-base caches with a first check, then
// times `check(text, base)` on each draft, smallest first.
import { parentPort, workerData } from 'node:worker_threads';
import { check } from '../../server/src/core/check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import type { Finding } from '../../server/src/core/types';
import { bundledRaw, syntheticBase } from './facts';
import { median } from './measure';

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
}

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
    prev = { ms, bytes: draft.bytes };
  }
  post({ type: 'done' });
}

main();
