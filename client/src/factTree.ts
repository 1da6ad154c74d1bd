// The "Fact Base" view in the Explorer: sources and their facts as the server has them in use,
// fact files with problems on top, a filter, and badges for conflicts and errors. The tree's shape
// is worked out in factBaseModel.ts; this file fetches, renders and reacts.
import * as vscode from 'vscode';
import type { Range as LspRange } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  buildFactTree, childrenOf, fileName, parentOf, treeMessage,
  type FactTree, type FactTreeNode,
} from './factBaseModel';
import { facts as listFacts, type SourceViewProvider } from './facts';
import {
  FACT_BASE_CHANGED_NOTIFICATION, FACT_FILES_REQUEST, isMethodNotFound, type FactFileSummary, type FactSummary,
} from './protocol';
import type { ServerManager } from './server';

export const VIEW_ID = 'factdesk.factBase';
export const REVEAL_COMMAND = 'factdesk.factBase.reveal';
const FILTERED_CONTEXT = 'factdesk.factBase.filtered';
/** Tree items carry URIs of this scheme only so the decoration provider can badge them. */
const DECORATION_SCHEME = 'factdesk-tree';
/** A fact file saved with every keystroke of an edit sends a notification each time: refresh once. */
const REFRESH_DELAY_MS = 150;

const decorationUri = (key: string) => vscode.Uri.from({ scheme: DECORATION_SCHEME, path: `/${encodeURIComponent(key)}` });

export class FactTreeProvider implements vscode.TreeDataProvider<FactTreeNode>, vscode.FileDecorationProvider, vscode.Disposable {
  private facts: FactSummary[] = [];
  private files: FactFileSummary[] = [];
  private tree: FactTree = buildFactTree([], []);
  private filter: string | undefined;
  private running = true;
  /** Refreshes started; a slower, older one must not overwrite a newer result. */
  private generation = 0;
  private loaded: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private clientHooks: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly treeChanged = new vscode.EventEmitter<FactTreeNode | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private readonly refreshed = new vscode.EventEmitter<FactTree>();
  /** After each refresh or filter change, with the tree now shown. */
  readonly onDidRefresh = this.refreshed.event;
  readonly view: vscode.TreeView<FactTreeNode>;

