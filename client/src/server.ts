import * as vscode from 'vscode';
import {
  CloseAction, LanguageClient, State, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { selectorLanguages } from './settings';

/**
 * What the status bar says about the server process: `restarting` after it died and the client
 * is starting a new one, `stopped` when it died too often (the library's rule: a fifth crash
 * within 3 minutes) and will not be restarted, `off` when it was stopped on purpose.
 */
export type ServerState = 'starting' | 'running' | 'restarting' | 'stopped' | 'off';

const FACT_FILES = '**/*.facts.{yaml,yml,json}';
/** "Mark as checked" decisions, written by the server's workspace edits. */
const CHECKED_FILE = '**/.factdesk/checked.json';

/**
 * Owns the language client: starts `dist/server.js` over IPC, restarts it on request, and starts a
 * fresh client when the set of checked languages changes (a client's document selector is fixed).
 */
export class ServerManager implements vscode.Disposable {
  private current: LanguageClient | undefined;
  private languages: string[] = [];
  private starting: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<LanguageClient | undefined>();
  /** Fires with the new client after every (re)start, and with undefined when it stops. */
  readonly onDidChangeClient = this.changed.event;

  private watching: vscode.FileSystemWatcher[] | undefined;
  private serverState: ServerState = 'off';
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateChanged.event;
  /** Every state since activation, oldest first (the crash-recovery test reads it). */
  readonly stateHistory: ServerState[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel) {}

  /** One watcher for the extension's lifetime, shared by every (re)started client. */
  private watchers(): vscode.FileSystemWatcher[] {
    this.watching ??= [FACT_FILES, CHECKED_FILE].map((g) => vscode.workspace.createFileSystemWatcher(g));
    return this.watching;
  }

  get client(): LanguageClient | undefined {
    return this.current;
  }

  get state(): ServerState {
    return this.serverState;
  }

  private setState(state: ServerState): void {
    if (state === this.serverState) return;
    this.serverState = state;
    this.stateHistory.push(state);
    if (this.stateHistory.length > 100) this.stateHistory.shift();
    this.stateChanged.fire(state);
  }

  /**
   * The library's own restart policy, plus the status bar: a crash is announced there and in the
   * log instead of with a notification per restart.
   */
  private errorHandler(client: () => LanguageClient): ErrorHandler {
    let fallback: ErrorHandler | undefined;
    const policy = () => (fallback ??= client().createDefaultErrorHandler());
    return {
      error: (error, message, count) => policy().error(error, message, count),
      closed: async () => {
        const result = await policy().closed();
        if (result.action === CloseAction.Restart) {
          this.log.warn('The Fact Desk server stopped unexpectedly; restarting it.');
          this.setState('restarting');
          return { ...result, handled: true };
        }
        this.log.error(`The Fact Desk server stopped unexpectedly and will not be restarted: ${result.message ?? ''}`);
        this.setState('stopped');
        return result;
      },
    };
  }

  /**
   * Adds the user-level value of factdesk.factFiles to the settings the server pulls: only those
   * entries may name files outside the workspace folders. Always overwritten, so a workspace's
   * settings.json cannot supply the key itself.
   */
  private static withUserFactFiles(items: ReadonlyArray<{ section?: string }>, values: unknown[]): unknown[] {
    return values.map((value, i) => {
      if (items[i]?.section !== 'factdesk' || value === null || typeof value !== 'object') return value;
      const user = vscode.workspace.getConfiguration('factdesk').inspect<unknown>('factFiles')?.globalValue;
      const userFactFiles = Array.isArray(user) ? user.filter((g): g is string => typeof g === 'string') : [];
      return { ...(value as Record<string, unknown>), userFactFiles };
    });
  }

  /** The running client, after any start in progress has finished. */
  async ready(): Promise<LanguageClient | undefined> {
    await this.starting;
    return this.current?.isRunning() ? this.current : undefined;
  }

  start(): Promise<void> {
    this.starting = this.doStart();
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    // stdio, as other editors use it: there the server sends a long draft's unchanged
    // diagnostics as the bytes it sent before (server/src/lsp/encoder.ts); over IPC, Node
    // serializes every message whole.
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.stdio },
      debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    this.languages = selectorLanguages();
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        ...this.languages.flatMap((language) => [
          { scheme: 'file', language },
          { scheme: 'untitled', language },
        ]),
        // Fact files are synced too, so an edit re-checks drafts before the file is even saved.
        { scheme: 'file', pattern: FACT_FILES },
        { scheme: 'file', pattern: CHECKED_FILE },
      ],
      // VS Code's client does not register watchers dynamically: it forwards these events itself.
      synchronize: { fileEvents: this.watchers() },
      diagnosticCollectionName: 'factdesk',
      outputChannel: this.log,
      // Hover text is the server's own Markdown: quotes and titles, never commands or HTML.
      markdown: { isTrusted: false, supportHtml: false },
      errorHandler: this.errorHandler(() => client),
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const values = await next(params, token);
            return Array.isArray(values) ? ServerManager.withUserFactFiles(params.items, values) : values;
          },
        },
      },
    };
    const client: LanguageClient = new LanguageClient('factdesk', 'Fact Desk', serverOptions, clientOptions);
    this.current = client;
    this.setState('starting');
    // After a crash the library starts the same client again: Running means it is back.
    client.onDidChangeState((e) => {
      if (this.current !== client) return;
      if (e.newState === State.Running) this.setState('running');
      else if (e.newState === State.Starting && this.serverState !== 'restarting') this.setState('starting');
    });
    const t0 = Date.now();
    try {
      await client.start();
      this.log.info(`Fact Desk server started in ${Date.now() - t0} ms for ${this.languages.join(', ')}.`);
    } catch (e) {
      this.setState('stopped');
      this.log.error(`Fact Desk server could not start: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage('Fact Desk: the checker could not start. See the log for details.', 'Show Log')
        .then((choice) => { if (choice) this.log.show(); });
    }
    this.changed.fire(client);
  }

  async restart(): Promise<void> {
    await this.starting;
    await this.stop();
    await this.start();
  }

  /** Settings changed: a new language list needs a new client; other settings go to the server. */
  async configurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!e.affectsConfiguration('factdesk.languages')) return;
    const next = selectorLanguages();
    if (next.join('\u0000') === this.languages.join('\u0000')) return;
    this.log.info(`factdesk.languages changed to ${next.join(', ')}: restarting the server.`);
    await this.restart();
  }

  async stop(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    this.setState('off');
    this.changed.fire(undefined);
    if (!client) return;
    try {
      await client.stop(2000);
    } catch (e) {
      this.log.warn(`Fact Desk server did not stop cleanly: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
    this.stateChanged.dispose();
    for (const w of this.watching ?? []) w.dispose();
  }
}
