// Per-handler isolation: every handler the server registers is wrapped (a source check, so a new
// handler without a guard fails here), and a check that throws for one document leaves the other
// documents' diagnostics untouched, clears only its own, and recovers on the next edit.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBundledFactBase } from '../../server/src/core/facts/bundled';
import { Analysis } from '../../server/src/lsp/analysis';
import type { Log } from '../../server/src/lsp/log';
import { guard } from '../../server/src/lsp/log';
import { SettingsStore } from '../../server/src/lsp/settings';
import { Validator } from '../../server/src/lsp/validation';
import { report } from './common';

const SERVER = readFileSync(resolve(__dirname, '../../server/src/server.ts'), 'utf8');

describe('every handler is wrapped', () => {
  it('each connection.on… / documents.on… registration goes through guard, onDoc or a try block', () => {
    const registrations = [...SERVER.matchAll(/^(?:connection|documents)\.on\w+\(/gm)];
    expect(registrations.length).toBeGreaterThanOrEqual(15);
    const unwrapped: string[] = [];
    for (const m of registrations) {
      const rest = SERVER.slice(m.index + m[0].length, m.index + m[0].length + 400);
      const [, name] = /^(?:connection|documents)\.(on\w+)\(/.exec(m[0])!;
      // The first argument after a request type constant, or the handler itself.
      const handler = rest.replace(/^[A-Z_]+,\s*/, '');
      const wrapped = /^guard\(/.test(handler) || /^onDoc\(/.test(handler)
        || /^\([^)]*\)\s*=>\s*\{\s*try\s*\{/.test(handler);
      // initialize is the one exception: vscode-jsonrpc answers a throw there with an error
      // response, and a server that could not set itself up should say so rather than run empty.
      if (!wrapped && name !== 'onInitialize') unwrapped.push(`${name}: ${handler.slice(0, 60)}`);
    }
    report('handler isolation', { handlers: registrations.length, unwrapped: unwrapped.length });
    expect(unwrapped).toEqual([]);
  });

  it('guard answers the fallback and logs, for a throw and for a rejection', async () => {
    const errors: string[] = [];
    const log: Log = { error: (m) => errors.push(m), warn: () => {}, info: () => {}, log: () => {} };
    expect(await guard(log, () => 'sync', 'fallback', () => { throw new Error('boom'); })(1)).toBe('fallback');
    expect(await guard(log, () => 'async', 7, () => Promise.reject(new Error('later')))(1)).toBe(7);
    // A context function that itself throws must not turn the fallback into an error.
    expect(await guard(log, () => { throw new Error('ctx'); }, null, () => { throw new Error('x'); })(1)).toBeNull();
    expect(errors).toHaveLength(3);
  });
});

describe('a failing check is confined to its document', () => {
  it('the other drafts are still checked and published; the failing one is cleared, then recovers', async () => {
    const errors: string[] = [];
    const log: Log = { error: (m) => errors.push(m), warn: () => {}, info: () => {}, log: () => {} };
    const published: PublishDiagnosticsParams[] = [];
    const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => { published.push(p); } } as unknown as Connection;
    const docs = new Map<string, TextDocument>();
    const documents = { get: (uri: string) => docs.get(uri), all: () => [...docs.values()] } as unknown as TextDocuments<TextDocument>;
    const analysis = new Analysis(log, loadBundledFactBase);
    // The fault: the checker throws for any draft containing "POISON" (a stand-in for a checker bug).
    const real = analysis.findingsInSlices.bind(analysis);
    analysis.findingsInSlices = async (doc, ...rest) => {
      if (doc.getText().includes('POISON')) throw new Error('checker bug');
      return real(doc, ...rest);
    };
    const validator = new Validator(connection, documents, new SettingsStore(log, null), analysis, log, 0);
    const text = "Russia's army now occupies about 85% of Donetsk, a senior official said.\n";
    const uris = Array.from({ length: 6 }, (_, i) => `file:///tmp/isolation/draft-${i}.md`);
    const last = (uri: string) => published.filter((p) => p.uri === uri).at(-1);
    const settle = () => new Promise((r) => setTimeout(r, 20));

    uris.forEach((uri, i) => {
      docs.set(uri, TextDocument.create(uri, 'markdown', 1, i % 2 ? `POISON ${text}` : text));
      validator.opened(docs.get(uri)!);
    });
    await settle();
    for (const [i, uri] of uris.entries()) {
      const p = last(uri);
      expect(p?.version, uri).toBe(1);
      if (i % 2) expect(p!.diagnostics, `${uri} failed: cleared`).toEqual([]);
      else expect(p!.diagnostics.map((d) => d.code), `${uri} still checked`).toContain('wrong-value');
    }
    expect(errors.filter((e) => e.includes('checker bug'))).toHaveLength(3);
    expect(errors.every((e) => uris.some((u) => e.includes(u)))).toBe(true);

    // The failing drafts recover on their next edit; the healthy ones keep being checked.
    for (const uri of uris) {
      docs.set(uri, TextDocument.create(uri, 'markdown', 2, text));
      validator.changed(docs.get(uri)!);
    }
    await settle();
    for (const uri of uris) expect(last(uri)?.diagnostics.map((d) => d.code), uri).toContain('wrong-value');
    report('check isolation', { drafts: uris.length, failingChecks: 3, othersStillChecked: 3, recovered: 3 });
  });
});
