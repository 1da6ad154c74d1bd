// Loads one fact file in a fresh process, as the server would at start-up, and reports how long
// each step took and how much resident memory the loaded base holds:
//
//   node --expose-gc .cache/bench/load-child.mjs <file> <yaml|json>
//
// decode (YAML/JSON text -> object), parseFactBase (schema validation + building the base),
// lexicon (the per-base phrase index the matcher builds on first use) and the first check (which
// compiles the lexicon's regular expressions). Memory: RSS after all that, with the file's text
// and decoded object dropped and garbage collected, minus RSS before reading the file.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { check } from '../../server/src/core/check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { lexiconFor } from '../../server/src/core/match/lexicon';

export interface LoadChildResult {
  facts: number;
  problems: number;
  decodeMs: number;
  parseMs: number;
  lexiconMs: number;
  firstCheckMs: number;
  firstCheckError?: string;
  /** parseFactBase again in the same process, for comparison with the cold figure. */
  warmParseMs: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  rssDeltaMB: number;
  heapDeltaMB: number;
}

const [file, kind] = process.argv.slice(2);
if (!file || (kind !== 'yaml' && kind !== 'json')) {
  console.error('usage: load-child.mjs <file> <yaml|json>');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('load-child.mjs needs node --expose-gc');
  process.exit(2);
}
const MB = 1024 * 1024;
const decode = (t: string): unknown => (kind === 'yaml' ? parse(t) : JSON.parse(t));

gc(); gc();
const before = process.memoryUsage();
const t0 = performance.now();
let text: string | null = readFileSync(file, 'utf8');
let raw: unknown = decode(text);
const t1 = performance.now();
const { base, problems } = parseFactBase(raw);
const t2 = performance.now();
lexiconFor(base);
const t3 = performance.now();
let firstCheckError: string | undefined;
try {
  check('Moscow currently holds about 75% of Donetsk, the Kremlin said.', base);
} catch (e) {
  firstCheckError = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 200);
}
const t4 = performance.now();
text = null;
raw = null;
gc(); gc();
const after = process.memoryUsage();

const again = decode(readFileSync(file, 'utf8'));
const w0 = performance.now();
parseFactBase(again);
const warmParseMs = performance.now() - w0;

const result: LoadChildResult = {
  facts: base.facts.length,
  problems: problems.length,
  decodeMs: t1 - t0,
  parseMs: t2 - t1,
  lexiconMs: t3 - t2,
  firstCheckMs: t4 - t3,
  ...(firstCheckError ? { firstCheckError } : {}),
  warmParseMs,
  rssBeforeMB: before.rss / MB,
  rssAfterMB: after.rss / MB,
  rssDeltaMB: (after.rss - before.rss) / MB,
  heapDeltaMB: (after.heapUsed - before.heapUsed) / MB,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
