import * as vscode from 'vscode';

/** A mark as the server writes it to .factdesk/checked.json (see server/src/core/checked.ts). */
interface Mark {
  figure: string;
  factId: string | null;
  context: string;
  excerpt?: string;
  checkedAt?: string;
}

interface Item extends vscode.QuickPickItem {
  file: vscode.Uri;
  mark: Mark;
}

async function readMarks(file: vscode.Uri): Promise<Mark[]> {
  try {
    const data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { marks?: unknown };
    return Array.isArray(data.marks) ? (data.marks as Mark[]) : [];
  } catch {
    return []; // no file yet, or a hand edit broke it: nothing to review
  }
}

/**
 * "Fact Desk: Review Checked Marks": lists every mark of every workspace folder; the ones the
 * reporter picks are cleared, so those figures are flagged again. The file is rewritten through
 * a workspace edit so the change can be undone like any other.
 */
export async function reviewCheckedMarks(): Promise<void> {
  const items: Item[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const file = vscode.Uri.joinPath(folder.uri, '.factdesk', 'checked.json');
    for (const mark of await readMarks(file)) {
      items.push({
        label: mark.figure, description: mark.factId ?? 'no fact', detail: `${mark.excerpt ?? ''}${mark.checkedAt ? ` — checked ${mark.checkedAt.slice(0, 10)}` : ''}`,
        file, mark,
      });
    }
  }
  if (!items.length) {
    void vscode.window.showInformationMessage('Fact Desk: no figures are marked as checked.');
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Checked figures: pick the marks to clear', matchOnDetail: true });
  if (!picked?.length) return;
  const edit = new vscode.WorkspaceEdit();
  for (const file of new Set(picked.map((p) => p.file.toString()))) {
    const uri = vscode.Uri.parse(file);
    const clear = new Set(picked.filter((p) => p.file.toString() === file).map((p) => p.mark));
    const keep = items.filter((i) => i.file.toString() === file && !clear.has(i.mark)).map((i) => i.mark);
    const doc = await vscode.workspace.openTextDocument(uri);
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), `${JSON.stringify({ version: 1, marks: keep }, null, 2)}\n`);
  }
  await vscode.workspace.applyEdit(edit);
  void vscode.window.showInformationMessage(`Fact Desk: cleared ${picked.length} checked mark(s). Save .factdesk/checked.json to keep the change.`);
}
