// `npm run bench`: Fact Desk's speed against the floor (one digit regex pass) and a peer
// (cspell-lib), per draft size × fact-base size, over stdio against dist/server.js, fact-base
// load time and memory, bundle sizes. Prints a table and writes bench/results.json.
//
//   npm run bench                 the whole benchmark (under 5 minutes on 2 cores)
//   npm run bench -- --profile    also profile the core check with node --cpu-prof and summarise
//
// Every input is generated from fixed seeds (seeds.ts); see bench/README.md for what each number means.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { spellCheckDocument } from 'cspell-lib';
import { DEBOUNCE_MS } from '../../server/src/lsp/validation';
import { PREVIEW_AFTER, PREVIEW_REST } from '../../server/src/core/incremental';
import type { CellResult, CheckWorkerData, CheckWorkerMsg, FloorPairedResult, PairedResult } from './check-worker';
import { DRAFTS, makeDraft, type Draft } from './drafts';
import { bundledRaw, describeBase, syntheticBase } from './facts';
import type { LoadChildResult } from './load-child';
import type { MemoryChildResult } from './memory-child';
import { lspRoundTrips, type LspRow } from './lsp';
import { floorPass, fmtMs, fmtRatio, median, repeatAsync, repeatBatched, type Stat } from './measure';
import { summarizeProfile, type ProfileSummary } from './profile';
import { BASE_SEED, DRAFT_SEED } from './seeds';

