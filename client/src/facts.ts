import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import {
  CITATION_REQUEST, DIAGNOSTIC_SOURCE, FACT_AT_REQUEST, FACTS_REQUEST, isMethodNotFound,
  type CitationParams, type DiagnosticData, type FactAtParams, type FactAtResult, type FactSummary,
} from './protocol';
import type { ServerManager } from './server';

export const SOURCE_SCHEME = 'factdesk-source';

export async function requireClient(server: ServerManager): Promise<LanguageClient | undefined> {
  const client = await server.ready();
  if (!client) void vscode.window.showErrorMessage('Fact Desk: the checker is not running. Try "Fact Desk: Restart Server".');
  return client;
}

export async function facts(client: LanguageClient, uri?: string, text?: string): Promise<FactSummary[]> {
  const r = await client.sendRequest<FactSummary[] | null>(FACTS_REQUEST, { uri, text });
  return Array.isArray(r) ? r : [];
}

function activeDraft(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) void vscode.window.showInformationMessage('Fact Desk: open a draft first.');
  return editor;
}

interface FactItem extends vscode.QuickPickItem {
  fact?: FactSummary;
}

/**
 * "Insert Citation…": a quick pick of the facts, those whose subject or party the selection (or
 * the current line) names first; the server writes the citation in the draft's citation style.
 * With a fact id as argument (tests, keybindings) the pick is skipped. Returns whether text changed.
 */
