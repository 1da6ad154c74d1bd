// Settings as clients really send them: nulls from a bare editor, per-resource values, live
// changes, a client that cannot be asked at all, and clients with fewer capabilities.
import { fork } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver';
import { editsFor, FULL_CAPABILITIES, LspClient, positionOf, SERVER, uniqueUri } from './client';

const WRONG = "Russia's army now occupies about 85% of Donetsk, officials in Kyiv said.\n";
const loud = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1 || d.severity === 2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let client: LspClient | undefined;
afterEach(async () => { await client?.shutdown(); client = undefined; });

async function start(settings: Record<string, unknown> | null, capabilities = FULL_CAPABILITIES): Promise<LspClient> {
  client = new LspClient();
  client.configuration = (item) => (item.section === 'factdesk' ? settings : null);
  await client.initialize(capabilities);
  return client;
}

describe('workspace/configuration', () => {
  it('uses the defaults when the client answers null, and asks per resource', async () => {
    const c = await start(null);
    const uri = uniqueUri();
    c.open(uri, WRONG);
    const ds = await c.diagnostics(uri, 1);
    expect(loud(ds)).toHaveLength(1);
    expect(ds[0]!.severity).toBe(2);
    const asked = c.serverRequests.filter((r) => r.method === 'workspace/configuration');
    expect(asked.length).toBeGreaterThan(0);
    expect(JSON.stringify(asked[0]!.params)).toContain(uri);
  });

  it('tolerates values of the wrong type one setting at a time', async () => {
    const c = await start({ enable: 'yes', severity: 'loud', languages: 7, maxFileSizeKB: -1, run: 42 });
    const uri = uniqueUri();
    c.open(uri, WRONG);
    const ds = await c.diagnostics(uri, 1);
    expect(loud(ds)).toHaveLength(1);
    expect(ds[0]!.severity).toBe(2);
  });

  it('applies severity, and re-checks open drafts on didChangeConfiguration', async () => {
    let settings: Record<string, unknown> = { severity: 'error' };
    client = new LspClient();
    client.configuration = () => settings;
    await client.initialize();
    const uri = uniqueUri();
    client.open(uri, WRONG);
    expect((await client.diagnostics(uri, 1))[0]?.severity).toBe(1);

    settings = { severity: 'information' };
    const before = client.publications(uri).length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.until('re-published diagnostics', () => client!.publications(uri).length > before);
    expect(client.publications(uri).at(-1)!.diagnostics[0]?.severity).toBe(3);

    settings = { enable: false };
    const n = client.publications(uri).length;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.until('cleared diagnostics', () => client!.publications(uri).length > n);
    expect(client.publications(uri).at(-1)!.diagnostics).toEqual([]);
    expect(await client.hover(uri, positionOf(WRONG, '85'))).toBeNull();
  });

  it('registers for configuration changes when the client allows it', async () => {
    const c = await start(null);
    await c.until('client/registerCapability', () => c.serverRequests.find((r) => r.method === 'client/registerCapability'));
  });

  it('checks only the configured languages', async () => {
    const c = await start({ languages: ['markdown'] });
    const md = uniqueUri();
    const txt = uniqueUri('txt');
    c.open(md, WRONG, 'markdown');
    c.open(txt, WRONG, 'plaintext');
    expect(loud(await c.diagnostics(md, 1))).toHaveLength(1);
    expect(await c.diagnostics(txt, 1)).toEqual([]);
    expect(await c.request('factdesk/findings', { uri: txt })).toMatchObject({ checked: false, reason: 'language' });
  });

  it('checks news-draft documents by default', async () => {
    const c = await start(null);
    const uri = uniqueUri('draft');
    c.open(uri, WRONG, 'news-draft');
    expect(loud(await c.diagnostics(uri, 1))).toHaveLength(1);
  });

  it('reports an over-size draft once, at the top, instead of checking it', async () => {
    const c = await start({ maxFileSizeKB: 1 });
    const uri = uniqueUri();
    c.open(uri, WRONG.repeat(40));
    const ds = await c.diagnostics(uri, 1);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 3, source: 'Fact Desk', range: { start: { line: 0, character: 0 } } });
    expect(ds[0]!.message).toMatch(/maxFileSizeKB/);
  });

  it('on-save mode keeps quiet while typing and checks on save', async () => {
    const c = await start({ run: 'onSave' });
    const uri = uniqueUri();
    c.open(uri, 'Notes.\n');
    expect(await c.diagnostics(uri, 1)).toEqual([]);
    c.change(uri, 2, [{ text: WRONG }]);
    await sleep(300);
    expect(c.publications(uri).some((p) => p.version === 2)).toBe(false);
    c.notify('textDocument/didSave', { textDocument: { uri } });
    expect(loud(await c.diagnostics(uri, 2))).toHaveLength(1);
  });

  it('parenthetical citations for Markdown when configured', async () => {
    const c = await start({ citationStyle: 'parenthetical' });
    const uri = uniqueUri();
    c.open(uri, WRONG);
    const [d] = await c.diagnostics(uri, 1);
    const cite = ((await c.codeActions(uri, d!.range, [d!])) ?? []).find((a) => /citation/i.test(a.title))!;
    const edits = editsFor(cite.edit, uri);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toMatch(/^ \(Source: /);
  });

  it('reports unsourced figures as hints only when asked', async () => {
    const text = `${WRONG}The agency logged 4,312 applications in a week.\n`;
    const quiet = await start(null);
    const a = uniqueUri();
    quiet.open(a, text);
    expect((await quiet.diagnostics(a, 1)).filter((d) => d.severity === 4)).toEqual([]);
    await quiet.shutdown();

    const told = await start({ reportUnsourcedFigures: true });
    const b = uniqueUri();
    told.open(b, text);
    const hints = (await told.diagnostics(b, 1)).filter((d) => d.severity === 4);
    expect(hints.length).toBeGreaterThan(0);
    expect(hints.every((h) => h.code === 'unsourced')).toBe(true);
  });
});