  constructor(private readonly server: ServerManager, private readonly sources: SourceViewProvider) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view, this.treeChanged, this.decorationsChanged, this.refreshed,
      vscode.window.registerFileDecorationProvider(this),
      server.onDidChangeClient((client) => this.attach(client)),
      // Hidden, the view skips refreshes' rendering cost; shown again, it catches up.
      this.view.onDidChangeVisibility((e) => { if (e.visible) this.scheduleRefresh(); }),
    );
    if (server.client) this.attach(server.client);
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
    // The view's `when`: it appears once Fact Desk runs in this window (a draft or a fact file).
    void vscode.commands.executeCommand('setContext', 'factdesk.active', true);
  }

  /** Follows a (re)started client: its fact base notifications, and its restarts after a crash. */
  private attach(client: LanguageClient | undefined): void {
    for (const d of this.clientHooks) d.dispose();
    this.clientHooks = [];
    if (client) {
      try {
        this.clientHooks.push(
          client.onNotification(FACT_BASE_CHANGED_NOTIFICATION, () => this.scheduleRefresh()),
          client.onDidChangeState(() => this.scheduleRefresh()),
        );
      } catch {
        // A client that failed to start takes no handlers; the next one will.
      }
    }
    this.scheduleRefresh(0);
  }

  private scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { void this.refresh(); }, delay);
  }

  /** Fetches the facts and fact files in use and redraws the tree. */
  refresh(): Promise<void> {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const run = (async () => {
      const client = await this.server.ready();
      let facts: FactSummary[] = [];
      let files: FactFileSummary[] = [];
      if (client) {
        try {
          [facts, files] = await Promise.all([listFacts(client), factFiles(client)]);
        } catch {
          // The server went away mid-request; the state change that follows refreshes again.
          if (generation !== this.generation) return;
        }
      }
      if (generation !== this.generation) return;
      this.running = !!client;
      this.facts = facts;
      this.files = files;
      this.sources.remember(facts);
      this.rebuild();
    })();
    this.loaded = run;
    return run;
  }

  private rebuild(): void {
    this.tree = buildFactTree(this.facts, this.files, this.filter);
    const filtered = this.tree.terms.length > 0;
    this.view.message = treeMessage(this.tree, this.filter, this.running);
    this.view.badge = this.tree.problems
      ? { value: this.tree.problems, tooltip: `${this.tree.problems} problem(s) in fact files` }
      : undefined;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, filtered);
    this.treeChanged.fire(undefined);
    this.decorationsChanged.fire(undefined);
    this.refreshed.fire(this.tree);
  }

  /** The filter in use, or undefined. */
  get filterText(): string | undefined {
    return this.filter;
  }

  /** Narrows the tree to facts matching every word of `text`; empty or undefined clears it. */
  setFilter(text: string | undefined): FactTree {
    const next = text?.trim() ? text : undefined;
    if (next !== this.filter) {
      this.filter = next;
      this.rebuild();
    }
    return this.tree;
  }

  /**
   * "Filter…": an input box that narrows the tree as you type; Enter keeps the filter, Escape
   * puts the previous one back. With a string argument (tests, keybindings) it applies that.
   */
  async promptFilter(arg?: unknown): Promise<string | undefined> {
    if (typeof arg === 'string') { this.setFilter(arg); return this.filter; }
    await this.loaded;
    const before = this.filter;
    const box = vscode.window.createInputBox();
    box.title = 'Filter the Fact Base';
    box.placeholder = 'Words from a subject, alias, statement, quote or source ("quotes" keep a phrase together)';
    box.value = before ?? '';
    const describe = () => {
      const t = this.tree;
      box.prompt = t.terms.length ? `${t.shown} of ${t.total} facts match. Enter keeps the filter, Escape cancels.` : `${t.total} facts. Every word must match.`;
    };
    describe();
    let accepted = false;
    return new Promise<string | undefined>((resolve) => {
      box.onDidChangeValue((v) => { this.setFilter(v); describe(); });
      box.onDidAccept(() => { accepted = true; box.hide(); });
      box.onDidHide(() => {
        if (!accepted) this.setFilter(before);
        box.dispose();
        resolve(this.filter);
      });
      box.show();
    });
  }

  clearFilter(): void {
    this.setFilter(undefined);
  }

  /** The tree as now shown, after any load in progress (tests, FactDeskApi). */
  async snapshot(): Promise<FactTree> {
    await (this.loaded ?? this.refresh());
    return this.tree;
  }

  async getChildren(node?: FactTreeNode): Promise<FactTreeNode[]> {
    if (!node && !this.loaded) await this.refresh();
    return childrenOf(this.tree, node);
  }

  getParent(node: FactTreeNode): FactTreeNode | undefined {
    return parentOf(this.tree, node);
  }

  getTreeItem(node: FactTreeNode): vscode.TreeItem {
    const filtered = this.tree.terms.length > 0;
    const markdown = (text: string) => Object.assign(new vscode.MarkdownString(text, true), { isTrusted: false });
    switch (node.kind) {
      case 'file': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.key;
        item.description = node.description;
        item.tooltip = markdown(node.tooltip);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.resourceUri = decorationUri(node.key);
        item.contextValue = 'factFile';
        item.command = { command: 'vscode.open', title: 'Open Fact File', arguments: [vscode.Uri.parse(node.uri)] };
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.key;
        item.description = node.description;
        item.tooltip = `${fileName(node.uri)}, ${node.description}: ${node.label}`;
        item.iconPath = new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('list.errorForeground'));
        item.contextValue = 'factFileProblem';
        item.command = { command: REVEAL_COMMAND, title: 'Go to Problem', arguments: [node] };
        return item;
      }
      case 'source': {
        // A filter expands every source that keeps a match; a new id makes VS Code forget the
        // user's collapsed state for the filtered tree only.
        const state = filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(node.label, state);
        item.id = filtered ? `${node.key}?${this.tree.terms.join(' ')}` : node.key;
        item.description = node.description;
        item.tooltip = markdown(node.tooltip);
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'factSource';
        return item;
      }
      case 'fact': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.key;
        item.description = node.description;
        item.tooltip = markdown(node.tooltip);
        item.iconPath = node.conflicted
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('symbol-number');
        item.resourceUri = decorationUri(node.key);
        item.contextValue = node.conflicted ? 'fact.conflicted' : 'fact';
        item.command = { command: REVEAL_COMMAND, title: 'Show Source', arguments: [node] };
        item.accessibilityInformation = { label: `${node.label}${node.conflicted ? ', conflicting sources' : ''}. Quote: ${node.fact.quote}` };
        return item;
      }
    }
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== DECORATION_SCHEME) return undefined;
    const node = this.tree.byKey.get(decodeURIComponent(uri.path.slice(1)));
    if (node?.kind === 'fact' && node.conflicted) {
      const n = node.fact.conflicts?.length ?? 0;
      return new vscode.FileDecoration('!', n ? `${n} conflicting source(s)` : 'The sources disagree', new vscode.ThemeColor('list.warningForeground'));
    }
    if (node?.kind === 'file') {
      const n = node.problems.length;
      return new vscode.FileDecoration(n > 99 ? '99+' : String(n), `${n} problem(s)`, new vscode.ThemeColor('list.errorForeground'));
    }
    return undefined;
  }

  /** Selecting a fact: its line in a workspace fact file, or the source view of a bundled article. */
  async reveal(arg: unknown): Promise<vscode.Uri | undefined> {
    const node = typeof arg === 'string' ? this.tree.byKey.get(`fact:${arg}`) : isNode(arg) ? arg : undefined;
    if (!node) return undefined;
    if (node.kind === 'problem' || node.kind === 'file') {
      const uri = vscode.Uri.parse(node.uri);
      const range = node.kind === 'problem' ? toRange(node.range) : undefined;
      await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: true, ...(range ? { selection: range } : {}) });
      return uri;
    }
    if (node.kind !== 'fact') return undefined;
    return revealFact(node.fact, this.sources);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of [...this.clientHooks, ...this.disposables]) d.dispose();
  }
}

/** A workspace fact opens its file at the fact; a bundled one the read-only source view. */
export async function revealFact(fact: FactSummary, sources: SourceViewProvider): Promise<vscode.Uri> {
  if (fact.location) {
    const uri = vscode.Uri.parse(fact.location.uri);
    const editor = await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: true, selection: toRange(fact.location.range) });
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return uri;
  }
  return sources.showFact(fact, { preserveFocus: true });
}

function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function isNode(x: unknown): x is FactTreeNode {
  return typeof x === 'object' && x !== null && typeof (x as { key?: unknown }).key === 'string' && typeof (x as { kind?: unknown }).kind === 'string';
}

/** The server's fact files; none from a server that predates the request. */
async function factFiles(client: LanguageClient): Promise<FactFileSummary[]> {
  try {
    const r = await client.sendRequest<FactFileSummary[] | null>(FACT_FILES_REQUEST, {});
    return Array.isArray(r) ? r : [];
  } catch (e) {
    if (isMethodNotFound(e)) return [];
    throw e;
  }
}
