import { describe, expect, it } from 'vitest';
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
  return toDiagnostics(doc, analysis.findings(doc, s), s, undefined, analysis.diagnosticReuse(doc, s));
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
