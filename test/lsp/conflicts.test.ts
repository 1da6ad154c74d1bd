// A workspace fact that disagrees with a bundled one: both in the hover, marked as a conflict;
// `supersedes` settles it. The workspace fact cites a bundled source and subject by id.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver';
import { deskDonetskFact } from '../fixtures/deskFact';
import { FULL_CAPABILITIES, LspClient, positionOf } from './client';

const newer = (supersedes: string) => deskDonetskFact(`    asOf: "2020-01-15"\n${supersedes}`, true);
const DRAFT = 'Russia now controls 78% of Donetsk, analysts said.\n';
const wrong = (ds: Diagnostic[]) => ds.filter((d) => String(d.code ?? '').startsWith('wrong-'));

let dir: string;
let client: LspClient;
let factUri: string;
const draftUri = () => pathToFileURL(join(dir, 'front.md')).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-conflict-'));
  writeFileSync(join(dir, 'desk.facts.yaml'), newer(''));
  factUri = pathToFileURL(join(dir, 'desk.facts.yaml')).href;
  client = new LspClient();
  client.configuration = () => ({ staleAfterDays: 365 });
  const caps = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } };
  await client.initialize(caps, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
  await client.until('fact file loaded', () => client.publications(factUri).length > 0);
}, 30_000);
afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('conflicting facts', () => {
  it('loads a file that cites a bundled source and subject without problems', () => {
    expect(client.publications(factUri).at(-1)!.diagnostics).toEqual([]);
  });

  it('shows both values in the hover, marked as a conflict', async () => {
    client.open(draftUri(), DRAFT);
    const ds = await client.diagnostics(draftUri(), 1);
    // The desk fact is from 2020 and factdesk.staleAfterDays is 365: the figure is flagged as resting on an old fact.
    const stale = ds.filter((d) => d.code === 'stale-fact');
    expect(stale.map((d) => d.severity)).toEqual([3]);
    expect(stale[0]!.message).toContain('2020-01-15');
    const h = await client.hover(draftUri(), positionOf(DRAFT, '8%'));
    const v = (h!.contents as MarkupContent).value;
    expect(v).toMatch(/conflict/i);
    expect(v).toContain('78');
    expect(v).toContain('75');
  });

  it('`supersedes` makes the workspace fact win: the old value is no longer matched', async () => {
    writeFileSync(join(dir, 'desk.facts.yaml'), newer('    supersedes: russia-holds-75-percent-donetsk\n'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: factUri, type: 2 }] });
    await client.until('reloaded', () => client.logs.some((l) => l.includes('fact file event')));
    const h = await client.hover(draftUri(), positionOf(DRAFT, '8%'));
    expect((h!.contents as MarkupContent).value).not.toMatch(/conflict/i);
    client.change(draftUri(), 2, [{ text: DRAFT.replace('78%', '75%') }]);
    const ds = wrong(await client.diagnostics(draftUri(), 2));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('78');
  });
});
