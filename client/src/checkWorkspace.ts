import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_TEXT_REQUEST, DIAGNOSTIC_SOURCE, FINDINGS_REQUEST, isMethodNotFound,
  type CheckTextParams, type CheckTextResult, type FindingsSummary,
} from './protocol';
import type { ServerManager } from './server';
import { clientSettings, EXTENSIONS, selectorLanguages } from './settings';
import type { StatusBar } from './statusBar';

/** How long one draft may take before the workspace check moves on without its result. */
const PER_FILE_TIMEOUT_MS = 15_000;
const MAX_FILES = 5_000;

export interface WorkspaceCheckResult {
  files: number;
  checked: number;
  skipped: number;
  wrong: number;
  filesWithWrong: number;
  cancelled: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function languageFor(uri: vscode.Uri): string | undefined {
  const ext = uri.path.slice(uri.path.lastIndexOf('.') + 1).toLowerCase();
  return Object.entries(EXTENSIONS).find(([, exts]) => exts.includes(ext))?.[0];
}

const factDeskDiagnostics = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);

/**
 * "Check All Drafts in Workspace": every draft file of a checked language, with a cancellable
 * progress notification. Results land in the Problems panel.
 *
 * Drafts open in the editor are already checked live. Others are checked with the server's
 * `factdesk/checkText` when it offers it; otherwise each is opened as a (hidden) document, which
 * the server checks like any other, and its diagnostics are kept in a separate collection once the
 * editor lets the hidden document go (VS Code closes such documents after a few minutes).
 */
