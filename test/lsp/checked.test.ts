// "Mark as checked" against the built server: the quick fix creates .factdesk/checked.json in the
// workspace folder through a workspace edit; the figure is then not flagged, even after a
// paragraph is inserted above it, and an edit to the figure's sentence brings the flag back.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateFile, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { applyEdits, FULL_CAPABILITIES, LspClient } from './client';

const WRONG = "Russia's army now occupies about 85% of Donetsk, a senior official said.";
const DRAFT = `# Briefing\n\n${WRONG}\n`;
const wrong = (ds: Diagnostic[]) => ds.filter((d) => String(d.code ?? '').startsWith('wrong-'));

let dir: string;
let client: LspClient;
const draftUri = () => pathToFileURL(join(dir, 'draft.md')).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-checked-'));
  client = new LspClient();
  const caps = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] }, didChangeWatchedFiles: { dynamicRegistration: true } } };
  await client.initialize(caps, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
}, 30_000);
afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('Mark as checked', () => {
  it('records the mark in .factdesk/checked.json and survives a paragraph inserted above', async () => {
    client.open(draftUri(), DRAFT);
    const ds = wrong(await client.diagnostics(draftUri(), 1));
    expect(ds).toHaveLength(1);
    const actions = (await client.codeActions(draftUri(), ds[0]!.range, ds)) ?? [];
    const mark = actions.find((a) => a.title.startsWith('Mark as checked'));
    expect(mark, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    const changes = (mark!.edit as WorkspaceEdit).documentChanges!;
    const create = changes[0] as CreateFile;
    expect(create.kind).toBe('create');
    expect(create.uri).toBe(pathToFileURL(join(dir, '.factdesk', 'checked.json')).href);
    const text = applyEdits('', (changes[1] as TextDocumentEdit).edits as never);
    expect(JSON.parse(text).marks[0]).toMatchObject({ figure: expect.stringContaining('85'), factId: expect.any(String) });

    // What the editor does with the edit: the new file, then the watcher's event.
    mkdirSync(join(dir, '.factdesk'));
    writeFileSync(join(dir, '.factdesk', 'checked.json'), text);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: create.uri, type: 1 }] });
    await client.until('mark applied', () => wrong(client.publications(draftUri()).at(-1)!.diagnostics).length === 0);

    client.change(draftUri(), 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      text: '\nA new paragraph about the weather, with 12 mentions of rain.\n' }]);
    expect(wrong(await client.diagnostics(draftUri(), 2))).toHaveLength(0);
    // Hovers stay: the reporter can still see what the source says.
    expect(await client.hover(draftUri(), { line: 4, character: WRONG.indexOf('85') + 1 })).not.toBeNull();

    // The mark is for this sentence: rewording the words around the figure brings the flag back.
    client.change(draftUri(), 3, [{ text: DRAFT.replace('a senior official said', 'the defence ministry claimed on Tuesday') }]);
    expect(wrong(await client.diagnostics(draftUri(), 3))).toHaveLength(1);
  });
});
