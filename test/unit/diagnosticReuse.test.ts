import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBundledFactBase } from '../../server/src/core/facts/bundled';
import { Analysis } from '../../server/src/lsp/analysis';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';
import type { Log } from '../../server/src/lsp/log';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/lsp/settings';

const log: Log = { error: () => {}, warn: () => {}, info: () => {}, log: () => {} };
const settings: Settings = { ...DEFAULT_SETTINGS };
const WRONG = 'Moscow holds about 85% of Donetsk.';

/** The diagnostics the validator publishes: findings, then diagnostics reusing earlier ones. */
function publish(analysis: Analysis, doc: TextDocument, s: Settings = settings) {
  return toDiagnostics(doc, analysis.findings(doc, s), s, undefined, analysis.diagnosticReuse(doc));
}
/** The same, made afresh. */
const fresh = (doc: TextDocument, s: Settings = settings) =>
  toDiagnostics(doc, new Analysis(log, loadBundledFactBase).findings(doc, s), s);

describe('diagnostics reused across edits', () => {
  const edits: Array<[string, (t: string) => string]> = [
    ['a letter typed at the start', (t) => `A${t}`],
    ['a paragraph inserted at the top', (t) => `New paragraph.\n\n${t}`],
    // Same length, same offsets, same finding objects after it: only the line numbers move.
    ['a character replaced by a line break', (t) => `\n${t.slice(1)}`],
    ['a CRLF line break in the middle', (t) => t.replace('\n\n', '\r\n\r\n\r\n')],
    ['the first figure edited', (t) => t.replace('85%', '95%')],
    ['text appended', (t) => `${t}\n\nRussia first invaded Ukraine in 2013.`],
  ];
  it.each(edits)('are what a fresh conversion gives after %s', (_, edit) => {
    const analysis = new Analysis(log, loadBundledFactBase);
    let doc = TextDocument.create('file:///d.md', 'markdown', 1, `X intro.\n\n${WRONG}\n\nMore text.\n\n${WRONG} 😀 Київ “quoted”.`);
    expect(publish(analysis, doc)).toEqual(fresh(doc));
    for (let v = 2; v < 5; v++) {
      doc = TextDocument.create(doc.uri, 'markdown', v, edit(doc.getText()));
      const got = publish(analysis, doc);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(fresh(doc));
    }
  });

  it('are made again when the severity setting changes', () => {
    const analysis = new Analysis(log, loadBundledFactBase);
    const doc = TextDocument.create('file:///d.md', 'markdown', 1, WRONG);
    expect(publish(analysis, doc)[0]!.severity).toBe(2);
    const doc2 = TextDocument.create(doc.uri, 'markdown', 2, `${WRONG} `);
    expect(publish(analysis, doc2, { ...settings, severity: 'error' })[0]!.severity).toBe(1);
  });

  it('hold when a check ran in between without publishing (a hover on a newer version)', () => {
    const analysis = new Analysis(log, loadBundledFactBase);
    let doc = TextDocument.create('file:///d.md', 'markdown', 1, `Intro.\n\n${WRONG}\n\nEnd.`);
    publish(analysis, doc);
    // Same length: the figure keeps its offset (and its finding object) but moves a line down.
    doc = TextDocument.create(doc.uri, 'markdown', 2, `\nntro.\n\n${WRONG}\n\nEnd.`);
    analysis.findings(doc, settings); // checked, not published
    doc = TextDocument.create(doc.uri, 'markdown', 3, `\nntro.\n\n${WRONG}\n\nThe end.`);
    expect(publish(analysis, doc)).toEqual(fresh(doc));
  });
});

