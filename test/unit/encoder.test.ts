import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver';
import type { Message } from 'vscode-jsonrpc';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBundledFactBase } from '../../server/src/core/facts/bundled';
import { Analysis } from '../../server/src/lsp/analysis';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';
import { encodeMessage } from '../../server/src/lsp/encoder';
import type { Log } from '../../server/src/lsp/log';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const publication = (diagnostics: unknown[], version: number | undefined = 3): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: version === undefined ? { uri: 'file:///d.md', diagnostics } : { uri: 'file:///d.md', version, diagnostics } }) as Message;

// Text a diagnostic may hold: quotes from the sources are Cyrillic, curly-quoted, with emoji.
const text = fc.oneof(fc.string(), fc.constantFrom('Київ “quoted” — ≈75%', '😀 the 🇺🇦 flag', 'line\r\nbreak "and" \\ slash', '\u2028\u0000'));
const diagnostic = fc.record({
  range: fc.record({ start: fc.record({ line: fc.nat(), character: fc.nat() }), end: fc.record({ line: fc.nat(), character: fc.nat() }) }),
  severity: fc.integer({ min: 1, max: 4 }),
  source: fc.constant('Fact Desk'),
  code: text,
  message: text,
  data: fc.option(fc.record({ verdict: text, factId: fc.option(text) }), { nil: undefined }),
}, { requiredKeys: ['range', 'message'] });

describe('the stdio encoder', () => {
  it('writes every message exactly as JSON.stringify does', () => {
    fc.assert(fc.property(fc.array(diagnostic, { maxLength: 20 }), fc.option(fc.nat(), { nil: undefined }), (ds, version) => {
      const msg = publication(ds, version);
      // Twice: the second time from the bytes kept for each diagnostic.
      expect(encodeMessage(msg).toString('utf8')).toBe(JSON.stringify(msg));
      expect(encodeMessage(msg).toString('utf8')).toBe(JSON.stringify(msg));
    }), { numRuns: 300 });
    for (const msg of [
      { jsonrpc: '2.0', id: 1, result: { contents: 'Київ 😀' } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'diagnostics' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: [null, 1, 'a'] } },
      // Other key orders are written as JSON.stringify writes them too.
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [{ message: 'x' }], uri: 'file:///x' } },
      { method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: [] }, jsonrpc: '2.0' },
    ] as unknown as Message[]) expect(encodeMessage(msg).toString('utf8')).toBe(JSON.stringify(msg));
  });

  it('writes a publication as JSON.stringify does after any edits of the list before it', () => {
    // What a keystroke does to a draft's list: some diagnostics go, new ones come, in one place or
    // several, the rest being the very objects sent last time; two drafts' publications interleave.
    const edit = fc.record({
      uri: fc.constantFrom('file:///a.md', 'file:///b.md'),
      at: fc.nat(),
      remove: fc.nat({ max: 4 }),
      add: fc.array(diagnostic, { maxLength: 4 }),
      copy: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(diagnostic, { maxLength: 12 }), fc.array(edit, { maxLength: 12 }), (first, edits) => {
      const lists = new Map<string, unknown[]>([['file:///a.md', first], ['file:///b.md', [...first].reverse()]]);
      for (const e of edits) {
        const list = [...lists.get(e.uri)!];
        const at = e.at % (list.length + 1);
        list.splice(at, e.remove, ...e.add);
        // A moved diagnostic is a copy: equal, but not the object sent.
        if (e.copy && list.length) list[at % list.length] = { ...(list[at % list.length] as object) };
        lists.set(e.uri, list);
        const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: e.uri, version: 1, diagnostics: list } } as unknown as Message;
        expect(encodeMessage(msg).toString('utf8')).toBe(JSON.stringify(msg));
      }
    }), { numRuns: 500 });
  });

  it('sends a diagnostic sent before as the bytes it was sent as', () => {
    const d: Diagnostic = { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, message: 'Sources give 75%' };
    const first = encodeMessage(publication([d])).toString('utf8');
    // Nothing changes a diagnostic once made (see below); if something did, the old bytes would go.
    d.message = 'changed';
    expect(encodeMessage(publication([d])).toString('utf8')).toBe(first);
    expect(encodeMessage(publication([{ ...d }])).toString('utf8')).toContain('changed');
  });
});

describe('diagnostics are never changed once made', () => {
  const log: Log = { error: () => {}, warn: () => {}, info: () => {}, log: () => {} };
  const deepFreeze = <T>(x: T): T => {
    if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) { Object.freeze(x); for (const v of Object.values(x)) deepFreeze(v); }
    return x;
  };
  const WRONG = 'Moscow holds about 85% of Donetsk.';
  it.each<[string, (t: string) => string, boolean]>([
    ['a letter typed', (t) => t.replace('More', 'Moore'), true],
    // Every line after it moved: the diagnostics there are copies on their new lines.
    ['a line added at the top', (t) => `New line.\n${t}`, false],
    ['the first figure edited', (t) => t.replace('85%', '95%'), true],
  ])('when they are reused after %s', (_, edit, sameObjects) => {
    const analysis = new Analysis(log, loadBundledFactBase);
    let doc = TextDocument.create('file:///d.md', 'markdown', 1, `X intro.\n\n${WRONG}\n\nMore text.\n\n${WRONG} 😀 Київ “quoted”.\r\n\r\n${WRONG}`);
    const publish = () => toDiagnostics(doc, analysis.findings(doc, DEFAULT_SETTINGS), DEFAULT_SETTINGS, undefined, analysis.diagnosticReuse(doc));
    const before = publish().map(deepFreeze);
    const json = JSON.stringify(before);
    doc = TextDocument.create(doc.uri, 'markdown', 2, edit(doc.getText()));
    // A frozen diagnostic changed in place would throw here (modules run in strict mode).
    const after = publish();
    expect(JSON.stringify(before)).toBe(json);
    // Where no line moved, they are the very objects sent before, whose kept bytes go out again.
    expect(after.filter((d) => before.includes(d)).length > 0).toBe(sameObjects);
  });
});
