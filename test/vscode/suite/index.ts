// The in-editor suite: runs inside a real VS Code extension host (code-server here and in CI,
// desktop VS Code through @vscode/test-electron elsewhere) against the workspace the runner
// prepared from test/vscode/fixtures/workspace (+ the example drafts under examples/).
// Every wait polls with a deadline; nothing sleeps a fixed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FactDeskApi } from '../../../client/src/extension';
import { factBaseTests } from './factBase';
import { factDeskDiagnostics, runAll, say, test, waitFor } from './framework';
import { recoveryTests } from './recovery';

const EXTENSION_ID = 'factdesk.fact-desk';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the runner must open the test workspace');
  return f.uri;
}
const file = (rel: string) => vscode.Uri.joinPath(folder(), rel);

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Range of the `n`-th occurrence of `needle` in the document. */
function rangeOf(doc: vscode.TextDocument, needle: string, n = 0): vscode.Range {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${n}) not in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

async function diagnosticAt(uri: vscode.Uri, range: vscode.Range, what: string, timeoutMs = 15_000): Promise<vscode.Diagnostic> {
  return waitFor(what, () => factDeskDiagnostics(uri).find((d) => d.range.intersection(range) !== undefined), timeoutMs);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider', uri, range, kind);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('factdesk').update(key, value, vscode.ConfigurationTarget.Workspace);
}

let api: FactDeskApi;

