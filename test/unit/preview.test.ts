// A long draft opened afresh shows its first part's findings before the rest is read.
import { describe, expect, it, vi } from 'vitest';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/core/check';
import { loadBundledFactBase } from '../../server/src/core/facts/bundled';
import { IncrementalChecker, PREVIEW_AFTER, PREVIEW_REST, type Preview } from '../../server/src/core/incremental';
import type { Finding } from '../../server/src/core/types';
import { Analysis } from '../../server/src/lsp/analysis';
import type { Log } from '../../server/src/lsp/log';
import { DEFAULT_SETTINGS, SettingsStore } from '../../server/src/lsp/settings';
import { findingsOf, type Session } from '../../server/src/lsp/session';
import { Validator } from '../../server/src/lsp/validation';

const base = loadBundledFactBase();
const log: Log = { error: () => {}, warn: () => {}, info: () => {}, log: () => {} };

// "Munich" anywhere in the draft makes the Munich demand the fact a 25-year figure is judged by.
const DEMAND = 'Zelensky demanded a 25-year security guarantee from the United States.';
const MUNICH = 'He spoke at the Munich Security Conference.';
const report = (i: number) => `Report ${i}: Moscow holds about 85% of Donetsk, officials said. The brief ran to ${i + 2} pages.`;
/** Distinct paragraphs (repeated ones are read once), `kb` long or a little more. */
function book(kb: number, first = '', last = ''): string {
  const parts = first ? [first] : [];
  let length = 0;
  for (let i = 0; length < kb * 1024; i++) { const p = report(i); parts.push(p); length += p.length + 2; }
  if (last) parts.push(last);
  return parts.join('\n\n');
}

/** Runs a check to the end, keeping what it yields on the way. */
function run(checker: IncrementalChecker, text: string): { previews: Preview[]; findings: Finding[] } {
  const previews: Preview[] = [];
  const steps = checker.steps(text);
  for (;;) {
    const r = steps.next();
    if (r.done) return { previews, findings: r.value };
    if (r.value) previews.push(r.value);
  }
}

describe('the preview of a long first check', () => {
  const long = (PREVIEW_AFTER + PREVIEW_REST) / 1024 + 8;

  it('gives once the findings of the first part, each as the whole check gives it', () => {
    const text = book(long);
    const { previews, findings } = run(new IncrementalChecker(base), text);
    expect(previews).toHaveLength(1);
    const [preview] = previews as [Preview];
    expect(preview.end).toBeGreaterThanOrEqual(PREVIEW_AFTER);
    expect(preview.end).toBeLessThan(text.length - PREVIEW_REST + 1);
    // Every wrong "85%" before the preview's end, and nothing after it.
    const before = findings.filter((f) => f.figure.span.end <= preview.end);
    expect(before.filter((f) => f.verdict === 'wrong').length).toBeGreaterThan(100);
    expect(preview.findings).toEqual(before);
    expect(findings).toEqual(check(text, base));
  });

  it('leaves out a finding that an occasion word further on re-ranks', () => {
    const text = book(long, DEMAND, MUNICH);
    const whole = check(text, base);
    const demand = whole.find((f) => f.figure.text.startsWith('25-year'));
    // The Munich demand is the fact only because of the last paragraph.
    expect(demand?.fact?.id).toBeDefined();
    expect(check(`${DEMAND}\n\n${MUNICH}`, base).find((f) => f.figure.text.startsWith('25-year'))?.fact?.id).toBe(demand?.fact?.id);
    expect(check(DEMAND, base).find((f) => f.figure.text.startsWith('25-year'))?.fact?.id).not.toBe(demand?.fact?.id);
    const { previews, findings } = run(new IncrementalChecker(base), text);
    expect(findings).toEqual(whole);
    const [preview] = previews as [Preview];
    expect(preview.findings.some((f) => f.figure.text.startsWith('25-year'))).toBe(false);
    // The rest of its part is there, as the whole check gives it.
    expect(preview.findings).toEqual(whole.filter((f) => f.figure.span.end <= preview.end && f !== demand));
  });

  it('is not given for a draft that is read quickly, nor for an edit of a long one', () => {
    const checker = new IncrementalChecker(base);
    expect(run(checker, book((PREVIEW_AFTER + PREVIEW_REST) / 1024 - 8)).previews).toHaveLength(0);
    const text = book(long);
    expect(run(checker, text).previews).toHaveLength(0); // most of it is new, but not all
    const fresh = new IncrementalChecker(base);
    expect(run(fresh, text).previews).toHaveLength(1);
    const edited = text.replace('Report 40:', 'Report forty:');
    const { previews, findings } = run(fresh, edited);
    expect(previews).toHaveLength(0);
    expect(findings).toEqual(check(edited, base));
  });

  it('is given for a long text pasted over all of a short one, which is read afresh', () => {
    const checker = new IncrementalChecker(base);
    run(checker, 'Notes for the story.\n\nMore notes.');
    const text = book(long);
    const { previews, findings } = run(checker, text);
    expect(previews).toHaveLength(1);
    expect(previews[0]!.findings).toEqual(findings.filter((f) => f.figure.span.end <= previews[0]!.end));
    expect(findings).toEqual(check(text, base));
  });
});

