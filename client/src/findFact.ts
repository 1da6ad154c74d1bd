// "Fact Desk: Find Fact…": search the facts in use by subject, alias, statement or quote, and put
// the chosen figure and its citation into the draft in one edit (one undo step).
import * as vscode from 'vscode';
import type { TextEdit as LspTextEdit, WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';
import { figureInsertion, figureOf, isConflicted } from './factBaseModel';
import { facts as listFacts, requireClient, type SourceViewProvider } from './facts';
import { revealFact } from './factTree';
import { CITATION_REQUEST, type CitationParams, type FactSummary } from './protocol';
import type { ServerManager } from './server';
import { isDraft } from './settings';

export interface FindFactResult {
  factId: string;
  /** What went into the draft: the figure, with a space where it met a word. */
  inserted: string;
  /** A citation marker (and definition) came with it; false when the sentence already cites the source. */
  cited: boolean;
}

interface FactPick extends vscode.QuickPickItem {
  fact?: FactSummary;
}

const SHOW_SOURCE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Show Source' };
/** How long to wait for the server to catch up with the draft before giving up on the citation. */
const SYNC_TIMEOUT_MS = 2000;

function toItem(f: FactSummary): FactPick {
  const names = [f.subjectName, ...(f.aliases ?? []).filter((a) => a.toLowerCase() !== f.subjectName.toLowerCase())];
  return {
    label: `${isConflicted(f) ? '$(warning) ' : ''}${f.statement}`,
    description: names.join(' · '),
    detail: `${figureOf(f)} — “${f.quote}” — ${f.source.label}`,
    buttons: [SHOW_SOURCE],
    fact: f,
  };
}

async function pickFact(list: FactSummary[], sources: SourceViewProvider, inDraft: boolean): Promise<FactSummary | undefined> {
  const qp = vscode.window.createQuickPick<FactPick>();
  qp.title = 'Fact Desk: Find Fact';
  qp.placeholder = inDraft
    ? 'Search subjects, aliases, statements and quotes; Enter inserts the figure with its citation'
    : 'Search subjects, aliases, statements and quotes; Enter shows the source';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const mentioned = list.filter((f) => f.mentioned);
  const others = list.filter((f) => !f.mentioned);
  qp.items = mentioned.length
    ? [{ label: 'Named on this line', kind: vscode.QuickPickItemKind.Separator }, ...mentioned.map(toItem),
      { label: 'Other facts', kind: vscode.QuickPickItemKind.Separator }, ...others.map(toItem)]
    : others.map(toItem);
  return new Promise<FactSummary | undefined>((resolve) => {
    let chosen: FactSummary | undefined;
    qp.onDidTriggerItemButton((e) => { if (e.item.fact) void revealFact(e.item.fact, sources); });
    qp.onDidAccept(() => { chosen = qp.selectedItems[0]?.fact; qp.hide(); });
    qp.onDidHide(() => { qp.dispose(); resolve(chosen); });
    qp.show();
  });
}

/** The edits a citation request gave for `uri`, and the document version they were made for. */
function editsFor(edit: LspWorkspaceEdit, uri: string): { edits: LspTextEdit[]; version: number | null; other: boolean } {
  const edits: LspTextEdit[] = [];
  let version: number | null = null;
  let other = false;
  for (const [u, list] of Object.entries(edit.changes ?? {})) {
    if (u === uri) edits.push(...list); else other = true;
  }
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) {
      // The server writes plain text edits; a snippet edit would be another server's doing.
      for (const e of change.edits) if ('newText' in e) edits.push(e); else other = true;
      version = change.textDocument.version;
    } else other = true;
  }
  return { edits, version, other };
}

/**
 * Runs the command. With a fact id as argument (tests, keybindings) the quick pick is skipped.
 * In a draft the figure replaces the selection and the citation is added; elsewhere the chosen
 * fact's source opens.
 */
