// Which fact files the server may read: only files whose real path lies in a workspace folder,
// unless factdesk.factFiles names an absolute path in the user's own settings (the VS Code client
// reports those as `userFactFiles`). A repository's settings, a symlink or a "../" glob must not
// make the server read a file outside the workspace.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { FULL_CAPABILITIES, LspClient } from './client';

const OUTSIDE_FACTS = `version: 1
sources:
  - id: kell-board
    title: Kell Water Board bulletin
entities:
  - id: lake-kell
    name: Lake Kell reservoir
    aliases: [Lake Kell]
facts:
  - id: lake-kell-level
    kind: percent
    value: 62
    statement: Lake Kell was 62% full
    subject: lake-kell
    quote:
      source: kell-board
      text: Lake Kell is currently 62% full.
`;
const DRAFT = 'Lake Kell stood at 48% of capacity on Monday, the water board said.\n';

let root: string;
let ws: string;
let secret: string;
let client: LspClient;
let settings: Record<string, unknown> = {};
let version = 1;
const draftUri = () => pathToFileURL(join(ws, 'draft.md')).href;
const wrong = (ds: Diagnostic[]) => ds.filter((d) => String(d.code ?? '').startsWith('wrong-'));

/** Applies fact file settings, waits for the reload they cause, and returns the draft's diagnostics. */
async function withSettings(next: Record<string, unknown>): Promise<Diagnostic[]> {
  settings = next;
  const reloads = client.logs.filter((l) => l.includes('facts in use')).length;
  client.notify('workspace/didChangeConfiguration', { settings: { factdesk: settings } });
  await client.until('a fact base reload', () => client.logs.filter((l) => l.includes('facts in use')).length > reloads);
  version++;
  client.change(draftUri(), version, [{ text: DRAFT }]);
  return client.diagnostics(draftUri(), version);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'factdesk-scope-'));
  ws = join(root, 'ws');
  mkdirSync(join(root, 'outside'), { recursive: true });
  mkdirSync(ws);
  secret = join(root, 'outside', 'secret.facts.yaml');
  writeFileSync(secret, OUTSIDE_FACTS);
  // A checked-out repository can carry these: a fact-file-named link to a file outside, and a
  // linked folder that holds one.
  symlinkSync(secret, join(ws, 'linked.facts.yaml'));
  symlinkSync(join(root, 'outside'), join(ws, 'linked-folder'));
  client = new LspClient();
  client.configuration = (item) => (item.section === 'factdesk' ? settings : null);
  await client.initialize(FULL_CAPABILITIES, [{ uri: pathToFileURL(ws).href, name: 'ws' }]);
  client.open(draftUri(), DRAFT);
  await client.diagnostics(draftUri(), 1);
}, 30_000);
afterAll(async () => {
  await client?.shutdown();
  rmSync(root, { recursive: true, force: true });
});

describe('fact files outside the workspace', () => {
  it('a workspace value naming an outside file, a symlink out and a "../" glob read nothing', async () => {
    const ds = await withSettings({ factFiles: [secret, '../outside/*.facts.yaml', 'linked-folder/*.facts.yaml'] });
    expect(wrong(ds)).toEqual([]);
    const refused = client.logs.filter((l) => l.includes('not reading'));
    expect(refused.some((l) => l.includes(secret) && l.includes('outside the workspace folders'))).toBe(true);
    expect(refused.some((l) => l.includes('linked.facts.yaml') && l.includes('links to'))).toBe(true);
    // Nothing is published for the refused files either: their text never reaches the editor.
    expect(client.publications(pathToFileURL(secret).href)).toEqual([]);
  });

  it('an absolute path from the user settings is read', async () => {
    const ds = await withSettings({ factFiles: [secret], userFactFiles: [secret] });
    expect(wrong(ds)).toHaveLength(1);
    expect(ds[0]!.message).toContain('62');
  });

  it('a userFactFiles entry alone does not add a file, and dropping the user value stops reading it', async () => {
    expect(wrong(await withSettings({ factFiles: [], userFactFiles: [secret] }))).toEqual([]);
    expect(wrong(await withSettings({ factFiles: [secret], userFactFiles: [secret] }))).toHaveLength(1);
    expect(wrong(await withSettings({ factFiles: [secret] }))).toEqual([]);
  });
});