describe('publishing a preview', () => {
  const URI = 'file:///preview/book.md';
  function setup() {
    const published: PublishDiagnosticsParams[] = [];
    const hooks: { onPublish?: (p: PublishDiagnosticsParams) => void } = {};
    const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => { published.push(p); hooks.onPublish?.(p); } } as unknown as Connection;
    const docs = new Map<string, TextDocument>();
    const documents = { get: (uri: string) => docs.get(uri), all: () => [...docs.values()] } as unknown as TextDocuments<TextDocument>;
    const analysis = new Analysis(log, loadBundledFactBase);
    const validator = new Validator(connection, documents, new SettingsStore(log, async () => ({})), analysis, log);
    const put = (text: string, version = 1) => { const d = TextDocument.create(URI, 'markdown', version, text); docs.set(URI, d); return d; };
    const session = { documents, analysis } as unknown as Session;
    return { published, validator, analysis, put, session, hooks };
  }
  const text = book((PREVIEW_AFTER + PREVIEW_REST) / 1024 + 8);

  it('publishes the first part, then all of it, under the same version', async () => {
    const t = setup();
    t.validator.opened(t.put(text));
    await vi.waitFor(() => expect(t.published).toHaveLength(2), { timeout: 10_000 });
    const [first, all] = t.published as [PublishDiagnosticsParams, PublishDiagnosticsParams];
    expect([first.version, all.version]).toEqual([1, 1]);
    expect(first.diagnostics.length).toBeGreaterThan(100);
    expect(first.diagnostics.length).toBeLessThan(all.diagnostics.length);
    // Nothing shown first is taken back or changed.
    expect(all.diagnostics.slice(0, first.diagnostics.length)).toEqual(first.diagnostics);
  });

  it('does not hide diagnostics already shown: a draft read afresh for a new fact base is published once', async () => {
    const t = setup();
    t.validator.opened(t.put(text));
    await vi.waitFor(() => expect(t.published).toHaveLength(2), { timeout: 10_000 });
    t.analysis.setBase({ ...loadBundledFactBase() }); // another base object: every check starts afresh
    t.validator.revalidateAll();
    await vi.waitFor(() => expect(t.published).toHaveLength(3), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(t.published).toHaveLength(3);
    expect(t.published[2]!.diagnostics).toEqual(t.published[1]!.diagnostics);
  });

  it('lets a request for the findings wait for the check without holding the message loop, and the preview still go out', async () => {
    // The status bar asks as the draft opens; a hover or a code action may too.
    const t = setup();
    const long = book(600); // a check of many slices on any machine
    const d = t.put(long);
    t.validator.opened(d);
    let ticks = 0;
    let waiting = true;
    const tick = () => { ticks++; if (waiting) setImmediate(tick); };
    setImmediate(tick);
    const found = await findingsOf(t.session, { doc: d, settings: DEFAULT_SETTINGS });
    waiting = false;
    // Finished at once, it would leave no turn to anything else.
    expect(ticks).toBeGreaterThan(0);
    expect(found).toEqual(check(long, base));
    await vi.waitFor(() => expect(t.published).toHaveLength(2), { timeout: 10_000 });
    expect(t.published[0]!.diagnostics.length).toBeLessThan(t.published[1]!.diagnostics.length);
  });

  it('answers null for a version a newer one overtook while it waited', async () => {
    const t = setup();
    const d1 = t.put(text);
    let asked: Promise<unknown> | undefined;
    // As the preview goes out, the validator's check of version 1 is under way.
    t.hooks.onPublish = () => {
      if (asked) return;
      asked = findingsOf(t.session, { doc: d1, settings: DEFAULT_SETTINGS });
      t.put(`${text}\n\nMore.`, 2);
    };
    t.validator.opened(d1);
    await vi.waitFor(() => expect(asked).toBeDefined(), { timeout: 10_000 });
    expect(await asked).toBeNull();
  });

  it('publishes no preview once the document has moved on, though the same object holds the new text', () => {
    // The editor's document object is updated in place by an edit; the preview's offsets are
    // those of the text that was checked.
    const t = setup();
    const d = t.put(text);
    t.validator.opened(d);
    const seen: Array<[number, number]> = [];
    const publish = t.analysis.onPreview!;
    t.analysis.onPreview = (doc, version, found) => { seen.push([version, doc.version]); publish(doc, version, found); };
    let edited = false;
    const done = t.analysis.findingsInSlices(d, DEFAULT_SETTINGS, async () => {
      if (!edited) { edited = true; TextDocument.update(d, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft: ' }], 2); }
      await new Promise<void>((r) => setImmediate(r));
    }, 1);
    return done.then(async () => {
      expect(seen).toEqual([[1, 2]]);
      await new Promise((r) => setTimeout(r, 50));
      expect(t.published.filter((p) => p.version === 2)).toEqual([]);
    });
  });
});
