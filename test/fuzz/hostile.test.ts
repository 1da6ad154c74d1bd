// Hostile text: each input answered without a crash within a generous bound, by the pure core
// and by the real server (open + hover + code actions); and the regex-heavy functions of the core
// on 100 KB adversarial strings, to catch catastrophic backtracking. Times are printed, and only
// asserted against generous bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Hover } from 'vscode-languageserver';
import { check } from '../../server/src/core/check';
import { planCitation } from '../../server/src/core/cite';
import { sentenceEnd } from '../../server/src/core/cite/sentence';
import { extractFigures } from '../../server/src/core/extract';
import { lex } from '../../server/src/core/extract/lexer';
import { IncrementalChecker } from '../../server/src/core/incremental';
import { phrasesIn } from '../../server/src/core/match/match';
import { segment } from '../../server/src/core/match/segment';
import { suppressedSpans } from '../../server/src/core/suppress';
import { escapeMarkdown } from '../../server/src/lsp/markup';
import { LspClient, uniqueUri } from '../lsp/client';
import { BASE, lineStarts, posOf, report, SCALE } from './common';
import { hostileInputs } from './hostile-inputs';

const CORE_BOUND_MS = 60_000;
const SERVER_BOUND_MS = 120_000;
const REGEX_BOUND_MS = 2_000;
const inputs = hostileInputs(SCALE);
const timeOf = <T>(fn: () => T): [T, number] => { const t = performance.now(); const r = fn(); return [r, Math.round(performance.now() - t)]; };
const counts = { hostileInputs: inputs.length, coreChecks: 0, serverChecks: 0, regexRuns: 0, crashes: 0, hangs: 0 };
const lines: string[] = [];

describe('hostile text: the pure core', () => {
  for (const h of inputs) {
    it(`${h.name} (${h.text.length} chars)`, () => {
      let crashed: unknown = null;
      let ms = 0;
      try {
        let n = 0;
        [n, ms] = timeOf(() => check(h.text, BASE).length);
        // The incremental checker must agree; at default scale only on the smaller inputs, to keep npm test fast.
        const [m, ms2] = SCALE > 1 || h.text.length <= 100_000 ? timeOf(() => new IncrementalChecker(BASE).check(h.text).length) : [n, 0];
        expect(m).toBe(n);
        lines.push(`core   ${h.name.padEnd(42)} ${String(h.text.length).padStart(8)} chars ${String(n).padStart(6)} findings  check ${ms} ms, incremental ${ms2} ms`);
        ms = Math.max(ms, ms2);
      } catch (e) { crashed = e; counts.crashes++; }
      expect(crashed).toBeNull();
      counts.coreChecks++;
      if (ms > CORE_BOUND_MS) counts.hangs++;
      expect(ms).toBeLessThan(CORE_BOUND_MS);
    }, CORE_BOUND_MS * 3);
  }
});

describe('hostile text: the server', () => {
  let client: LspClient;
  beforeAll(async () => { client = new LspClient(); await client.initialize(); });
  afterAll(async () => {
    const alive = client.exit === null;
    await client.shutdown();
    if (!alive) counts.crashes++;
  });
  for (const h of inputs) {
    it(`${h.name}: open, hover, code actions`, async () => {
      const uri = uniqueUri();
      const t = performance.now();
      client.open(uri, h.text);
      const diags = await client.diagnostics(uri, 1, SERVER_BOUND_MS).catch((e: unknown) => { counts.hangs++; throw e; });
      const tDiag = Math.round(performance.now() - t);
      const starts = lineStarts(h.text);
      const end = posOf(starts, h.text.length);
      const at = h.text.indexOf('85%');
      const probe = posOf(starts, at >= 0 ? at : Math.floor(h.text.length / 2));
      const t2 = performance.now();
      // Requests get the generous bound too: they wait for the check of the version they ask about.
      const codeActions = (range: { start: typeof probe; end: typeof probe }, diagnostics: typeof diags) => client.request<CodeAction[] | null>('textDocument/codeAction',
        { textDocument: { uri }, range, context: { diagnostics, triggerKind: 1 } }, SERVER_BOUND_MS);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: probe }, SERVER_BOUND_MS);
      const actions = await codeActions({ start: probe, end: probe }, diags);
      // Actions over the whole draft plan a citation per figure; at default scale only for drafts up to 100 KB.
      const all = SCALE > 1 || h.text.length <= 100_000 ? await codeActions({ start: { line: 0, character: 0 }, end }, []) : [];
      const tReq = Math.round(performance.now() - t2);
      expect(Array.isArray(actions)).toBe(true);
      expect(Array.isArray(all)).toBe(true);
      lines.push(`server ${h.name.padEnd(42)} ${String(diags.length).padStart(6)} diagnostics in ${tDiag} ms; hover ${hover ? 'yes' : 'none'}, ${actions?.length ?? 0}/${all?.length ?? 0} actions in ${tReq} ms`);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      expect(client.exit).toBeNull();
      counts.serverChecks++;
    }, SERVER_BOUND_MS * 2);
  }
});

