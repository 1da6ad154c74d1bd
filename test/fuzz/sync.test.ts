// Document sync through the real server: random drafts, random batches of incremental edits.
// After every batch the diagnostics the server published for that version (computed by its
// IncrementalChecker on its own copy of the text) must equal what a whole check of the reference
// text gives (factdesk/checkText), lie inside the document, never split a surrogate pair, and
// cover exactly the figure the pure core reports, with the core's message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver';
import { check } from '../../server/src/core/check';
import { CHECK_TEXT_REQUEST, type CheckTextResult } from '../../server/src/lsp/protocol';
import { LspClient, uniqueUri } from '../lsp/client';
import {
  BASE, draftArb, insertArb, lineStarts, offsetOf, posOf, report, scaled, SEED, splitsCrlf, splitsPair,
} from './common';

const DOCS = scaled(40);
const BATCHES = 10;
const EDITS_PER_BATCH = 25;
const PARALLEL = 8; // the server debounces per document, so documents are edited side by side

interface RawEdit { at: number; len: number; text: string }
const rawEditArb = fc.record({ at: fc.nat(), len: fc.nat({ max: 24 }), text: insertArb });
const scriptArb = fc.array(fc.array(rawEditArb, { minLength: EDITS_PER_BATCH, maxLength: EDITS_PER_BATCH }), { minLength: BATCHES, maxLength: BATCHES });

const counts = { documents: 0, batches: 0, edits: 0, diagnostics: 0, crashes: 0, hangs: 0, mismatches: 0 };

/** Applies one edit to the reference text and returns the LSP change that says the same. */
function applyRaw(text: string, e: RawEdit): { text: string; change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } } {
  let start = e.at % (text.length + 1);
  let end = Math.min(text.length, start + e.len);
  // A position cannot point between "\r" and "\n": both halves belong to one line break.
  if (splitsCrlf(text, start)) start--;
  if (splitsCrlf(text, end)) end++;
  const starts = lineStarts(text);
  const change = { range: { start: posOf(starts, start), end: posOf(starts, end) }, text: e.text };
  return { text: text.slice(0, start) + e.text + text.slice(end), change };
}

const withoutVersion = (ds: readonly Diagnostic[]) => ds.map((d) => {
  const data = d.data as Record<string, unknown> | undefined;
  if (!data) return d;
  const { version: _v, ...rest } = data;
  return { ...d, data: rest };
});

function checkDiagnostics(text: string, diags: readonly Diagnostic[]): void {
  const starts = lineStarts(text);
  const findings = check(text, BASE);
  for (const d of diags) {
    const s = offsetOf(text, starts, d.range.start);
    const e = offsetOf(text, starts, d.range.end);
    expect(s, `range start inside the document: ${JSON.stringify(d.range)}`).not.toBeNull();
    expect(e, `range end inside the document: ${JSON.stringify(d.range)}`).not.toBeNull();
    if (s === null || e === null) continue;
    expect(s).toBeLessThanOrEqual(e);
    expect(splitsPair(text, s) || splitsPair(text, e), 'diagnostic splits a surrogate pair').toBe(false);
    const f = findings.find((x) => x.figure.span.start === s && x.figure.span.end === e);
    expect(f, `a core finding for "${text.slice(s, e)}"`).toBeDefined();
    if (!f) continue;
    expect(text.slice(s, e)).toBe(f.figure.text);
    expect(d.message).toBe(f.message);
    counts.diagnostics++;
  }
}

let client: LspClient;
beforeAll(async () => { client = new LspClient(); await client.initialize(); });
afterAll(async () => {
  await client.shutdown();
  report('document sync', { documents: counts.documents, batches: counts.batches, edits: counts.edits, diagnosticsChecked: counts.diagnostics, crashes: client.exit && client.exit.code !== 0 ? 1 : 0, hangs: counts.hangs, mismatches: counts.mismatches });
});

async function runDocument(initial: string, script: RawEdit[][]): Promise<void> {
  const uri = uniqueUri();
  let text = initial;
  let version = 1;
  client.open(uri, text);
  counts.documents++;
  for (const batch of script) {
    const changes = [];
    for (const e of batch) {
      const r = applyRaw(text, e);
      text = r.text;
      changes.push(r.change);
    }
    version++;
    client.change(uri, version, changes);
    counts.edits += batch.length;
    counts.batches++;
    let published: Diagnostic[];
    try {
      published = await client.diagnostics(uri, version, 15_000);
    } catch (err) {
      counts.hangs++;
      throw err;
    }
    const whole = await client.request<CheckTextResult | null>(CHECK_TEXT_REQUEST, { uri, languageId: 'markdown', text });
    expect(whole, 'checkText answered').not.toBeNull();
    const same = JSON.stringify(withoutVersion(published)) === JSON.stringify(withoutVersion(whole?.diagnostics ?? []));
    if (!same) counts.mismatches++;
    expect(withoutVersion(published), `server (incremental) vs whole check of the reference text, v${version}\n${JSON.stringify(text)}`).toEqual(withoutVersion(whole?.diagnostics ?? []));
    checkDiagnostics(text, published);
  }
  client.notify('textDocument/didClose', { textDocument: { uri } });
}

describe('document sync fuzz', () => {
  it(`keeps the server's view equal to a reference model over ${DOCS * BATCHES * EDITS_PER_BATCH} edits`, async () => {
    const cases = fc.sample(fc.tuple(draftArb, scriptArb), { seed: SEED, numRuns: DOCS });
    for (let i = 0; i < cases.length; i += PARALLEL) {
      await Promise.all(cases.slice(i, i + PARALLEL).map(([doc, script]) => runDocument(doc, script)));
    }
    expect(client.exit).toBeNull();
    expect(counts.edits).toBeGreaterThanOrEqual(scaled(10_000));
  }, 120_000 * Math.max(1, Number(process.env.FUZZ_SCALE ?? '1')));
});
