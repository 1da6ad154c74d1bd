// Loads one fact file in a fresh process the way the server does at start-up: a workspace folder
// holding it, read by FactWorkspace (JSON.parse for JSON, the YAML library otherwise; schema
// validation; building; merging), then the lexicon the matcher builds on first use and a first
// check. Reports each step's time and how much resident memory the loaded workspace holds:
//
//   node --expose-gc .cache/bench/load-child.mjs <folder>
//
// The synthetic bases already hold the bundled facts, so the bundled base is off here; the bundled
// row loads the bundled YAML as a workspace file. After the cold load, the same steps are timed
// again in the warm process for a breakdown (read + decode, parse), and a rebuild after a
// keystroke in another, small fact file: what typing in a fact file costs with this base loaded.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../server/src/core/check';
import type { FactBase } from '../../server/src/core/types';
import { lexiconFor } from '../../server/src/core/match/lexicon';
import { parseFactFile, readFactFile } from '../../server/src/workspace/factFile';
import { FactWorkspace } from '../../server/src/workspace/factWorkspace';

export interface LoadChildResult {
  facts: number;
  problems: number;
  /** Cold: FactWorkspace.build(), i.e. read, decode, validate, build and merge. */
  buildMs: number;
  lexiconMs: number;
  firstCheckMs: number;
  firstCheckError?: string;
  /** Warm breakdown of buildMs: reading the file and decoding it (readFactFile)... */
  decodeMs: number;
  /** ...and validating and building it (parseFactFile). */
  parseMs: number;
  /** A rebuild after a keystroke in a small fact file beside this one. */
  rebuildMs: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  rssDeltaMB: number;
  heapDeltaMB: number;
}

const [folder] = process.argv.slice(2);
if (!folder) {
  console.error('usage: load-child.mjs <folder with one fact file>');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('load-child.mjs needs node --expose-gc');
  process.exit(2);
}
const MB = 1024 * 1024;
const file = readdirSync(folder).find((f) => /\.facts\.(ya?ml|json)$/.test(f));
if (!file) {
  console.error(`load-child.mjs: no fact file in ${folder}`);
  process.exit(2);
}
const noBundled = (): FactBase => { throw new Error('the bundled base is off in the load benchmark'); };

gc(); gc();
const before = process.memoryUsage();
const t0 = performance.now();
const ws = new FactWorkspace(noBundled);
ws.setFolders([pathToFileURL(folder).href]);
ws.setSettings({ factFiles: [], useBundledFacts: false });
ws.rescan();
const { merged, problems } = ws.build();
const t1 = performance.now();
lexiconFor(merged.base);
const t2 = performance.now();
let firstCheckError: string | undefined;
try {
  check('Moscow currently holds about 75% of Donetsk, the Kremlin said.', merged.base);
} catch (e) {
  firstCheckError = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 200);
}
const t3 = performance.now();
gc(); gc();
const after = process.memoryUsage();

// Warm: the steps of the build one by one, on their own copy of the file.
const w0 = performance.now();
const read = readFactFile(readFileSync(path.join(folder, file), 'utf8'));
const w1 = performance.now();
parseFactFile(read, { sources: new Map(), entities: new Map() });
const w2 = performance.now();

// A small fact file open beside the big one, one keystroke at a time.
const desk = pathToFileURL(path.join(folder, 'desk.facts.yaml')).href;
const deskFile = (n: number) => `version: 1
sources:
  - id: desk-note
    title: Desk note
entities:
  - id: desk-lake
    name: Desk Lake
    aliases: [Desk Lake]
facts:
  - id: desk-lake-level
    kind: percent
    value: ${n}
    statement: Desk Lake was ${n}% full
    subject: desk-lake
    quote: { source: desk-note, text: Desk Lake is ${n}% full }
`;
ws.setBuffer(desk, deskFile(40));
ws.build();
const rebuilds: number[] = [];
for (let k = 1; k <= 5; k++) {
  ws.setBuffer(desk, deskFile(40 + k));
  const r0 = performance.now();
  ws.build();
  rebuilds.push(performance.now() - r0);
}
rebuilds.sort((a, b) => a - b);

const result: LoadChildResult = {
  facts: merged.base.facts.length,
  problems: [...problems.values()].reduce((n, l) => n + l.length, 0),
  buildMs: t1 - t0,
  lexiconMs: t2 - t1,
  firstCheckMs: t3 - t2,
  ...(firstCheckError ? { firstCheckError } : {}),
  decodeMs: w1 - w0,
  parseMs: w2 - w1,
  rebuildMs: rebuilds[2]!,
  rssBeforeMB: before.rss / MB,
  rssAfterMB: after.rss / MB,
  rssDeltaMB: (after.rss - before.rss) / MB,
  heapDeltaMB: (after.heapUsed - before.heapUsed) / MB,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