export async function findFact(server: ServerManager, sources: SourceViewProvider, factId?: unknown): Promise<FindFactResult | undefined> {
  const client = await requireClient(server);
  if (!client) return undefined;
  const editor = vscode.window.activeTextEditor;
  const inDraft = !!editor && isDraft(editor.document);
  const line = editor && inDraft ? editor.document.lineAt(editor.selection.active.line).text : undefined;
  const list = await listFacts(client, editor?.document.uri.toString(), line);
  let fact: FactSummary | undefined;
  if (typeof factId === 'string') {
    fact = list.find((f) => f.id === factId);
    if (!fact) {
      void vscode.window.showWarningMessage(`Fact Desk: no fact "${factId}" in the fact base.`);
      return undefined;
    }
  } else {
    if (!list.length) {
      void vscode.window.showWarningMessage('Fact Desk: the fact base is empty.');
      return undefined;
    }
    fact = await pickFact(list, sources, inDraft);
    if (!fact) return undefined;
  }
  if (!editor || !inDraft) {
    await revealFact(fact, sources);
    return undefined;
  }
  return insertFact(client, editor, fact);
}

async function insertFact(client: LanguageClient, editor: vscode.TextEditor, fact: FactSummary): Promise<FindFactResult | undefined> {
  const doc = editor.document;
  const sel = editor.selection;
  const before = doc.getText(new vscode.Range(sel.start.with({ character: Math.max(0, sel.start.character - 1) }), sel.start));
  const after = doc.getText(new vscode.Range(sel.end, sel.end.translate(0, 1)));
  const inserted = figureInsertion(figureOf(fact), before, after);
  const version = doc.version;

  const citation = await requestCitation(client, doc, fact.id, sel.end, version);
  if (citation === 'stale' || doc.version !== version) {
    void vscode.window.showWarningMessage('Fact Desk: the draft changed meanwhile; try again.');
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  // Listed first: where the marker goes right at the cursor, the figure comes before it.
  edit.replace(doc.uri, sel, inserted);
  let cited = false;
  if (citation) {
    const ranges = citation.map((e) => client.protocol2CodeConverter.asRange(e.range));
    // A selection running past the sentence's end would swallow the marker: insert the figure only.
    const overlaps = ranges.some((r) => (r.isEmpty
      ? sel.start.isBefore(r.start) && r.start.isBefore(sel.end)
      : !!r.intersection(sel) && !r.intersection(sel)?.isEmpty));
    if (!overlaps) {
      citation.forEach((e, i) => edit.replace(doc.uri, ranges[i]!, e.newText));
      cited = true;
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage('Fact Desk: the draft changed meanwhile; try again.');
    return undefined;
  }
  if (!cited) void vscode.window.showInformationMessage('Fact Desk: inserted the figure; this sentence already cites that source.');
  return { factId: fact.id, inserted, cited };
}

/**
 * The citation's text edits for the document at `version`, or null when the sentence already
 * cites it. A server that has not yet seen the latest keystrokes answers for an older version:
 * ask again until it catches up ('stale' if it does not in time).
 */
async function requestCitation(client: LanguageClient, doc: vscode.TextDocument, factId: string, position: vscode.Position, version: number): Promise<LspTextEdit[] | null | 'stale'> {
  const params: CitationParams = { uri: doc.uri.toString(), factId, position: { line: position.line, character: position.character } };
  const deadline = Date.now() + SYNC_TIMEOUT_MS;
  for (;;) {
    const r = await client.sendRequest<LspWorkspaceEdit | null>(CITATION_REQUEST, params);
    if (!r) return null;
    const { edits, version: madeFor, other } = editsFor(r, params.uri);
    if (other) throw new Error('the citation edit touches another document');
    // Without documentChanges the server sends no version: the request order is all there is.
    if (madeFor === null || madeFor === version) return edits;
    if (Date.now() > deadline) return 'stale';
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
}
