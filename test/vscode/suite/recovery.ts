// Crash recovery in the real editor: the server process is killed with SIGKILL (as the OOM killer
// or a native crash would), the client starts a new one, the status bar says "restarting" and
// then shows counts again, and an edit made after the crash is checked by the new process.
// Registered last by index.ts: the other tests should not run against a server mid-restart.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FactDeskApi } from '../../../client/src/extension';
import { factDeskDiagnostics, say, test, waitFor } from './framework';

const EXTENSION_ID = 'factdesk.fact-desk';

export function recoveryTests(): void {
  test('a killed server is restarted, the status bar says so, and an edit is checked again', async () => {
    const ext = vscode.extensions.getExtension<FactDeskApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the runner must open the test workspace');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'desk-note.md'));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor('the extension to activate', () => ext.isActive, 20_000);
    const api = ext.exports;
    assert.equal(await api.ready(), true, 'server did not start');
    await waitFor('counts in the status bar', () => /Fact Desk: \d+ wrong/.test(api.status().text));

    const pid = await waitFor('the server pid', () => api.serverPid());
    const states = api.serverStates().length;
    const texts = api.statusHistory().length;
    const t0 = Date.now();
    process.kill(pid, 'SIGKILL');

    const newPid = await waitFor('a new server process', async () => {
      const p = await api.serverPid().catch(() => undefined);
      return p !== undefined && p !== pid ? p : undefined;
    }, 30_000, 100);
    say(`      server ${pid} killed; ${newPid} running after ${Date.now() - t0} ms`);
    const after = api.serverStates().slice(states);
    assert.deepEqual(after.slice(0, 1), ['restarting'], `states after the kill: ${after.join(' → ')}`);
    assert.ok(after.includes('running'), `states after the kill: ${after.join(' → ')}`);

    // A figure typed after the crash: only the new process can have flagged it.
    const line = '\n\nThe Coalition of the Willing now counts 35 countries.\n';
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.equal(await editor.edit((b) => b.insert(end, line)), true);
    const at = doc.getText().lastIndexOf('35 countries');
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + '35 countries'.length));
    try {
      await waitFor('a diagnostic on the figure typed after the restart', () =>
        factDeskDiagnostics(doc.uri).find((d) => d.range.intersection(range) && /30/.test(d.message)), 20_000);
      // The new figure is wrong (30 countries), so the counts are the new server's.
      await waitFor('counts back in the status bar', () => /Fact Desk: [1-9]\d* wrong/.test(api.status().text), 20_000);
      const shown = api.statusHistory().slice(texts);
      assert.ok(shown.some((t) => /restarting/.test(t)), `status bar texts after the kill: ${JSON.stringify(shown)}`);
      say(`      status bar: ${shown.join(' → ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }, 60_000);
}
