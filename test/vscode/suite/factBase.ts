// In-editor tests of the Fact Base view and Find Fact. index.ts registers them where they should
// run (after the others: one of them adds a fact file to the workspace for a while).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FactDeskApi } from '../../../client/src/extension';
import { deskDonetskFact } from '../../fixtures/deskFact';
import type { FactNode, FactTree, FileNode, SourceNode } from '../../../client/src/factBaseModel';
import type { FindFactResult } from '../../../client/src/findFact';
import { test, waitFor } from './framework';

const BUNDLED_SOURCE = 'Zelensky Says He Has No Clear Security Guarantees from Allies';
const DONETSK = 'russia-holds-75-percent-donetsk';
const DESK_FILE = 'desk/newsroom.facts.yaml';
const DESK_FACT = deskDonetskFact();

const sourcesOf = (t: FactTree) => t.roots.filter((n): n is SourceNode => n.kind === 'source');
const factsOf = (t: FactTree) => sourcesOf(t).flatMap((s) => s.facts);
const factNode = (t: FactTree, id: string): FactNode | undefined => factsOf(t).find((f) => f.fact.id === id);
const editorFor = (uri: vscode.Uri) => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());

async function closeTabsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** `current` is index.ts's API handle; when run alone (FACTDESK_TEST_GREP) the extension is activated here. */
export function factBaseTests(current: () => FactDeskApi | undefined, folder: () => vscode.Uri): void {
  let activated: FactDeskApi | undefined;
  const api = (): FactDeskApi => {
    const a = current() ?? activated;
    if (!a) throw new Error('Fact Desk is not active yet');
    return a;
  };
  test('Fact Base view: Fact Desk is active', async () => {
    if (current()) return;
    const ext = vscode.extensions.getExtension<FactDeskApi>('factdesk.fact-desk');
    assert.ok(ext);
    activated = ext.isActive ? ext.exports : await ext.activate();
    assert.equal(await activated.ready(), true);
  });

  test('Fact Base view: contributed to the Explorer, lists the bundled sources and their facts', async () => {
    const pkg = vscode.extensions.getExtension('factdesk.fact-desk')?.packageJSON as { contributes: { views: { explorer: Array<{ id: string; name: string }> } } };
    assert.ok(pkg.contributes.views.explorer.some((v) => v.id === 'factdesk.factBase' && v.name === 'Fact Base'));
    // Opening the view exercises the real TreeView (getChildren/getTreeItem) in the workbench.
    await vscode.commands.executeCommand('factdesk.factBase.focus');
    const tree = await waitFor('the Fact Base tree to load', async () => {
      const t = await api().factTree();
      return sourcesOf(t).some((s) => s.label === BUNDLED_SOURCE) ? t : undefined;
    });
    const source = sourcesOf(tree).find((s) => s.label === BUNDLED_SOURCE)!;
    const donetsk = source.facts.find((f) => f.fact.id === DONETSK);
    assert.ok(donetsk, `${DONETSK} under "${BUNDLED_SOURCE}" (got ${source.facts.map((f) => f.fact.id).join(', ')})`);
    assert.equal(donetsk.label, 'about 75% of Donetsk held by Russia');
    assert.equal(donetsk.description, 'Moscow currently holds about 75% of Donetsk and 99% of Luhansk');
    assert.ok(sourcesOf(tree).length >= 4, `${sourcesOf(tree).length} sources`);
    assert.equal(tree.shown, tree.total);
    // The articles disagree on who signed the Paris declaration: that fact is badged.
    assert.equal(factNode(tree, 'paris-declaration-signed-by-3')?.conflicted, true);
    assert.equal(donetsk.conflicted, false);
  });

  test('Fact Base view: the filter narrows the tree, and Clear Filter restores it', async () => {
    const all = await api().factTree();
    try {
      const filtered = await vscode.commands.executeCommand<string | undefined>('factdesk.factBase.filter', 'Luhansk');
      assert.equal(filtered, 'Luhansk');
      const tree = await waitFor('the filtered tree', async () => {
        const t = await api().factTree();
        return t.terms.length ? t : undefined;
      });
      const ids = factsOf(tree).map((f) => f.fact.id);
      assert.ok(ids.length > 0 && ids.length < all.total, `kept ${ids.length} of ${all.total}`);
      assert.ok(ids.includes('russia-holds-99-percent-luhansk'), ids.join(', '));
      assert.ok(!ids.includes('coalition-30-countries'));
      for (const { fact: f } of factsOf(tree)) assert.match(`${f.statement} ${f.quote} ${(f.aliases ?? []).join(' ')} ${f.subjectName} ${f.source.label}`, /luhansk/i);
      assert.equal(tree.shown, ids.length);
      // Every word must match: adding one narrows further.
      await vscode.commands.executeCommand('factdesk.factBase.filter', 'Luhansk 99%');
      const narrower = await api().factTree();
      assert.ok(narrower.shown <= tree.shown && narrower.shown > 0);
    } finally {
      await vscode.commands.executeCommand('factdesk.factBase.clearFilter');
    }
    const cleared = await api().factTree();
    assert.deepEqual(cleared.terms, []);
    assert.equal(cleared.shown, all.total);
  });

  test('Fact Base view: selecting a bundled fact opens its source view with the quote selected', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('factdesk.factBase.reveal', DONETSK);
    assert.ok(uri, 'a source view opened');
    assert.equal(uri.scheme, 'factdesk-source');
    const editor = await waitFor('the source view editor', () => editorFor(uri));
    assert.equal(editor.document.getText(editor.selection), 'Moscow currently holds about 75% of Donetsk and 99% of Luhansk');
  });

  test('Fact Base view: follows a workspace fact file as it is added, broken, opened at a fact and emptied', async () => {
    const factFile = vscode.Uri.joinPath(folder(), DESK_FILE);
    const write = (text: string) => vscode.workspace.fs.writeFile(factFile, new TextEncoder().encode(text));
    await write(DESK_FACT);
    try {
      // The server reloads on the file event and notifies; the tree refreshes by itself.
      let tree = await waitFor('the desk fact in the tree', async () => {
        const t = await api().factTree();
        return factNode(t, 'desk-donetsk-share') ? t : undefined;
      }, 20_000);
      const desk = sourcesOf(tree).find((s) => s.sourceId === 'desk-update-note');
      assert.ok(desk, 'the desk note is a source');
      assert.match(desk.description, /newsroom\.facts\.yaml/);
      // 78% against the bundled "about 75%": both facts carry the conflict.
      assert.equal(factNode(tree, 'desk-donetsk-share')?.conflicted, true);
      assert.equal(factNode(tree, DONETSK)?.conflicted, true);

      await write(DESK_FACT.replace('    subject: donetsk', '    subject: [donetsk'));
      tree = await waitFor('an error item for the broken file', async () => {
        const t = await api().factTree();
        return t.roots.some((n) => n.kind === 'file') ? t : undefined;
      }, 20_000);
      const file = tree.roots.find((n): n is FileNode => n.kind === 'file')!;
      assert.equal(file.label, 'newsroom.facts.yaml');
      assert.ok(file.problems.length > 0);
      assert.match(file.problems[0]!.label, /YAML syntax/);
      assert.ok(tree.problems > 0);
      assert.ok(factNode(tree, 'desk-donetsk-share'), 'the last good facts stay in use');

      await write(DESK_FACT);
      await waitFor('the error item to go', async () => !(await api().factTree()).roots.some((n) => n.kind === 'file'), 20_000);
      const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>('factdesk.factBase.reveal', 'desk-donetsk-share');
      assert.equal(opened?.toString(), factFile.toString());
      const editor = await waitFor('the fact file editor', () => editorFor(factFile));
      const idLine = DESK_FACT.split('\n').findIndex((l) => l.includes('id: desk-donetsk-share'));
      assert.equal(editor.selection.start.line, idLine);
      assert.equal(editor.document.getText(editor.selection), 'desk-donetsk-share');
      await closeTabsOf(factFile);

      // VS Code keeps a document an extension opened for a while after its tab closes, and the
      // server reads an open fact file from its buffer: empty the file (the buffer follows) rather
      // than count on the deletion alone.
      await write('version: 1\nsources: []\nfacts: []\n');
      await waitFor('the desk fact to leave the tree', async () => {
        const t = await api().factTree();
        if (!factNode(t, 'desk-donetsk-share') && !t.roots.some((n) => n.kind === 'file') && factNode(t, DONETSK)?.conflicted === false) return true;
        throw new Error(`desk fact ${!!factNode(t, 'desk-donetsk-share')}, error items ${t.roots.filter((n) => n.kind === 'file').length}, `
          + `${DONETSK} conflicted ${factNode(t, DONETSK)?.conflicted}`);
      }, 20_000);
    } finally {
      await closeTabsOf(factFile);
      await vscode.workspace.fs.writeFile(factFile, new TextEncoder().encode('version: 1\nsources: []\nfacts: []\n'));
      await vscode.workspace.fs.delete(factFile);
    }
  }, 90_000);

  test('Find Fact inserts the figure with its citation at the cursor, as one undo step', async () => {
    const original = 'Moscow now holds  of Donetsk, officials said.\n\nThe talks resume on Monday.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: original });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    try {
      // The server has the draft once the status bar counts it.
      await waitFor('the server to check the untitled draft', () => api().status().uri === doc.uri.toString());
      const at = doc.positionAt(original.indexOf(' of Donetsk'));
      editor.selection = new vscode.Selection(at, at);
      const result = await vscode.commands.executeCommand<FindFactResult | undefined>('factdesk.findFact', DONETSK);
      assert.deepEqual(result, { factId: DONETSK, inserted: 'about 75%', cited: true });
      const text = doc.getText();
      const marker = `[^${DONETSK}]`;
      assert.ok(text.startsWith(`Moscow now holds about 75% of Donetsk, officials said.${marker}\n`), text);
      const definitions = text.split('\n').filter((l) => l.startsWith(`${marker}:`));
      assert.equal(definitions.length, 1, text);
      assert.match(definitions[0]!, new RegExp(BUNDLED_SOURCE));
      // Nothing else changed: without the figure, the marker and the definition it is the original.
      const without = text.replace('about 75%', '').replace(marker, '').split('\n').filter((l) => !l.startsWith(`${marker}:`)).join('\n');
      assert.equal(without.trimEnd(), original.trimEnd());
      await vscode.commands.executeCommand('undo');
      await waitFor('one undo to take all of it back', () => doc.getText() === original);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
}
