import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBundledFactBase } from '../../server/src/core/facts/bundled';
import { Analysis } from '../../server/src/lsp/analysis';
import type { Log } from '../../server/src/lsp/log';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const log: Log = { error: () => {}, warn: () => {}, info: () => {}, log: () => {} };
const settings = { ...DEFAULT_SETTINGS };
const WRONG = 'Moscow holds about 85% of Donetsk, officials said.';
const book = (n: number, tag = '') => Array.from({ length: n }, (_, i) => `Report ${i}${tag}: ${WRONG} The brief ran to ${i + 2} pages.`).join('\n\n');
const doc = (text: string, version = 1) => TextDocument.create('file:///book.md', 'markdown', version, text);
const fresh = (d: TextDocument) => new Analysis(log, loadBundledFactBase).findings(d, settings);
/** A pause that runs `inside` at the n-th pause, and counts them. */
function pauses(at = 1, inside: () => void = () => {}) {
  const p = { count: 0, pause: async () => { p.count++; if (p.count === at) inside(); await new Promise<void>((r) => setImmediate(r)); } };
  return p;
}

describe('a check in slices', () => {
  it('pauses on a long draft and finds what a whole check finds', async () => {
    const analysis = new Analysis(log, loadBundledFactBase);
    const d = doc(book(3000));
    const p = pauses();
    const found = await analysis.findingsInSlices(d, settings, p.pause, 1);
    expect(p.count).toBeGreaterThan(1);
    expect(found).toEqual(fresh(d));
    // Cached: the next caller gets the same array without a check.
    expect(analysis.findings(d, settings)).toBe(found);
  });

  it('is finished at once by a caller that cannot wait, and both get the same findings', async () => {
    // An edit of a checked draft: the paused check and the caller share the draft's checker.
    const analysis = new Analysis(log, loadBundledFactBase);
    // "Munich" anywhere makes the Munich demand the fact the 25-year figure is judged by.
    const guarantee = 'Zelensky demanded a 25-year security guarantee from the United States.';
    const v1 = doc(`${guarantee}\n\n${book(3000)}`);
    analysis.findings(v1, settings);
    const v2 = doc(`${guarantee}\n\n${book(3000)}\n\nHe spoke at the Munich Security Conference.`, 2);
    let meanwhile: unknown;
    const p = pauses(1, () => { meanwhile = analysis.findings(v2, settings); });
    const found = await analysis.findingsInSlices(v2, settings, p.pause, 1);
    expect(meanwhile).toBe(found);
    expect(found).toEqual(fresh(v2));
    // The checker's state is whole: the next edit (the occasion word gone again) checks right.
    const v3 = doc(v1.getText(), 3);
    expect(analysis.findings(v3, settings)).toEqual(fresh(v3));
  });

  it('lets a newer version wait its turn, then checks it', async () => {
    const analysis = new Analysis(log, loadBundledFactBase);
    const v1 = doc(book(3000)), v2 = doc(book(3000, 'b'), 2);
    let second: Promise<unknown> | undefined;
    const p = pauses(1, () => { second = analysis.findingsInSlices(v2, settings, async () => {}, 1); });
    const first = await analysis.findingsInSlices(v1, settings, p.pause, 1);
    expect(first).toEqual(fresh(v1));
    expect(await second).toEqual(fresh(v2));
  });

  it('starts again on a new fact base, and gives up on a closed draft', async () => {
    const analysis = new Analysis(log, loadBundledFactBase);
    const d = doc(book(3000));
    const empty = { sources: new Map(), entities: new Map(), facts: [] };
    const p = pauses(1, () => analysis.setBase(empty));
    const found = await analysis.findingsInSlices(d, settings, p.pause, 1);
    expect(found).toEqual([]); // nothing is sourced in an empty base
    let open = true;
    const q = pauses(1, () => { analysis.forget(d.uri); open = false; });
    analysis.setBase(loadBundledFactBase());
    expect(await analysis.findingsInSlices(d, settings, q.pause, 1, () => open)).toBeNull();
  });
});
