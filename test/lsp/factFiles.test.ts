// Workspace fact files against the built server: a temporary workspace folder holds a fact file
// of our own (a made-up reservoir), and a draft open in the editor is checked against it.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver';
import { FULL_CAPABILITIES, LspClient, positionOf } from './client';

const factFile = (value: string, extra = '') => `version: 1
sources:
  - id: orvin-water-board
    title: Orvin Water Board weekly reservoir bulletin
    outlet: Orvin Water Board
entities:
  - id: lake-orvin
    name: Lake Orvin reservoir
    aliases: [Lake Orvin]
facts:
  - id: lake-orvin-level
    kind: percent
    value: ${value}
    statement: Lake Orvin was ${value}% full
    subject: lake-orvin
    quote:
      source: orvin-water-board
      text: Lake Orvin is currently ${value}% full after the spring rains.
${extra}`;

const DRAFT = 'Lake Orvin stood at 48% of capacity on Monday, the water board said.\n';
const wrong = (ds: Diagnostic[]) => ds.filter((d) => String(d.code ?? '').startsWith('wrong-'));

let dir: string;
let factPath: string;
let factUri: string;
let client: LspClient;
const draftUri = () => pathToFileURL(join(dir, 'draft.md')).href;
let draftVersion = 1;

/** Re-sends the draft unchanged as a new version, and returns its diagnostics. */
async function recheck(): Promise<Diagnostic[]> {
  draftVersion++;
  client.change(draftUri(), draftVersion, [{ text: DRAFT }]);
  return client.diagnostics(draftUri(), draftVersion);
}