test('activates on a Markdown draft and starts the server', async () => {
  const ext = vscode.extensions.getExtension<FactDeskApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this extension host`);
  // Activation is for drafts, and for workspaces that keep fact files (their diagnostics come from
  // the server); never on start-up (another extension may already have made a plaintext model).
  const events = (ext.packageJSON as { activationEvents: string[] }).activationEvents;
  assert.deepEqual([...events].sort(), [
    'onLanguage:markdown', 'onLanguage:news-draft', 'onLanguage:plaintext',
    'workspaceContains:**/*.facts.json', 'workspaceContains:**/*.facts.yaml',
  ]);
  await open('desk-note.md');
  await waitFor('the extension to activate', () => ext.isActive, 20_000);
  api = ext.exports;
  assert.equal(await api.ready(), true, 'server did not start');
  const ms = api.activationMs();
  assert.ok(typeof ms === 'number' && ms >= 0);
  say(`      activation: ${ms} ms from extension load to a running server`);
});

test('flags a wrong percentage in Markdown as a warning from "Fact Desk"', async () => {
  const editor = await open('desk-note.md');
  const doc = editor.document;
  assert.equal(doc.languageId, 'markdown');
  const range = rangeOf(doc, '85%');
  const d = await diagnosticAt(doc.uri, range, 'a diagnostic on 85%');
  assert.equal(doc.getText(d.range), '85%');
  assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  assert.equal(d.source, 'Fact Desk');
  assert.match(d.message, /75%/);
  assert.match(d.message, /Donetsk/);
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  assert.equal(code, 'wrong-value');
  // The correct figure in the same paragraph stays silent.
  const ok = rangeOf(doc, '30 countries');
  assert.equal(factDeskDiagnostics(doc.uri).filter((x) => x.range.intersection(ok)).length, 0, '"30 countries" is right and must not be flagged');
});

test('News Draft language: *.draft files are news-draft and get checked', async () => {
  const editor = await open('wire.draft');
  const doc = editor.document;
  assert.equal(doc.languageId, 'news-draft');
  const d = await diagnosticAt(doc.uri, rangeOf(doc, '700,000'), 'a diagnostic on 700,000-strong');
  assert.match(doc.getText(d.range), /^700,000/);
  assert.match(d.message, /800,000/);
});

test('plain text drafts are checked too; other languages are not', async () => {
  const brief = (await open('brief.txt')).document;
  assert.equal(brief.languageId, 'plaintext');
  await diagnosticAt(brief.uri, rangeOf(brief, '2015'), 'a diagnostic on 2015');
  const notes = (await open('notes.log')).document;
  assert.notEqual(notes.languageId, 'markdown');
  // The same wrong sentence in a log file: give the server the time it took for the drafts, then check.
  const desk = (await open('desk-note.md')).document;
  await diagnosticAt(desk.uri, rangeOf(desk, '85%'), 'desk-note diagnostics');
  assert.deepEqual(factDeskDiagnostics(notes.uri), []);
});

test('hover shows the sourced value, the quote and the source', async () => {
  const doc = (await open('desk-note.md')).document;
  const at = rangeOf(doc, '85%').start.translate(0, 1);
  const text = await waitFor('a Fact Desk hover on 85%', async () => {
    const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
    return t.includes('Fact Desk') ? t : '';
  });
  assert.match(text, /does not match the sources/);
  assert.match(text, /75%/);
  assert.match(text, /Moscow currently holds about 75% of Donetsk/);
  assert.match(text, /Zelensky Says He Has No Clear Security Guarantees from Allies/);
  const okAt = rangeOf(doc, '30 countries').start;
  const okText = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, okAt));
  assert.match(okText, /matches the sources/);
});

test('status bar counts the active draft: "Fact Desk: 1 wrong · N sourced"', async () => {
  const wire = (await open('wire.draft')).document;
  const text = await waitFor('the status bar to show wire.draft counts', () => {
    const s = api.status();
    return s.visible && s.uri === wire.uri.toString() && /Fact Desk: \d+ wrong/.test(s.text) ? s.text : '';
  });
  assert.match(text, /Fact Desk: 1 wrong · 2 sourced$/);
  await open('notes.log');
  await waitFor('the status bar to hide for a non-draft', () => !api.status().visible);
});

test('quick fix replaces the wrong figure with the sourced one, and the diagnostic goes away', async () => {
  const editor = await open('desk-note.md');
  const doc = editor.document;
  const range = rangeOf(doc, '85%');
  await diagnosticAt(doc.uri, range, 'the 85% diagnostic');
  const actions = await waitFor('a preferred replacement', async () => {
    const all = await codeActions(doc.uri, range, vscode.CodeActionKind.QuickFix.value);
    return all.some((a) => a.isPreferred) ? all : undefined;
  });
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix?.edit, 'the replacement carries an edit');
  assert.ok(actions.some((a) => /citation/i.test(a.title)), `an "Insert citation" quick fix next to it (got ${actions.map((a) => a.title).join(' | ')})`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  assert.match(doc.lineAt(range.start.line).text, /holds about 75% of Donetsk\./);
  await waitFor('the diagnostic to go away after the fix', () =>
    factDeskDiagnostics(doc.uri).every((d) => !d.range.intersection(doc.lineAt(range.start.line).range)));
});

test('citation fix adds a footnote marker and one definition', async () => {
  const editor = await open('desk-note.md');
  const doc = editor.document;
  const range = rangeOf(doc, '30 countries');
  const actions = await waitFor('a "Cite source" action on a right figure', async () => {
    const all = await codeActions(doc.uri, range);
    return all.find((a) => /^Cite source/.test(a.title) && a.edit) ? all : undefined;
  });
  const cite = actions.find((a) => /^Cite source/.test(a.title));
  assert.ok(cite?.edit);
  assert.equal(await vscode.workspace.applyEdit(cite.edit), true);
  const text = doc.getText();
  const marker = /30 countries\.?\[\^([\w-]+)\]/.exec(text) ?? /countries\.\s*\[\^([\w-]+)\]/.exec(text);
  assert.ok(marker, `a [^key] marker after the sentence:\n${text}`);
  const key = marker[1]!;
  const definitions = text.split('\n').filter((l) => l.startsWith(`[^${key}]:`));
  assert.equal(definitions.length, 1, `one definition for [^${key}]:\n${text}`);
  assert.match(definitions[0]!, /Zelensky Says He Has No Clear Security Guarantees from Allies/);
});

test('Insert Citation… command cites a chosen fact at the cursor', async () => {
  const editor = await open('wire.draft');
  const doc = editor.document;
  const pos = rangeOf(doc, '30 countries').end;
  editor.selection = new vscode.Selection(pos, pos);
  const before = doc.getText();
  const changed = await vscode.commands.executeCommand<boolean>('factdesk.insertCitation', 'coalition-30-countries');
  assert.equal(changed, true);
  assert.notEqual(doc.getText(), before);
  assert.match(doc.getText(), /\[\^[\w-]+\]|Zelensky Says He Has No Clear Security Guarantees from Allies/);
});

test('Show Source of Figure at Cursor opens a read-only view with the quote', async () => {
  const doc = (await open('wire.draft')).document;
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('factdesk.showSource', doc.uri, rangeOf(doc, '700,000').start);
  assert.ok(uri, 'a source view opened');
  assert.equal(uri.scheme, 'factdesk-source');
  const view = await vscode.workspace.openTextDocument(uri);
  assert.match(view.getText(), /800,000-strong/);
  assert.match(view.getText(), /Quoted passage/);
  // A right figure has no diagnostic: the view still opens (fact found through the server).
  const desk = (await open('desk-note.md')).document;
  const okUri = await vscode.commands.executeCommand<vscode.Uri | undefined>('factdesk.showSource', desk.uri, rangeOf(desk, '30 countries').start);
  assert.ok(okUri, 'a source view for a right figure');
  assert.match((await vscode.workspace.openTextDocument(okUri)).getText(), /Coalition of the Willing/);
});

test('factdesk.severity is applied live (warning -> error -> warning)', async () => {
  const doc = (await open('wire.draft')).document;
  const range = rangeOf(doc, '700,000');
  await diagnosticAt(doc.uri, range, 'the 700,000 diagnostic');
  await setSetting('severity', 'error');
  try {
    await waitFor('the diagnostic to become an Error', () =>
      factDeskDiagnostics(doc.uri).find((d) => d.range.intersection(range) && d.severity === vscode.DiagnosticSeverity.Error));
  } finally {
    await setSetting('severity', undefined);
  }
  await waitFor('the diagnostic to be a Warning again', () =>
    factDeskDiagnostics(doc.uri).find((d) => d.range.intersection(range) && d.severity === vscode.DiagnosticSeverity.Warning));
});

test('factdesk.enable = false clears the diagnostics; true brings them back', async () => {
  const doc = (await open('brief.txt')).document;
  const range = rangeOf(doc, '2015');
  await diagnosticAt(doc.uri, range, 'the 2015 diagnostic');
  await setSetting('enable', false);
  try {
    await waitFor('no Fact Desk diagnostics while disabled', () => factDeskDiagnostics(doc.uri).length === 0);
  } finally {
    await setSetting('enable', undefined);
  }
  await diagnosticAt(doc.uri, range, 'the 2015 diagnostic again');
});

test('factdesk.languages is applied live: without plaintext, .txt drafts are not checked', async () => {
  const doc = (await open('brief.txt')).document;
  const range = rangeOf(doc, '2015');
  await diagnosticAt(doc.uri, range, 'the 2015 diagnostic');
  await setSetting('languages', ['markdown', 'news-draft']);
  try {
    await waitFor('no Fact Desk diagnostics on plain text', () => factDeskDiagnostics(doc.uri).length === 0);
    // The restarted client still checks the other languages.
    const wire = (await open('wire.draft')).document;
    await diagnosticAt(wire.uri, rangeOf(wire, '700,000'), 'news-draft still checked after the restart', 20_000);
  } finally {
    await setSetting('languages', undefined);
  }
  await open('brief.txt');
  await diagnosticAt(doc.uri, range, 'the 2015 diagnostic with plaintext back', 20_000);
}, 60_000);

test('Check All Drafts in Workspace reports drafts that are not open', async () => {
  const unopened = file('desk/unopened.md');
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'desk/unopened.md must not be open yet');
  const result = await vscode.commands.executeCommand<{ files: number; checked: number; wrong: number; cancelled: boolean }>('factdesk.checkWorkspace');
  assert.ok(result, 'the command returns its result');
  assert.equal(result.cancelled, false);
  assert.ok(result.files >= 4, `found ${result.files} drafts`);
  assert.ok(result.wrong >= 3, `found ${result.wrong} wrong figures`);
  await waitFor('diagnostics for the unopened draft', () =>
    factDeskDiagnostics(unopened).length > 0 || api.workspaceDiagnostics(unopened).length > 0);
  const examples = await vscode.workspace.findFiles('examples/*.{md,txt,draft}');
  for (const ex of examples) {
    await waitFor(`a diagnostic in ${vscode.workspace.asRelativePath(ex)}`, () =>
      factDeskDiagnostics(ex).length > 0 || api.workspaceDiagnostics(ex).length > 0);
  }
}, 60_000);

test('a long draft shows its top\'s diagnostics first, then all of them', async () => {
  // Distinct paragraphs, so each is read; some 190 KB, over the preview's 128 KB.
  const paragraphs = Array.from({ length: 2000 }, (_, i) => `Report ${i}: Moscow holds about 85% of Donetsk, officials said. The brief ran to ${i + 2} pages.`);
  const uri = file('long-draft.md');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(paragraphs.join('\n\n')));
  const counts: number[] = [];
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === uri.toString())) counts.push(factDeskDiagnostics(uri).length);
  });
  try {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    // Asked meanwhile, as a reporter would (the status bar asks for its count too).
    void codeActions(uri, new vscode.Range(0, 0, 0, 5));
    await waitFor('all 2,000 wrong figures flagged', () => factDeskDiagnostics(uri).length === paragraphs.length, 30_000);
    assert.ok(counts.some((n) => n > 0 && n < paragraphs.length), `the top first, then all (diagnostic counts seen: ${counts.join(', ')})`);
    assert.ok(factDeskDiagnostics(uri).some((d) => d.range.start.line === 0), 'the first paragraph is flagged');
    say(`      long draft: diagnostics ${counts.join(' -> ')}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    void editor;
  } finally {
    sub.dispose();
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }
}, 60_000);

