// One draft × one fact base, checked a few times, for `node --cpu-prof`:
//
//   node --cpu-prof --cpu-prof-dir=DIR profile-child.mjs "<draft name>" <facts, 0 = bundled> <runs>
//
// Prints the run times as JSON. The summary (profile.ts) keeps only samples taken inside
// `check`, so generating the inputs does not count.
import { check } from '../../server/src/core/check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { DRAFTS, makeDraft } from './drafts';
import { bundledRaw, syntheticBase } from './facts';
import { DRAFT_SEED } from './seeds';

const [name, factsArg, runsArg] = process.argv.slice(2);
const i = DRAFTS.findIndex((d) => d.name === name);
const spec = DRAFTS[i];
if (!spec) {
  console.error(`unknown draft "${name}"; one of ${DRAFTS.map((d) => d.name).join(', ')}`);
  process.exit(2);
}
const facts = Number(factsArg ?? 0), runs = Number(runsArg ?? 3);
const draft = makeDraft(spec, DRAFT_SEED + i);
const { base } = parseFactBase(facts ? syntheticBase(facts) : bundledRaw());
const times: number[] = [];
let error: string | undefined;
for (let r = 0; r <= runs; r++) {
  const t0 = performance.now();
  try {
    check(r === 0 ? 'Moscow currently holds about 75% of Donetsk.' : draft.text, base);
  } catch (e) {
    error = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 200);
  }
  if (r > 0) times.push(performance.now() - t0);
}
process.stdout.write(`${JSON.stringify({ draft: spec.name, facts: base.facts.length, times, ...(error ? { error } : {}) })}\n`);