/** Waits for the draft's latest publication to satisfy `pred` (a reload re-publishes it). */
function draftUntil(what: string, pred: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return client.until(what, () => {
    const last = client.publications(draftUri()).at(-1);
    return last && pred(last.diagnostics) ? last.diagnostics : undefined;
  });
}
function factDiagnostics(pred: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return client.until('fact file diagnostics', () => {
    const last = client.publications(factUri).at(-1);
    return last && pred(last.diagnostics) ? last.diagnostics : undefined;
  });
}
const changed = (uri: string, type: 1 | 2 | 3) => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-ws-'));
  factPath = join(dir, 'reservoir.facts.yaml');
  factUri = pathToFileURL(factPath).href;
  writeFileSync(factPath, factFile('62'));
  client = new LspClient();
  const caps = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } };
  await client.initialize(caps, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
  client.open(draftUri(), DRAFT);
}, 30_000);
afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('workspace fact files', () => {
  it('registers a file watcher for fact files', async () => {
    const reg = await client.until('registerCapability', () => client.serverRequests.find((m) => m.method === 'client/registerCapability'
      && JSON.stringify(m.params).includes('didChangeWatchedFiles')));
    expect(JSON.stringify(reg.params)).toContain('.facts.');
  });

  it('flags a draft that contradicts a workspace fact', async () => {
    const ds = await draftUntil('wrong figure', (d) => wrong(d).length === 1);
    expect(ds[0]!.message).toContain('62');
    const h = await client.hover(draftUri(), positionOf(DRAFT, '8%'));
    expect((h!.contents as MarkupContent).value).toContain('Orvin Water Board');
  });

  it('clears the flag when the fact file on disk is edited to agree, without a restart', async () => {
    writeFileSync(factPath, factFile('48'));
    const t0 = performance.now();
    changed(factUri, 2);
    await draftUntil('flag cleared', (d) => wrong(d).length === 0);
    console.log(`fact file reload latency (disk change -> draft republished): ${(performance.now() - t0).toFixed(1)} ms`);
    expect(performance.now() - t0).toBeLessThan(1000);
    writeFileSync(factPath, factFile('62'));
    changed(factUri, 2);
    await draftUntil('flag back', (d) => wrong(d).length === 1);
  });

  it('reloads from the editor buffer while the fact file is open', async () => {
    client.open(factUri, factFile('48'), 'yaml');
    const t0 = performance.now();
    await draftUntil('flag cleared by buffer', (d) => wrong(d).length === 0);
    console.log(`fact file reload latency (editor edit -> draft republished): ${(performance.now() - t0).toFixed(1)} ms`);
    client.change(factUri, 2, [{ text: factFile('62') }]);
    await draftUntil('flag back by buffer', (d) => wrong(d).length === 1);
    client.notify('textDocument/didClose', { textDocument: { uri: factUri } });
  });

  it('reports a YAML syntax error at its line and keeps the last good facts', async () => {
    const broken = factFile('62').replace('    aliases: [Lake Orvin]', '    aliases: [Lake Orvin');
    writeFileSync(factPath, broken);
    changed(factUri, 2);
    const ds = await factDiagnostics((d) => d.length > 0);
    expect(ds[0]!.message).toMatch(/YAML syntax/);
    expect(ds[0]!.range.start.line).toBeGreaterThanOrEqual(8);
    expect(ds[0]!.range.start.line).toBeLessThanOrEqual(10);
    expect(wrong(await recheck())).toHaveLength(1);
  });

  it('reports a schema error at the offending line and keeps the last good facts', async () => {
    writeFileSync(factPath, factFile('62').replace('    kind: percent', '    kind: percentage'));
    changed(factUri, 2);
    const ds = await factDiagnostics((d) => d.some((x) => x.code === 'fact-file-schema'));
    const d = ds.find((x) => x.code === 'fact-file-schema')!;
    expect(d.range.start.line).toBe(11); // the "kind:" line
    expect(wrong(await recheck())).toHaveLength(1);
  });

  it('reports a missing source, an unparsable value and a duplicate id across files at their lines', async () => {
    writeFileSync(factPath, factFile('62').replace('      source: orvin-water-board', '      source: no-such-board'));
    changed(factUri, 2);
    let ds = await factDiagnostics((d) => d.some((x) => x.code === 'fact-file-reference'));
    expect(ds.find((x) => x.code === 'fact-file-reference')!.range.start.line).toBe(16);
    writeFileSync(factPath, factFile('162'));
    changed(factUri, 2);
    ds = await factDiagnostics((d) => d.some((x) => x.code === 'fact-file-value'));
    expect(ds.find((x) => x.code === 'fact-file-value')!.range.start.line).toBe(12);
    expect(wrong(await recheck())).toHaveLength(1); // the last good 62% is still in use

    writeFileSync(factPath, factFile('62'));
    const second = join(dir, 'copy.facts.json');
    writeFileSync(second, JSON.stringify({ version: 1, sources: [], facts: [{ id: 'lake-orvin-level', kind: 'percent', value: 50,
      statement: 'Lake Orvin was half full', subject: 'lake-orvin', quote: { source: 'orvin-water-board', text: 'Lake Orvin is half full.' } }] }, null, 2));
    changed(factUri, 2);
    changed(pathToFileURL(second).href, 1);
    const dup = await client.until('duplicate id', () => client.publications(pathToFileURL(second).href).at(-1)?.diagnostics
      .find((x) => x.code === 'fact-file-duplicate'));
    expect(dup.range.start.line).toBeGreaterThan(0);
    unlinkSync(second);
    changed(pathToFileURL(second).href, 3);
    await client.until('duplicate cleared', () => client.publications(pathToFileURL(second).href).at(-1)?.diagnostics.length === 0);
    await factDiagnostics((d) => d.length === 0);
  });

  it('drops the facts of a deleted file', async () => {
    expect(wrong(await recheck())).toHaveLength(1);
    unlinkSync(factPath);
    changed(factUri, 3);
    await draftUntil('facts gone', (d) => wrong(d).length === 0);
  });

  it('drops the facts of a file deleted while open in the editor, and takes them back when it is saved again', async () => {
    writeFileSync(factPath, factFile('62'));
    changed(factUri, 1);
    await draftUntil('facts back', (d) => wrong(d).length === 1);
    client.open(factUri, factFile('62'), 'yaml');
    unlinkSync(factPath);
    changed(factUri, 3);
    await draftUntil('facts gone although the buffer is open', (d) => wrong(d).length === 0);
    writeFileSync(factPath, factFile('62')); // the editor saves the buffer: the file exists again
    changed(factUri, 1);
    await draftUntil('facts back after the save', (d) => wrong(d).length === 1);
    client.notify('textDocument/didClose', { textDocument: { uri: factUri } });
  });
});