// ---- catastrophic backtracking ------------------------------------------------------------

const UNITS = [
  'a', ' ', '\t', '1', '1,', '1.', '1, ', '0', '-', '--', '–', '—', '.', '. ', '..', ',', '%', '%5', '[^', '[x](', '](', '<!--', '-->', '>', '> ', '#', '`', '**', '_',
  'one-', 'one ', 'and ', 'per ', 'per cent ', 'million ', 'Jan. ', 'January ', '2024-', '6, ', 'about ', 'at least ', 'more than ', 'of ', 'Donetsk ',
  '\r', '\n', '\r\n', '\u200b', '😀', '\ud800', 'e\u0301', 'Д', 'A.', 'U.S.', 'St. ', '"', '“', '(', ')', ':', ';', "'", '’s ', 'x1', '1x', '1st', '1/2 ', '½',
];
/** 100 KB of a repeated unit, then a tail that makes a greedy pattern fail at the very end. */
const adversarial = UNITS.flatMap((u) => {
  const tail = `${u.repeat(Math.ceil(99_990 / u.length)).slice(0, 99_990)}!x\u0000`;
  return SCALE > 1 ? [u.repeat(Math.ceil(100_000 / u.length)).slice(0, 100_000), tail] : [tail];
});

const REGEX_FUNCTIONS: Array<[string, (s: string) => unknown]> = [
  ['lex', (s) => lex(s)],
  ['extractFigures', (s) => extractFigures(s)],
  ['segment', (s) => segment(s)],
  ['phrasesIn', (s) => phrasesIn(s, BASE)],
  ['suppressedSpans', (s) => suppressedSpans(s)],
  ['sentenceEnd', (s) => sentenceEnd(s, { start: 0, end: 1 })],
  ['planCitation', (s) => planCitation(s, { start: 0, end: 1 }, BASE.facts[0]!, BASE, 'footnote')],
  ['escapeMarkdown', (s) => escapeMarkdown(s)],
];
// check() runs every pattern of the matcher too; the hostile inputs above already time it, so here only in fuzz runs.
if (SCALE > 1) REGEX_FUNCTIONS.push(['check', (s) => check(s, BASE)]);

describe('no catastrophic backtracking on 100 KB adversarial strings', () => {
  for (const [name, fn] of REGEX_FUNCTIONS) {
    it(name, () => {
      let worst = 0;
      let worstInput = '';
      for (const s of adversarial) {
        const [, ms] = timeOf(() => fn(s));
        counts.regexRuns++;
        if (ms > worst) { worst = ms; worstInput = JSON.stringify(s.slice(0, 12)); }
      }
      lines.push(`regex  ${name.padEnd(16)} ${adversarial.length} inputs of 100 KB, slowest ${worst} ms (${worstInput}…)`);
      expect(worst).toBeLessThan(REGEX_BOUND_MS);
    }, 120_000);
  }
});

afterAll(() => {
  process.stdout.write(`${lines.join('\n')}\n`);
  report('hostile text', counts);
});