describe('diagnostics of figures after an edit', () => {
  const MUNICH = 'About 250,000 people protested in Munich.';
  const draft = [
    'Intro line.', '', WRONG, '', `Київ 😀 “${WRONG}” and ${WRONG}`, '', 'Middle paragraph here.', '', `${WRONG}\r\n${WRONG}`, '', 'Tail.',
  ].join('\n');
  const middle = draft.indexOf('Middle');

  it('keep their objects when a keystroke adds no line', () => {
    const analysis = new Analysis(log, loadBundledFactBase);
    const doc = TextDocument.create('file:///d.md', 'markdown', 1, draft);
    const before = publish(analysis, doc);
    const edited = TextDocument.create(doc.uri, 'markdown', 2, `${draft.slice(0, middle)}A${draft.slice(middle)}`);
    const after = publish(analysis, edited);
    expect(after).toEqual(fresh(edited));
    const later = after.filter((d) => d.range.start.line > 6);
    expect(later.length).toBe(2);
    // The very objects sent before, not copies made afresh.
    for (const d of later) expect(before).toContain(d);
  });

  it('end where the figure ends now when only its end was edited', () => {
    // "soldiers" -> "soldier": the figure starts where it did and says the same, but is shorter.
    const analysis = new Analysis(log, loadBundledFactBase);
    const doc = TextDocument.create('file:///d.md', 'markdown', 1, 'Ukraine wants an army of 900,000 soldiers.');
    expect(publish(analysis, doc)[0]!.range.end.character).toBe(41);
    const edited = TextDocument.create(doc.uri, 'markdown', 2, 'Ukraine wants an army of 900,000 soldier.');
    expect(publish(analysis, edited)).toEqual(fresh(edited));
  });

  const edits: Array<[string, (t: string) => string]> = [
    ['a line break typed in the middle', (t) => t.replace('Middle', 'Mid\ndle')],
    ['a line joined in the middle', (t) => t.replace('\n\nMiddle', ' Middle')],
    ['a letter typed on the line of a later figure', (t) => t.replace(`\n${WRONG}\r\n`, `\nX${WRONG}\r\n`)],
    ['a line break typed just before a later figure', (t) => t.replace(`\n${WRONG}\r\n`, `\n\n${WRONG}\r\n`)],
    ['a CRLF split by the edit', (t) => t.replace('\r\n', '\r\nX\n')],
    ['an occasion word that re-ranks later figures', (t) => t.replace('Middle paragraph here.', MUNICH)],
    ['that word taken out again', (t) => t.replace(MUNICH, 'Middle paragraph here.')],
    ['the end deleted', (t) => t.slice(0, t.length - 3)],
  ];
  it.each(edits)('are what a fresh conversion gives after %s', (_, edit) => {
    const analysis = new Analysis(log, loadBundledFactBase);
    let doc = TextDocument.create('file:///d.md', 'markdown', 1, `${draft}\n\n${MUNICH.replace('Munich', 'the square')} 25-year guarantee.`);
    publish(analysis, doc);
    for (let v = 2; v < 5; v++) {
      doc = TextDocument.create(doc.uri, 'markdown', v, edit(doc.getText()));
      expect(publish(analysis, doc)).toEqual(fresh(doc));
    }
  });

  it('are what a fresh conversion gives after any sequence of edits, published or not', () => {
    const piece = fc.constantFrom('\n', '\r\n', '\n\n', ' ', 'x', WRONG, '85%', '75%', '%', '5', ' million', ' Munich', '# Heading\n\n', '😀', 'Київ');
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 40 }), text: fc.array(piece, { maxLength: 3 }).map((xs) => xs.join('')), publish: fc.boolean() });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (steps) => {
      const analysis = new Analysis(log, loadBundledFactBase);
      let doc = TextDocument.create('file:///d.md', 'markdown', 1, draft);
      publish(analysis, doc);
      steps.forEach((s, i) => {
        const t = doc.getText(), at = s.at % (t.length + 1);
        doc = TextDocument.create(doc.uri, 'markdown', i + 2, t.slice(0, at) + s.text + t.slice(at + s.len));
        if (s.publish || i === steps.length - 1) expect(publish(analysis, doc)).toEqual(fresh(doc));
        else analysis.findings(doc, settings);
      });
    }), { numRuns: 300 });
  });
});
