// `[^` completion against the built server: citation keys of the facts, quote as documentation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver';
import { applyEdits, LspClient, uniqueUri } from './client';

let client: LspClient;
beforeAll(async () => { client = new LspClient(); await client.initialize(); });
afterAll(async () => { await client.shutdown(); });

describe('footnote completion', () => {
  it('announces "^" as a trigger character', async () => {
    const c = new LspClient();
    const r = await c.initialize();
    await c.shutdown();
    expect(r.capabilities.completionProvider?.triggerCharacters).toContain('^');
  });

  it('offers citation keys after "[^" and appends the definition once', async () => {
    const text = 'Russia holds about 75% of Donetsk.[^russia-h';
    const uri = uniqueUri();
    client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: text.length } });
    const item = items.find((i) => i.label === 'russia-holds-75-percent-donetsk');
    expect(item, items.map((i) => i.label).join(', ')).toBeDefined();
    expect((item!.documentation as MarkupContent).value).toContain('Moscow currently holds about 75% of Donetsk');
    const edits = [...(item!.additionalTextEdits ?? []), item!.textEdit as never];
    const out = applyEdits(text, edits);
    expect(out).toContain('Donetsk.[^russia-holds-75-percent-donetsk]');
    expect(out).toMatch(/\n\[\^russia-holds-75-percent-donetsk\]: .*“Moscow currently holds/);
  });

  it('offers nothing elsewhere', async () => {
    const text = 'Plain words here';
    const uri = uniqueUri();
    client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 5 } });
    expect(items).toEqual([]);
  });
});