const here = path.dirname(fileURLToPath(import.meta.url)); // .cache/bench
const root = path.resolve(here, '..', '..');
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => a !== '--profile');
if (unknown.length) {
  console.error(`bench: unknown argument(s) ${unknown.join(' ')}; use --profile`);
  process.exit(2);
}
const wantProfile = args.has('--profile');
const started = performance.now();
const say = (s: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}\n`);

// ---- settings (repetitions chosen so the whole run stays under 5 minutes on 2 cores) ----------
const BASES = [
  { name: 'bundled', facts: 0 },
  { name: '10,000', facts: 10_000 },
  { name: '100,000', facts: 100_000 },
];
const CHECK = { budgetMs: 1500, maxRuns: 300, capMs: 30_000, singleRunMs: 5_000 };
const CSPELL = { warmup: 1, budgetMs: 2000, minRuns: 3, maxRuns: 40 };
// Per draft size, after one warm-up open+edit. Odd counts, so each median is one measured round
// trip; 11 at 1 MB, whose round trips vary most from run to run.
const LSP_REPS = [31, 21, 11, 11];
const LSP_TIMEOUT_MS = 60_000;
const LOAD_RUNS = [5, 5, 3]; // fresh processes per base size

// ---- 0. the server bundle --------------------------------------------------------------------
const dist = path.join(root, 'dist');
const serverJs = path.join(dist, 'server.js');
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}
const stale = !existsSync(serverJs) || statSync(serverJs).mtimeMs < newestSource(path.join(root, 'server'));
if (stale) {
  say(`${existsSync(serverJs) ? 'dist/server.js is older than server/' : 'no dist/server.js'}: building with node esbuild.mjs`);
  execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

// ---- 1. inputs -------------------------------------------------------------------------------
say('generating drafts');
const drafts: Draft[] = DRAFTS.map((spec, i) => makeDraft(spec, DRAFT_SEED + i));
// The synthetic bases are also written as JSON fact files for the load measurements (step 5).
const work = path.join(root, '.cache', 'bench', 'tmp');
mkdirSync(work, { recursive: true });
// Each in a folder of its own, which the load child opens as a workspace.
const factFolder = (facts: number) => path.join(work, facts ? `facts-${facts}` : 'bundled');
const factFile = (facts: number) => path.join(factFolder(facts), facts ? `synthetic.facts.json` : 'bundled.facts.yaml');
const baseInfo = BASES.map((b) => {
  const raw = b.facts ? syntheticBase(b.facts) : bundledRaw();
  mkdirSync(factFolder(b.facts), { recursive: true });
  if (b.facts) writeFileSync(factFile(b.facts), JSON.stringify(raw));
  else copyFileSync(path.join(root, 'server', 'facts', 'bundled.facts.yaml'), factFile(0));
  return { ...b, ...describeBase(raw) };
});

// ---- 2. floor: one pass of one digit-finding regex -------------------------------------------
say('floor: /\\d+/g');
const floor: Stat[] = drafts.map((d) => repeatBatched(() => floorPass(d.text), 31));

// ---- 3. peer: cspell-lib ---------------------------------------------------------------------
const cspellVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'cspell-lib', 'package.json'), 'utf8')) as { version: string }).version;
const spell = (text: string) => spellCheckDocument(
  { uri: 'file:///factdesk-bench/draft.txt', text, languageId: 'plaintext', locale: 'en' },
  { generateSuggestions: false, noConfigSearch: true },
  {},
);
say(`peer: cspell-lib ${cspellVersion} (first call loads its dictionaries)`);
const cspellFirst = performance.now();
await spell('Warm-up: these are my coztom wordz.');
const cspellWarmupMs = performance.now() - cspellFirst;
const cspell: Array<Stat & { issues: number }> = [];
for (const d of drafts) {
  let issues = 0;
  const s = await repeatAsync(async () => { issues = (await spell(d.text)).issues.length; }, CSPELL);
  cspell.push({ ...s, issues });
}

// ---- 4. core check per draft × base (a worker per base, capped) ------------------------------
interface BaseRun { base: string; facts: number; buildMs?: number; primeMs?: number; primeError?: string; cells: CellResult[]; paired?: PairedResult; floorPaired?: FloorPairedResult }
function runBase(b: { name: string; facts: number }): Promise<BaseRun> {
  return new Promise((resolve) => {
    const data: CheckWorkerData = { facts: b.facts, drafts: drafts.map((d) => ({ name: d.name, text: d.text, bytes: d.bytes })), ...CHECK, pairDraft: drafts[1]!.name };
    const w = new Worker(path.join(here, 'check-worker.mjs'), { workerData: data });
    const run: BaseRun = { base: b.name, facts: b.facts, cells: [] };
    let timer: NodeJS.Timeout | undefined;
    let current = '';
    let finished = false, stopped = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      // Drafts the worker never reached: larger than one that timed out (or the worker died).
      for (const d of drafts) {
        if (run.cells.some((c) => c.draft === d.name)) continue;
        run.cells.push(stopped
          ? { draft: d.name, timedOut: { capMs: CHECK.capMs }, error: `not run: a smaller draft already exceeded ${CHECK.capMs / 1000} s` }
          : { draft: d.name, error: 'not run: the worker exited early' });
      }
      resolve(run);
    };
    w.on('message', (m: CheckWorkerMsg) => {
      if (m.type === 'built') { run.buildMs = m.buildMs; say(`  ${b.name}: base built in ${fmtMs(m.buildMs)} (${m.problems} problems)`); }
      else if (m.type === 'primed') { run.primeMs = m.ms; if (m.error) run.primeError = m.error; }
      else if (m.type === 'run-start') {
        current = m.draft;
        timer = setTimeout(() => {
          if (current !== 'prime') run.cells.push({ draft: current, timedOut: { capMs: CHECK.capMs } });
          else run.primeError = `first check exceeded ${CHECK.capMs / 1000} s`;
          say(`  ${b.name} × ${current}: one check ran past ${CHECK.capMs / 1000} s; stopping this base`);
          stopped = true;
          void w.terminate().then(finish);
        }, CHECK.capMs);
      } else if (m.type === 'run-end') { if (timer) clearTimeout(timer); timer = undefined; }
      else if (m.type === 'cell') {
        run.cells.push(m.cell);
        const c = m.cell;
        say(`  ${b.name} × ${c.draft}: ${c.ms !== undefined ? `${fmtMs(c.ms)} (n=${c.n})` : c.error ?? (c.skipped ? `skipped, ~${fmtMs(c.skipped.predictedMs)} predicted` : '?')}`);
      } else if (m.type === 'paired') {
        run.paired = m.paired;
        say(`  ${b.name} and bundled × ${m.paired.draft}, alternating: ${fmtMs(m.paired.ms)} and ${fmtMs(m.paired.bundledMs)} (n=${m.paired.n})`);
      } else if (m.type === 'floorPaired') {
        run.floorPaired = m.floorPaired;
        say(`  ${b.name} × ${m.floorPaired.draft} and the floor, alternating: ${fmtMs(m.floorPaired.checkMs)} and ${fmtMs(m.floorPaired.floorMs)} (n=${m.floorPaired.n})`);
      } else if (m.type === 'done') { void w.terminate().then(finish); }
    });
    w.on('error', (e) => { run.primeError ??= `worker failed: ${e.message}`; finish(); });
    w.on('exit', () => finish());
  });
}
const checkRuns: BaseRun[] = [];
for (const b of BASES) {
  say(`core check with the ${b.name} base`);
  checkRuns.push(await runBase(b));
}
const cell = (base: string, draft: string) => checkRuns.find((r) => r.base === base)?.cells.find((c) => c.draft === draft);

// ---- 5. fact-base load: a fresh process per run ----------------------------------------------
interface LoadRow { base: string; format: string; fileMB: number; n: number; median: LoadChildResult; runs: LoadChildResult[]; error?: string }
const load: LoadRow[] = [];
for (const [i, b] of BASES.entries()) {
  say(`fact-base load: ${b.name}`);
  const file = factFile(b.facts), format = b.facts ? 'json' : 'yaml';
  const runs: LoadChildResult[] = [];
  let error: string | undefined;
  for (let r = 0; r < LOAD_RUNS[i]!; r++) {
    const out = spawnSync(process.execPath, ['--expose-gc', path.join(here, 'load-child.mjs'), factFolder(b.facts)], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 120_000 });
    if (out.status !== 0) { error = `load child failed (${out.status ?? out.signal}): ${out.stderr.slice(-300)}`; break; }
    runs.push(JSON.parse(out.stdout) as LoadChildResult);
  }
  const fileMB = statSync(file).size / 1024 / 1024;
  rmSync(factFolder(b.facts), { recursive: true, force: true });
  const keys: Array<keyof LoadChildResult> = ['buildMs', 'lexiconMs', 'firstCheckMs', 'decodeMs', 'parseMs', 'rebuildMs', 'rssBeforeMB', 'rssAfterMB', 'rssDeltaMB', 'heapDeltaMB'];
  const med = { ...runs[0]! } as LoadChildResult;
  for (const k of keys) (med as unknown as Record<string, number>)[k] = median(runs.map((x) => x[k] as number));
  load.push({ base: b.name, format, fileMB, n: runs.length, median: med, runs, ...(error ? { error } : {}) });
}
rmSync(work, { recursive: true, force: true });

// ---- 5b. what the checker of a long draft holds, before and after typing in it -----------------
say('checker memory: 1 MB draft');
const memoryRuns: MemoryChildResult[] = [];
let memoryError: string | undefined;
for (let r = 0; r < 3; r++) {
  const out = spawnSync(process.execPath, ['--expose-gc', path.join(here, 'memory-child.mjs')], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 120_000 });
  if (out.status !== 0) { memoryError = `memory child failed (${out.status ?? out.signal}): ${out.stderr.slice(-300)}`; break; }
  memoryRuns.push(JSON.parse(out.stdout) as MemoryChildResult);
}
const memory = memoryRuns.length
  ? { ...memoryRuns[0]!, openMB: median(memoryRuns.map((m) => m.openMB)), typedMB: median(memoryRuns.map((m) => m.typedMB)), n: memoryRuns.length }
  : null;

// ---- 6. the language server over stdio -------------------------------------------------------
const lsp: LspRow[] = [];
for (const [i, d] of drafts.entries()) {
  say(`LSP over stdio: ${d.name} (${LSP_REPS[i]} round trips after a warm-up)`);
  lsp.push(await lspRoundTrips(serverJs, d.name, d.text, LSP_REPS[i]!, LSP_TIMEOUT_MS));
}

// ---- 7. bundles ------------------------------------------------------------------------------
const bundles = readdirSync(dist).sort().map((f) => ({ file: `dist/${f}`, bytes: statSync(path.join(dist, f)).size }));
const minified = /^\s*(?:#!.*\n)?[^\n]{2000,}/.test(readFileSync(serverJs, 'utf8').slice(0, 5000));

// ---- 8. targets (issue #6) -------------------------------------------------------------------
interface Target { target: string; limit: string; value: string; met: boolean | null; note?: string }
const cellMs = (base: string, draft: string) => cell(base, draft)?.ms;
const D = { small: drafts[0]!.name, news: drafts[1]!.name, big: drafts[3]!.name };
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
const floorOf = (draft: string) => floor[drafts.findIndex((d) => d.name === draft)]?.ms;
const cspellOf = (draft: string) => cspell[drafts.findIndex((d) => d.name === draft)]?.ms;
const lspOf = (draft: string) => lsp.find((r) => r.draft === draft);
const big100k = load.find((l) => l.base === '100,000');
const loadTotal = (l: LoadRow | undefined) => (l ? l.median.buildMs + l.median.lexiconMs : undefined);
const t = (target: string, limit: string, v: number | undefined, max: number, fmt: (x: number) => string, note?: string): Target => ({
  target, limit, value: v === undefined ? 'not measured' : fmt(v), met: v === undefined ? false : v <= max, ...(note ? { note } : {}),
});
const checkNews100k = cellMs('100,000', D.news), checkNewsBundled = cellMs('bundled', D.news);
const paired100k = checkRuns.find((r) => r.base === '100,000')?.paired;
const floorPaired = checkRuns.find((r) => r.base === 'bundled')?.floorPaired;
const targets: Target[] = [
  t('250 words: core check (bundled base)', '≤ 1 ms', cellMs('bundled', D.small), 1, fmtMs),
  t('250 words: LSP open → diagnostics p50', '≤ 5 ms', lspOf(D.small)?.open?.p50, 5, fmtMs),
  t('250 words: LSP edit → diagnostics p50', '≤ 5 ms', lspOf(D.small)?.edit?.p50, 5, fmtMs),
  t('3,000 words: core check (bundled base)', '≤ 5 ms', checkNewsBundled, 5, fmtMs),
  t('1 MB: LSP open → first diagnostics', '≤ 150 ms', lspOf(D.big)?.open?.p50, 150, fmtMs,
    lspOf(D.big)?.openAll ? `the first ${PREVIEW_AFTER / 1024} KB and more; all of it checked in ${fmtMs(lspOf(D.big)!.openAll!.p50)}` : undefined),
  t('1 MB: LSP one-character edit → diagnostics', '≤ 15 ms', lspOf(D.big)?.edit?.p50, 15, fmtMs),
  t('3,000 words: check ÷ floor (bundled base)', '≤ 50', floorPaired ? floorPaired.checkMs / floorPaired.floorMs : ratio(checkNewsBundled, floorOf(D.news)), 50, fmtRatio,
    floorPaired ? `alternating runs, ${fmtMs(floorPaired.checkMs)} ÷ ${fmtMs(floorPaired.floorMs)}, n=${floorPaired.n}` : 'measured apart (no alternating runs)'),
  t(`3,000 words: check ÷ cspell-lib ${cspellVersion} (bundled base)`, '≤ 0.5', ratio(checkNewsBundled, cspellOf(D.news)), 0.5, fmtRatio),
  t('100,000 facts: load (workspace build + lexicon)', '≤ 500 ms', loadTotal(big100k), 500, fmtMs,
    big100k ? `of which, warm: read + JSON.parse ${fmtMs(big100k.median.decodeMs)}, validate + build ${fmtMs(big100k.median.parseMs)}${big100k.median.firstCheckError ? `; first check fails: ${big100k.median.firstCheckError.slice(0, 80)}` : ''}` : undefined),
  t('100,000 facts: resident memory (RSS Δ)', '≤ 200 MB', big100k?.median.rssDeltaMB, 200, (x) => `${x.toFixed(0)} MB`,
    big100k ? `process RSS after load ${big100k.median.rssAfterMB.toFixed(0)} MB` : undefined),
  t('100,000 facts: 3,000-word check ÷ bundled-base check', '≤ 2×', paired100k ? paired100k.ms / paired100k.bundledMs : undefined, 2, fmtRatio,
    paired100k ? `alternating runs, ${fmtMs(paired100k.ms)} ÷ ${fmtMs(paired100k.bundledMs)}, n=${paired100k.n}`
      : `not measured: ${cell('100,000', D.news)?.error ?? (checkNews100k === undefined ? 'the check did not complete' : 'the check was too slow to pair')}`),
];

// ---- 9. print --------------------------------------------------------------------------------
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const kb = (b: number) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} KB`);
const cellText = (c: CellResult | undefined): string => {
  if (!c) return '–';
  if (c.ms !== undefined) return `${fmtMs(c.ms)} (n=${c.n}${c.single ? ', single' : ''})`;
  if (c.skipped) return `not run (~${fmtMs(c.skipped.predictedMs)})`;
  if (c.timedOut) return `> ${CHECK.capMs / 1000} s`;
  if (c.error) return /too large/i.test(c.error) ? 'throws: regex too large' : `error`;
  return '?';
};
const lines: string[] = [];
const out = (s = '') => lines.push(s);
out(`Fact Desk benchmark — ${cpu} (${os.cpus().length} cores), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
out(`Drafts (seeded): ${drafts.map((d) => `${d.name} = ${d.words.toLocaleString('en-US')} words, ${kb(d.bytes)}`).join(' · ')}`);
out(`Fact bases: ${baseInfo.map((b) => `${b.name} = ${b.facts.toLocaleString('en-US')} facts, ${b.entities.toLocaleString('en-US')} entities, ${b.aliases.toLocaleString('en-US')} aliases, ${b.sources.toLocaleString('en-US')} sources`).join(' · ')}`);
out();
out('Core check(text, base) — median of n runs after warm-up');
out(`  ${pad('draft', 13)}${BASES.map((b) => pad(`${b.name} base`, 27)).join('')}`);
for (const d of drafts) out(`  ${pad(d.name, 13)}${BASES.map((b) => pad(cellText(cell(b.name, d.name)), 27)).join('')}`);
for (const r of checkRuns) if (r.primeError) out(`  ${r.base} base: ${r.primeError}`);
out();
out(`Floor and peer on the same text (check = bundled base; cspell-lib ${cspellVersion}, default settings, no suggestions)`);
out(`  ${pad('draft', 13)}${lpad('floor /\\d+/g', 13)}${lpad('check÷floor', 13)}${lpad('cspell', 12)}${lpad('check÷cspell', 14)}${lpad('10k check÷cspell', 18)}`);
for (const [i, d] of drafts.entries()) {
  const c = cellMs('bundled', d.name), c10 = cellMs('10,000', d.name);
  out(`  ${pad(d.name, 13)}${lpad(fmtMs(floor[i]!.ms), 13)}${lpad(fmtRatio(ratio(c, floor[i]!.ms)), 13)}${lpad(`${fmtMs(cspell[i]!.ms)}`, 12)}${lpad(fmtRatio(ratio(c, cspell[i]!.ms)), 14)}${lpad(fmtRatio(ratio(c10, cspell[i]!.ms)), 18)}`);
}
out(`  (floor: median of 31 batches; cspell: median of ${cspell.map((s) => s.n).join('/')} runs; its first call, loading dictionaries, took ${fmtMs(cspellWarmupMs)})`);
if (floorPaired) out(`  ${floorPaired.draft}, check and floor in alternating runs (the target's ratio): ${fmtMs(floorPaired.checkMs)} ÷ ${fmtMs(floorPaired.floorMs)} = ${fmtRatio(floorPaired.checkMs / floorPaired.floorMs)}, n=${floorPaired.n}`);
out();
out(`Language server over stdio (node dist/server.js --stdio, bundled base, fresh server per size) — p50 (p95), n`);
out(`  ${pad('draft', 13)}${lpad('open→first diags', 24)}${lpad('open→all diags', 24)}${lpad(`edit→diags`, 24)}${lpad('diagnostics', 13)}${lpad('startup', 10)}${lpad('cold open', 18)}`);
for (const r of lsp) {
  if (r.error && !r.open) { out(`  ${pad(r.draft, 13)}error: ${r.error.slice(0, 120)}`); continue; }
  const rtText = (x: LspRow['open']) => (x ? `${fmtMs(x.p50)} (${fmtMs(x.p95)}) n=${x.n}` : '–');
  const cold = r.coldOpenMs !== undefined && r.coldOpenAllMs !== undefined ? `${fmtMs(r.coldOpenMs)} / ${fmtMs(r.coldOpenAllMs)}` : '–';
  out(`  ${pad(r.draft, 13)}${lpad(rtText(r.open), 24)}${lpad(rtText(r.openAll), 24)}${lpad(rtText(r.edit), 24)}${lpad(`${r.diagnostics ?? '–'}${r.tooLarge ? ' (too large)' : ''}`, 13)}${lpad(fmtMs(r.startupMs), 10)}${lpad(cold, 18)}`);
}
out(`  (a draft over ${(PREVIEW_AFTER + PREVIEW_REST) / 1024} KB opened afresh is published twice: its first ${PREVIEW_AFTER / 1024} KB or so once read, then all of it;`);
out(`   cold open: the warm-up open, the first in a fresh server, first / all diagnostics)`);
out(`  (each edit is the first keystroke after the open, so it is checked at once; the throttle, factdesk.checkDelayMs`);
out(`   = ${DEBOUNCE_MS} ms by default, only delays a keystroke that comes within that time of the last check)`);
out();
out('Fact-base load — one workspace fact file, as the server reads it; fresh process per run, median of n');
out(`  ${pad('base', 16)}${lpad('file', 9)}${lpad('build', 10)}${lpad('lexicon', 10)}${lpad('load total', 12)}${lpad('1st check', 11)}${lpad('RSS Δ', 9)}${lpad('RSS', 8)}${lpad('warm: decode', 14)}${lpad('parse', 9)}${lpad('rebuild', 10)}  n`);
for (const l of load) {
  if (l.error && !l.n) { out(`  ${pad(l.base, 16)}error: ${l.error.slice(0, 120)}`); continue; }
  const m = l.median;
  out(`  ${pad(`${l.base} (${l.format})`, 16)}${lpad(`${l.fileMB.toFixed(1)} MB`, 9)}${lpad(fmtMs(m.buildMs), 10)}${lpad(fmtMs(m.lexiconMs), 10)}${lpad(fmtMs(loadTotal(l)), 12)}${lpad(m.firstCheckError ? 'throws' : fmtMs(m.firstCheckMs), 11)}${lpad(`${m.rssDeltaMB.toFixed(0)} MB`, 9)}${lpad(`${m.rssAfterMB.toFixed(0)} MB`, 8)}${lpad(fmtMs(m.decodeMs), 14)}${lpad(fmtMs(m.parseMs), 9)}${lpad(fmtMs(m.rebuildMs), 10)}  ${l.n}`);
}
out('  (build: FactWorkspace.build(), reading, decoding, validating, building and merging; rebuild: after a keystroke in a small fact file beside it)');
for (const l of load) if (l.median?.firstCheckError) out(`  ${l.base}: first check fails — ${l.median.firstCheckError}`);
out();
out('Checker memory — the 1 MB draft in a fresh process, heap in use after a full collection, median of n');
out(memory
  ? `  checked once: ${memory.openMB.toFixed(1)} MB · after a letter typed in each of ${memory.paragraphs} paragraphs, a check per keystroke: ${memory.typedMB.toFixed(1)} MB  (n=${memory.n})`
  : `  error: ${memoryError?.slice(0, 120) ?? 'not measured'}`);
out();
out(`Bundles (dist/, ${minified ? 'minified' : 'as built by node esbuild.mjs: not minified, with source maps'})`);
out(`  ${bundles.map((b) => `${b.file} ${kb(b.bytes)}`).join(' · ')}`);
// The bench cannot start an editor; the in-editor suite records what it measured.
const activationFile = path.join(root, 'test-output', 'in-editor', 'activation.json');
const activation = existsSync(activationFile) ? (JSON.parse(readFileSync(activationFile, 'utf8')) as { ms: number; editor: string | null; measuredAt: string }) : null;
out(activation
  ? `  Extension activation time: ${activation.ms} ms from extension load to a running server (in-editor suite, ${activation.editor ?? 'editor unknown'}, ${activation.measuredAt}; npm run test:vscode measures it again)`
  : '  Extension activation time: not measured yet on this checkout (the in-editor runner measures it: npm run test:vscode).');
out();
out('Targets (issue #6)');
for (const x of targets) out(`  ${x.met ? 'MET ' : 'MISS'}  ${pad(x.target, 58)} ${pad(x.limit, 9)} ${x.value}${x.note ? `  — ${x.note}` : ''}`);

// ---- 10. profiles (optional) -----------------------------------------------------------------
interface ProfileRun { draft: string; base: string; times?: number[]; error?: string; summary?: ProfileSummary }
const profiles: ProfileRun[] = [];
if (wantProfile) {
  const dir = path.join(root, '.cache', 'bench', 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const configs: Array<{ draft: string; base: string; facts: number; runs: number }> = [
    { draft: D.big, base: '100,000', facts: 100_000, runs: 3 },
    { draft: D.big, base: 'bundled', facts: 0, runs: 3 },
    { draft: D.news, base: '10,000', facts: 10_000, runs: 2 },
    { draft: D.news, base: 'bundled', facts: 0, runs: 200 },
  ];
  for (const c of configs) {
    say(`profiling: ${c.draft} × ${c.base} base (node --cpu-prof)`);
    const name = `${c.draft}-${c.base}`.replace(/\W+/g, '-');
    const res = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`,
      path.join(here, 'profile-child.mjs'), c.draft, String(c.facts), String(c.runs)], { encoding: 'utf8', timeout: 180_000 });
    const row: ProfileRun = { draft: c.draft, base: c.base };
    if (res.status !== 0) row.error = `profile child failed (${res.status ?? res.signal}): ${res.stderr.slice(-300)}`;
    else {
      const r = JSON.parse(res.stdout) as { times: number[]; error?: string };
      row.times = r.times;
      if (r.error) row.error = r.error;
      row.summary = summarizeProfile(path.join(dir, `${name}.cpuprofile`), path.join(here, 'profile-child.mjs'));
    }
    profiles.push(row);
  }
  out();
  out(`Profiles (node --cpu-prof; self time inside check only; files in .cache/bench/profiles/)`);
  for (const p of profiles) {
    out(`  ${p.draft} × ${p.base} base: ${p.times ? `runs ${p.times.map((x) => fmtMs(x)).join(', ')}` : ''}${p.error ? ` — ${p.error}` : ''}`);
    if (!p.summary) continue;
    out(`    inside check: ${fmtMs(p.summary.inCheckMs)} of ${fmtMs(p.summary.totalMs)} profiled`);
    for (const f of p.summary.top.slice(0, 10)) out(`    ${lpad(f.pct.toFixed(1), 5)}%  ${lpad(fmtMs(f.selfMs), 9)}  ${pad(f.name, 28)} ${f.where}`);
    out(`    by module: ${p.summary.modules.map((m) => `${m.module} ${m.pct.toFixed(0)}%`).join(' · ')}`);
  }
}

console.log(lines.join('\n'));

// ---- 11. JSON --------------------------------------------------------------------------------
const results = {
  generatedAt: new Date().toISOString(),
  machine: { cpu, cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}`, totalMemMB: Math.round(os.totalmem() / 1024 / 1024) },
  seeds: { drafts: DRAFT_SEED, bases: BASE_SEED },
  settings: { check: CHECK, cspell: CSPELL, lspReps: LSP_REPS, loadRuns: LOAD_RUNS, debounceMs: DEBOUNCE_MS },
  durationS: (performance.now() - started) / 1000,
  drafts: drafts.map((d) => ({ name: d.name, words: d.words, bytes: d.bytes, sentences: d.mix })),
  bases: baseInfo,
  check: checkRuns,
  floor: drafts.map((d, i) => ({ draft: d.name, ...floor[i]! })),
  cspell: { version: cspellVersion, firstCallMs: cspellWarmupMs, rows: drafts.map((d, i) => ({ draft: d.name, ...cspell[i]! })) },
  ratios: drafts.flatMap((d, i) => BASES.map((b) => ({
    draft: d.name, base: b.name,
    checkOverFloor: ratio(cellMs(b.name, d.name), floor[i]!.ms) ?? null,
    checkOverCspell: ratio(cellMs(b.name, d.name), cspell[i]!.ms) ?? null,
  }))),
  lsp: { server: 'dist/server.js --stdio', base: 'bundled', debounceMs: DEBOUNCE_MS, rows: lsp },
  load,
  memory: memory ?? { error: memoryError ?? 'not measured' },
  bundles: { minified, files: bundles },
  activation,
  targets,
  ...(wantProfile ? { profiles } : {}),
};
writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
say(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote bench/results.json`);