test('Restart Server brings diagnostics back', async () => {
  const doc = (await open('wire.draft')).document;
  const ok = await vscode.commands.executeCommand<boolean>('factdesk.restartServer');
  assert.equal(ok, true);
  await diagnosticAt(doc.uri, rangeOf(doc, '700,000'), 'the diagnostic after a restart');
});

test('commands are contributed with the "Fact Desk" category', async () => {
  const all = await vscode.commands.getCommands(true);
  for (const c of ['factdesk.checkWorkspace', 'factdesk.insertCitation', 'factdesk.showSource', 'factdesk.restartServer', 'factdesk.showLog']) {
    assert.ok(all.includes(c), `${c} is registered`);
  }
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: Array<{ command: string; category: string; title: string }> } };
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'Fact Desk', c.command);
  await vscode.commands.executeCommand('factdesk.showLog');
});

factBaseTests(() => api, folder);

// Last: it kills the server, and nothing after it should depend on how fast the restart is.
recoveryTests();

/** Entry point for @vscode/test-electron and code-server's extensionTestsPath. */
export async function run(): Promise<void> {
  const t0 = Date.now();
  say(`Fact Desk in-editor suite (VS Code ${vscode.version}, ${vscode.env.appName}, ${vscode.env.appHost})`);
  const { failed } = await runAll();
  say(`in-editor suite finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (failed) throw new Error(`${failed} in-editor test(s) failed`);
}