export async function insertCitation(server: ServerManager, factId?: unknown): Promise<boolean> {
  const editor = activeDraft();
  if (!editor) return false;
  const client = await requireClient(server);
  if (!client) return false;
  const doc = editor.document;
  const sel = editor.selection;
  const text = sel.isEmpty ? doc.lineAt(sel.active.line).text : doc.getText(sel);
  let id = typeof factId === 'string' ? factId : undefined;
  if (!id) {
    const list = await facts(client, doc.uri.toString(), text);
    if (!list.length) {
      void vscode.window.showWarningMessage('Fact Desk: the fact base is empty; nothing to cite.');
      return false;
    }
    const items: FactItem[] = [];
    // The fact behind the figure under the cursor, when there is one, comes first.
    let here: string | undefined;
    if (sel.isEmpty) here = await factIdAt(client, doc, sel.active, list).catch(() => undefined);
    const atCursor = list.filter((f) => f.id === here);
    const mentioned = list.filter((f) => f.mentioned && f.id !== here);
    const others = list.filter((f) => !f.mentioned && f.id !== here);
    const toItem = (f: FactSummary): FactItem => ({
      label: f.statement,
      description: f.subjectName,
      detail: `“${f.quote}” — ${f.source.label}`,
      fact: f,
    });
    if (atCursor.length) items.push({ label: 'Figure at the cursor', kind: vscode.QuickPickItemKind.Separator }, ...atCursor.map(toItem));
    if (mentioned.length) items.push({ label: 'Named here', kind: vscode.QuickPickItemKind.Separator }, ...mentioned.map(toItem));
    if (others.length) items.push({ label: atCursor.length || mentioned.length ? 'Other facts' : 'Facts', kind: vscode.QuickPickItemKind.Separator }, ...others.map(toItem));
    const pick = await vscode.window.showQuickPick(items, {
      title: 'Fact Desk: Insert Citation',
      placeHolder: 'Cite which sourced fact? (type to filter by statement, subject, quote or source)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!pick?.fact) return false;
    id = pick.fact.id;
  }
  const position = sel.isEmpty ? sel.active : sel.end;
  const params: CitationParams = { uri: doc.uri.toString(), factId: id, position: { line: position.line, character: position.character } };
  const lspEdit = await client.sendRequest<LspWorkspaceEdit | null>(CITATION_REQUEST, params);
  if (!lspEdit) {
    void vscode.window.showInformationMessage('Fact Desk: this sentence already cites that source.');
    return false;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(lspEdit);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) void vscode.window.showWarningMessage('Fact Desk: the draft changed meanwhile; try again.');
  return applied;
}

/** The id of the fact behind the figure at `position`, by whatever the server offers. */
async function factIdAt(client: LanguageClient, doc: vscode.TextDocument, position: vscode.Position, all: FactSummary[]): Promise<string | undefined> {
  // 1. The server's own answer, when it has the request.
  try {
    const params: FactAtParams = { uri: doc.uri.toString(), position: { line: position.line, character: position.character } };
    const r = await client.sendRequest<FactAtResult | null>(FACT_AT_REQUEST, params);
    if (r?.factId) return r.factId;
    if (r === null) return undefined;
  } catch (e) {
    if (!isMethodNotFound(e)) throw e;
  }
  // 2. A Fact Desk diagnostic under the cursor carries its fact id.
  for (const d of vscode.languages.getDiagnostics(doc.uri)) {
    if (d.source !== DIAGNOSTIC_SOURCE || !d.range.contains(position)) continue;
    const data = (d as vscode.Diagnostic & { data?: DiagnosticData }).data;
    if (data?.factId) return data.factId;
  }
  // 3. Figures that are right have no diagnostic: the hover names the fact's statement.
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
  if (!text.includes('Fact Desk')) return undefined;
  const plain = text.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1');
  const m = /Sources give \*\*(.+?)\*\*/.exec(plain);
  const statement = m?.[1];
  const fact = (statement ? all.find((f) => f.statement === statement) : undefined) ?? all.find((f) => plain.includes(f.statement));
  return fact?.id;
}

/** Markdown for the read-only source view. The articles are not shipped: quote and metadata only. */
export function sourceMarkdown(f: FactSummary): string {
  const s = f.source;
  const meta: Array<[string, string | null]> = [
    ['Title', s.title], ['Outlet', s.outlet], ['Author', s.author], ['Published', s.published],
    ['File', s.file], ['URL', s.url], ['Source id', s.id], ['Fact id', f.id],
  ];
  const width = Math.max(...meta.map(([k]) => k.length)) + 2;
  return [
    s.label,
    '='.repeat(Math.min(Math.max(s.label.length, 3), 100)),
    '',
    `Sourced fact: **${f.statement}** (${f.subjectName})`,
    '',
    'Quoted passage:',
    '',
    `> ${f.quote}`,
    '',
    ...meta.map(([k, v]) => `    ${`${k}:`.padEnd(width)}${v ?? '—'}`),
    '',
    '_Fact Desk ships the quoted passage and the source\'s details, not the article itself._',
    '',
  ].join('\n');
}

/** Read-only documents `factdesk-source:/<fact id>.md`, rendered from the server's fact list. */
export class SourceViewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly cache = new Map<string, FactSummary>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
  });

  constructor(private readonly server: ServerManager) {}

  static uriFor(factId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${encodeURIComponent(factId)}.md` });
  }

  remember(all: FactSummary[]): void {
    for (const f of all) this.cache.set(f.id, f);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
    const f = this.cache.get(id);
    return f ? sourceMarkdown(f) : `# Unknown fact\n\nFact Desk has no fact with the id \`${id}\`.\n`;
  }

  /** "Show Source of Figure at Cursor". Returns the view's URI (tests), or undefined. */
  async show(uriArg?: unknown, positionArg?: unknown): Promise<vscode.Uri | undefined> {
    let doc: vscode.TextDocument | undefined;
    let position: vscode.Position | undefined;
    if (uriArg instanceof vscode.Uri && positionArg instanceof vscode.Position) {
      doc = await vscode.workspace.openTextDocument(uriArg);
      position = positionArg;
    } else {
      const editor = activeDraft();
      if (!editor) return undefined;
      doc = editor.document;
      position = editor.selection.active;
    }
    const client = await requireClient(this.server);
    if (!client) return undefined;
    const all = await facts(client, doc.uri.toString());
    this.remember(all);
    const id = await factIdAt(client, doc, position, all);
    if (!id) {
      void vscode.window.showInformationMessage('Fact Desk: no sourced figure at the cursor. Put the cursor on a figure Fact Desk recognises (hover it to check).');
      return undefined;
    }
    return this.open(id, { preserveFocus: false });
  }

  /** Opens the source view of a fact the caller already has (Fact Base view, Find Fact). */
  showFact(fact: FactSummary, options: { preserveFocus?: boolean } = {}): Promise<vscode.Uri> {
    this.remember([fact]);
    return this.open(fact.id, { preserveFocus: options.preserveFocus ?? false });
  }

  /** Opens the view beside the editor, the quote selected and highlighted. */
  private async open(id: string, options: { preserveFocus: boolean }): Promise<vscode.Uri> {
    const uri = SourceViewProvider.uriFor(id);
    this.changed.fire(uri);
    const view = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(view, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: options.preserveFocus });
    const quote = this.cache.get(id)?.quote;
    const line = quote ? view.getText().split('\n').findIndex((l) => l === `> ${quote}`) : -1;
    if (line >= 0) {
      const range = new vscode.Range(line, 2, line, 2 + (quote?.length ?? 0));
      editor.setDecorations(this.highlight, [range]);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
    this.highlight.dispose();
  }
}