export class WorkspaceChecker implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('factdesk-workspace');
  /** Diagnostics of drafts opened only for the check, to keep once the editor closes them. */
  private readonly snapshots = new Map<string, vscode.Diagnostic[]>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private checkTextSupported: boolean | undefined;

  constructor(private readonly server: ServerManager, private readonly status: StatusBar, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      // Once a draft is open, the live diagnostics are the truth.
      vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.snapshots.delete(e.document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        const snap = this.snapshots.get(key);
        this.snapshots.delete(key);
        if (snap && !d.isDirty) this.collection.set(d.uri, snap);
      }),
      vscode.workspace.onDidDeleteFiles((e) => { for (const f of e.files) this.collection.delete(f); }),
      server.onDidChangeClient(() => { this.checkTextSupported = undefined; }),
    );
  }

  async findDrafts(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const languages = selectorLanguages();
    const exts = languages.flatMap((l) => EXTENSIONS[l] ?? []);
    if (!exts.length) return [];
    const include = `**/*.{${exts.join(',')}}`;
    const uris = await vscode.workspace.findFiles(include, '**/{node_modules,.git,dist,out,.cache,test-output}/**', MAX_FILES, token);
    // Each folder's own languages decide, as for open documents.
    return uris
      .filter((u) => {
        const lang = languageFor(u);
        const s = clientSettings(u);
        return !!lang && s.enable && s.languages.includes(lang);
      })
      .sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  }

  /** The command: progress notification with cancel, a summary message at the end. */
  async run(): Promise<WorkspaceCheckResult | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Fact Desk: open a folder to check all of its drafts.');
      return undefined;
    }
    const client = await this.server.ready();
    if (!client) {
      void vscode.window.showErrorMessage('Fact Desk: the checker is not running. Try "Fact Desk: Restart Server".');
      return undefined;
    }
    const busy = this.status.beginBusy('Fact Desk: checking drafts…');
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Fact Desk: checking drafts', cancellable: true },
        (progress, token) => this.checkAll(client, progress, token, (l) => busy.update(l)),
      );
      this.report(result);
      return result;
    } finally {
      busy.done();
    }
  }

  private report(r: WorkspaceCheckResult): void {
    const what = r.cancelled ? `Fact Desk: check cancelled after ${r.checked} of ${r.files} drafts` : `Fact Desk checked ${r.checked} draft${r.checked === 1 ? '' : 's'}`;
    const found = r.wrong
      ? `: ${r.wrong} wrong figure${r.wrong === 1 ? '' : 's'} in ${r.filesWithWrong} draft${r.filesWithWrong === 1 ? '' : 's'}.`
      : ': no wrong figures.';
    const skipped = r.skipped ? ` ${r.skipped} skipped (see the log).` : '';
    this.log.info(`${what}${found}${skipped}`);
    void vscode.window.showInformationMessage(`${what}${found}${skipped}`, ...(r.wrong ? ['Show Problems'] : []))
      .then((choice) => { if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems'); });
  }

  async checkAll(
    client: LanguageClient,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
    onStep: (label: string) => void = () => {},
  ): Promise<WorkspaceCheckResult> {
    const started = Date.now();
    const uris = await this.findDrafts(token);
    const result: WorkspaceCheckResult = { files: uris.length, checked: 0, skipped: 0, wrong: 0, filesWithWrong: 0, cancelled: false };
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const [i, uri] of uris.entries()) {
      if (token.isCancellationRequested) { result.cancelled = true; break; }
      const name = vscode.workspace.asRelativePath(uri);
      progress.report({ message: `${i + 1}/${uris.length} ${name}`, increment: 100 / uris.length });
      onStep(`Fact Desk: checking ${i + 1}/${uris.length}`);
      try {
        const wrong = await this.checkOne(client, uri, open.get(uri.toString()), token);
        if (wrong === undefined) { result.skipped++; continue; }
        result.checked++;
        result.wrong += wrong;
        if (wrong) result.filesWithWrong++;
      } catch (e) {
        if (token.isCancellationRequested) { result.cancelled = true; break; }
        result.skipped++;
        this.log.warn(`[check all] ${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.log.info(`[check all] ${result.checked}/${result.files} drafts in ${Date.now() - started} ms`);
    return result;
  }

  /** Number of wrong figures in one draft, or undefined when it was not checked. */
  private async checkOne(client: LanguageClient, uri: vscode.Uri, doc: vscode.TextDocument | undefined, token: vscode.CancellationToken): Promise<number | undefined> {
    if (doc) return this.fromOpenDocument(client, doc, token); // live diagnostics already cover it
    const language = languageFor(uri);
    if (!language) return undefined;
    const { maxFileSizeKB } = clientSettings(uri);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size / 1024 > maxFileSizeKB) {
      this.log.info(`[check all] ${vscode.workspace.asRelativePath(uri)}: over factdesk.maxFileSizeKB, skipped`);
      return undefined;
    }
    if (this.checkTextSupported !== false) {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      const params: CheckTextParams = { uri: uri.toString(), languageId: language, text };
      try {
        const r = await client.sendRequest<CheckTextResult | null>(CHECK_TEXT_REQUEST, params, token);
        this.checkTextSupported = true;
        if (!r || !r.summary.checked) return undefined;
        const diagnostics = await client.protocol2CodeConverter.asDiagnostics(r.diagnostics);
        this.collection.set(uri, diagnostics);
        return r.summary.wrong;
      } catch (e) {
        if (!isMethodNotFound(e)) throw e;
        this.checkTextSupported = false;
        this.log.info(`[check all] the server has no ${CHECK_TEXT_REQUEST}; opening each draft instead.`);
      }
    }
    const opened = await vscode.workspace.openTextDocument(uri);
    const wrong = await this.fromOpenDocument(client, opened, token);
    this.snapshots.set(uri.toString(), factDeskDiagnostics(uri));
    return wrong;
  }

  /** Wait (with a deadline) until the server has checked this version and published its diagnostics. */
  private async fromOpenDocument(client: LanguageClient, doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<number | undefined> {
    const deadline = Date.now() + PER_FILE_TIMEOUT_MS;
    let summary: FindingsSummary | null = null;
    while (Date.now() < deadline && !token.isCancellationRequested) {
      summary = await client.sendRequest<FindingsSummary | null>(FINDINGS_REQUEST, { uri: doc.uri.toString() }, token);
      if (summary && (summary.checked || summary.reason !== 'not-open')) break;
      await sleep(50);
    }
    if (!summary?.checked) return undefined;
    // Diagnostics are published separately from the findings answer: wait for them to match.
    const reportUnsourced = vscode.workspace.getConfiguration('factdesk', doc).get<boolean>('reportUnsourcedFigures', false);
    const expected = summary.wrong + summary.disputed + (reportUnsourced ? summary.unsourced : 0);
    while (Date.now() < deadline && !token.isCancellationRequested) {
      if (factDeskDiagnostics(doc.uri).length === expected) break;
      await sleep(50);
    }
    return summary.wrong;
  }

  /** For tests: what the workspace check keeps for drafts not open in the editor. */
  stored(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
