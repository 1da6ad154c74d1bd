// Fact Desk for VS Code: a thin client around the language server in dist/server.js.
// The server does the checking (diagnostics, hovers, quick fixes); this side adds the status bar,
// the commands, and the read-only source view.
import * as vscode from 'vscode';
import { reviewCheckedMarks } from './checkedMarks';
import { WorkspaceChecker, type WorkspaceCheckResult } from './checkWorkspace';
import type { FactTree } from './factBaseModel';
import { FactTreeProvider, REVEAL_COMMAND } from './factTree';
import { insertCitation, SOURCE_SCHEME, SourceViewProvider } from './facts';
import { findFact, type FindFactResult } from './findFact';
import { SERVER_INFO_REQUEST, type ServerInfo } from './protocol';
import { ServerManager, type ServerState } from './server';
import { isDraft } from './settings';
import { SHOW_PROBLEMS_COMMAND, StatusBar } from './statusBar';

const loadedAt = Date.now();

/** What `activate` returns: used by the in-editor tests, stable enough for other extensions. */
export interface FactDeskApi {
  /** Resolves once the server is running (false when it could not start). */
  ready(): Promise<boolean>;
  /** The status bar item's text and visibility (not readable through the VS Code API). */
  status(): { text: string; visible: boolean; uri: string | undefined };
  /** The server process's id, asked of the running server (undefined while none is running). */
  serverPid(): Promise<number | undefined>;
  /** The server's states since activation, oldest first ("running", "restarting", …). */
  serverStates(): readonly ServerState[];
  /** The status bar texts shown since activation, oldest first. */
  statusHistory(): readonly string[];
  /** Diagnostics kept by "Check All Drafts" for drafts that are not open. */
  workspaceDiagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[];
  /** Milliseconds from loading the extension to a running server. */
  activationMs(): number | undefined;
  /** The Fact Base view's tree as shown now (after a refresh in progress), filter applied. */
  factTree(): Promise<FactTree>;
}

let manager: ServerManager | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FactDeskApi> {
  const log = vscode.window.createOutputChannel('Fact Desk', { log: true });
  context.subscriptions.push(log);

  const server = new ServerManager(context, log);
  manager = server;
  const status = new StatusBar(server);
  const checker = new WorkspaceChecker(server, status, log);
  const sources = new SourceViewProvider(server);
  context.subscriptions.push(server, status, checker, sources);
  const factTree = new FactTreeProvider(server, sources);
  context.subscriptions.push(factTree);

  const setDraftContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'factdesk.activeDraft', !!doc && isDraft(doc));
  };

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, sources),
    vscode.commands.registerCommand('factdesk.checkWorkspace', (): Promise<WorkspaceCheckResult | undefined> => checker.run()),
    vscode.commands.registerCommand('factdesk.insertCitation', (factId?: unknown) => insertCitation(server, factId)),
    vscode.commands.registerCommand('factdesk.showSource', (uri?: unknown, position?: unknown) => sources.show(uri, position)),
    vscode.commands.registerCommand('factdesk.restartServer', async () => {
      log.info('Restarting the Fact Desk server on request.');
      await server.restart();
      const ok = !!(await server.ready());
      void vscode.window.setStatusBarMessage(ok ? 'Fact Desk: server restarted' : 'Fact Desk: server failed to restart', 3000);
      return ok;
    }),
    vscode.commands.registerCommand('factdesk.showLog', () => log.show(true)),
    vscode.commands.registerCommand('factdesk.findFact', (factId?: unknown): Promise<FindFactResult | undefined> => findFact(server, sources, factId)),
    // From a fact's context menu in the Fact Base view: the node carries the fact.
    vscode.commands.registerCommand('factdesk.factBase.insertFact', (node?: unknown) =>
      findFact(server, sources, typeof node === 'string' ? node : (node as { fact?: { id?: unknown } } | undefined)?.fact?.id)),
    vscode.commands.registerCommand('factdesk.factBase.filter', (text?: unknown) => factTree.promptFilter(text)),
    vscode.commands.registerCommand('factdesk.factBase.clearFilter', () => factTree.clearFilter()),
    vscode.commands.registerCommand('factdesk.factBase.refresh', () => factTree.refresh()),
    vscode.commands.registerCommand(REVEAL_COMMAND, (node?: unknown) => factTree.reveal(node)),
    vscode.commands.registerCommand('factdesk.reviewCheckedMarks', () => reviewCheckedMarks()),
    vscode.commands.registerCommand(SHOW_PROBLEMS_COMMAND, () => vscode.commands.executeCommand('workbench.actions.view.problems')),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('factdesk')) setDraftContext();
      void server.configurationChanged(e);
    }),
    vscode.window.onDidChangeActiveTextEditor(setDraftContext),
  );
  setDraftContext();

  let activationMs: number | undefined;
  const started = server.start().then(async () => {
    const ok = !!(await server.ready());
    activationMs = Date.now() - loadedAt;
    log.info(`Fact Desk activated in ${activationMs} ms (extension loaded to server ready).`);
    return ok;
  });
  // Activation does not wait for the server: editors stay responsive while it starts.

  return {
    ready: () => started,
    status: () => ({ text: status.text, visible: status.visible, uri: status.last?.uri }),
    serverPid: async () => (await (await server.ready())?.sendRequest<ServerInfo | null>(SERVER_INFO_REQUEST, {}))?.pid,
    serverStates: () => [...server.stateHistory],
    statusHistory: () => [...status.history],
    workspaceDiagnostics: (uri) => checker.stored(uri),
    activationMs: () => activationMs,
    factTree: () => factTree.snapshot(),
  };
}

export async function deactivate(): Promise<void> {
  await manager?.stop();
  manager = undefined;
}