describe('clients with fewer capabilities', () => {
  it('a client without workspace/configuration gets defaults, then pushed settings', async () => {
    const c = await start(null, { textDocument: {}, workspace: {} });
    const uri = uniqueUri();
    c.open(uri, WRONG);
    expect((await c.diagnostics(uri, 1))[0]?.severity).toBe(2);
    expect(c.serverRequests.some((r) => r.method === 'workspace/configuration')).toBe(false);

    const before = c.publications(uri).length;
    c.notify('workspace/didChangeConfiguration', { settings: { factdesk: { severity: 'error' } } });
    await c.until('re-published diagnostics', () => c.publications(uri).length > before);
    expect(c.publications(uri).at(-1)!.diagnostics[0]?.severity).toBe(1);
  });

  it('plain `changes` edits and plain-text hovers for a minimal client', async () => {
    const c = await start(null, { textDocument: { hover: { contentFormat: ['plaintext'] } }, workspace: {} });
    const uri = uniqueUri();
    c.open(uri, WRONG);
    const [d] = await c.diagnostics(uri, 1);
    const fix = ((await c.codeActions(uri, d!.range, [d!])) ?? []).find((a) => a.isPreferred)!;
    expect(fix.edit?.changes?.[uri]).toHaveLength(1);
    expect(fix.edit?.documentChanges).toBeUndefined();
    const h = await c.hover(uri, positionOf(WRONG, '85'));
    expect((h!.contents as MarkupContent).kind).toBe('plaintext');
    expect((h!.contents as MarkupContent).value).not.toContain('**');
  });
});

describe('node IPC transport (the VS Code client)', () => {
  it('initializes over --node-ipc', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    try {
      const answer = new Promise<{ id?: number; result?: { serverInfo?: { name?: string } } }>((resolve, reject) => {
        child.on('message', (m: { id?: number }) => { if (m.id === 1) resolve(m); });
        child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      child.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      const r = await answer;
      expect(r.result?.serverInfo?.name).toBe('Fact Desk');
    } finally {
      child.kill();
    }
  });
});
