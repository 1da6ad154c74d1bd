import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FINDINGS_REQUEST, type FindingsSummary } from './protocol';
import { isDraft } from './settings';
import type { ServerManager } from './server';

/** Show the spinner only for checks that take longer than this, so fast ones do not flicker. */
const SPINNER_DELAY_MS = 250;
/** Quiet time after a keystroke or a diagnostics update before the counts are asked for. */
const REFRESH_DEBOUNCE_MS = 150;

export const SHOW_PROBLEMS_COMMAND = 'factdesk.showProblems';

/** "Fact Desk: 2 wrong · 9 sourced" (+ disputed when there are any). */
export function summaryText(s: FindingsSummary): string {
  const parts = [`${s.wrong} wrong`, `${s.sourced} sourced`];
  if (s.disputed) parts.push(`${s.disputed} disputed`);
  return `Fact Desk: ${parts.join(' · ')}`;
}

const REASONS: Record<string, string> = {
  disabled: 'Fact Desk is switched off for this file (factdesk.enable).',
  language: 'This language is not in factdesk.languages.',
  'too-large': 'This file is over factdesk.maxFileSizeKB and is not checked.',
  'not-open': 'The checker has not received this file yet.',
};

/**
 * The status bar item for the active draft: counts from `factdesk/findings`, a spinner while a
 * check is pending, click to open the Problems panel filtered to Fact Desk.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private spinnerTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private busy: string | undefined;
  /** The last summary shown, for tests and the workspace check. */
  last: FindingsSummary | undefined;
  /** Texts shown, oldest first, each once in a row: a restart is over before a test could poll it. */
  readonly history: string[] = [];

  constructor(private readonly server: ServerManager) {
    this.item = vscode.window.createStatusBarItem('factdesk.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Fact Desk';
    this.item.command = SHOW_PROBLEMS_COMMAND;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length) this.pending();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.schedule(REFRESH_DEBOUNCE_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(REFRESH_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('factdesk')) this.schedule(REFRESH_DEBOUNCE_MS);
      }),
      server.onDidChangeClient(() => this.schedule(0)),
      server.onDidChangeState(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  /** The text now shown (tests read it: the status bar is not readable through the API). */
  get text(): string {
    return this.item.text;
  }

  get visible(): boolean {
    return this.shown;
  }

  private shown = false;

  private show(): void {
    if (this.history.at(-1) !== this.item.text) {
      this.history.push(this.item.text);
      if (this.history.length > 100) this.history.shift();
    }
    this.item.show();
    this.shown = true;
  }

  private hide(): void {
    this.item.hide();
    this.shown = false;
  }

  /** A long-running operation (the workspace check) owns the item until `done` is called. */
  beginBusy(label: string): { update(label: string): void; done(): void } {
    this.busy = label;
    this.renderBusy();
    return {
      update: (l) => { this.busy = l; this.renderBusy(); },
      done: () => { this.busy = undefined; this.schedule(0); },
    };
  }

  private renderBusy(): void {
    if (!this.busy) return;
    this.item.text = `$(sync~spin) ${this.busy}`;
    this.item.tooltip = this.busy;
    this.show();
  }

  /** The active draft changed: a check is coming; show the spinner if it takes a while. */
  private pending(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isDraft(editor.document)) return;
    if (!this.spinnerTimer) {
      this.spinnerTimer = setTimeout(() => {
        this.spinnerTimer = undefined;
        if (!this.busy) {
          this.item.text = '$(sync~spin) Fact Desk: checking…';
          this.item.tooltip = 'Fact Desk is checking this draft';
        }
      }, SPINNER_DELAY_MS);
    }
    this.schedule(REFRESH_DEBOUNCE_MS);
  }

  private schedule(delay: number): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, delay);
  }

  /** Ask the server for the active draft's counts and show them. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    if (this.busy) return this.renderBusy();
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isDraft(editor.document)) {
      this.clearSpinner();
      this.last = undefined;
      return this.hide();
    }
    const client: LanguageClient | undefined = this.server.client;
    if (!client?.isRunning()) {
      this.clearSpinner();
      const state = this.server.state;
      if (state === 'restarting' || state === 'starting') {
        this.item.text = state === 'restarting' ? '$(sync~spin) Fact Desk: restarting…' : '$(sync~spin) Fact Desk: starting…';
        this.item.tooltip = state === 'restarting'
          ? 'The Fact Desk checker stopped unexpectedly and is being restarted. Click for the log.'
          : 'The Fact Desk checker is starting.';
      } else if (state === 'stopped') {
        this.item.text = '$(error) Fact Desk: server stopped';
        this.item.tooltip = 'The Fact Desk checker stopped and was not restarted (Fact Desk: Restart Server starts it again). Click for the log.';
      } else {
        this.item.text = '$(circle-slash) Fact Desk';
        this.item.tooltip = 'The Fact Desk checker is not running. Click for the log.';
      }
      this.item.command = 'factdesk.showLog';
      this.last = undefined;
      return this.show();
    }
    const uri = editor.document.uri.toString();
    let summary: FindingsSummary | null;
    try {
      summary = await client.sendRequest<FindingsSummary | null>(FINDINGS_REQUEST, { uri });
    } catch {
      summary = null;
    }
    if (generation !== this.generation) return; // a newer refresh is on its way
    this.clearSpinner();
    this.item.command = SHOW_PROBLEMS_COMMAND;
    if (!summary) {
      this.item.text = '$(question) Fact Desk';
      this.item.tooltip = 'Fact Desk could not get counts for this draft. See the log.';
      this.last = undefined;
      return this.show();
    }
    this.last = summary;
    if (!summary.checked) {
      if (summary.reason === 'language') return this.hide();
      if (summary.reason === 'not-open') return this.schedule(500); // the open is still on its way
      this.item.text = summary.reason === 'disabled' ? '$(circle-slash) Fact Desk: off' : '$(info) Fact Desk: not checked';
      this.item.tooltip = REASONS[summary.reason ?? ''] ?? 'Fact Desk does not check this file.';
      return this.show();
    }
    const icon = summary.wrong ? '$(warning)' : summary.sourced ? '$(pass)' : '$(check)';
    this.item.text = `${icon} ${summaryText(summary)}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**Fact Desk** — this draft\n\n`);
    tip.appendMarkdown(`- ${summary.wrong} figure(s) contradict the sources\n`);
    tip.appendMarkdown(`- ${summary.ok} figure(s) match the sources\n`);
    if (summary.disputed) tip.appendMarkdown(`- ${summary.disputed} figure(s) on which the sources disagree\n`);
    tip.appendMarkdown(`\nClick to open the Problems panel.`);
    this.item.tooltip = tip;
    this.show();
  }

  private clearSpinner(): void {
    if (this.spinnerTimer) clearTimeout(this.spinnerTimer);
    this.spinnerTimer = undefined;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.clearSpinner();
    for (const d of this.disposables) d.dispose();
  }
}
