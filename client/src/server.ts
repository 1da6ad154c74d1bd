import * as vscode from 'vscode';
import {
  LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { selectorLanguages } from './settings';

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

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel) {}

  /** One watcher for the extension's lifetime, shared by every (re)started client. */
  private watchers(): vscode.FileSystemWatcher[] {
    this.watching ??= [FACT_FILES, CHECKED_FILE].map((g) => vscode.workspace.createFileSystemWatcher(g));
    return this.watching;
  }

  get client(): LanguageClient | undefined {
    return this.current;
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
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
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
    };
    const client = new LanguageClient('factdesk', 'Fact Desk', serverOptions, clientOptions);
    this.current = client;
    const t0 = Date.now();
    try {
      await client.start();
      this.log.info(`Fact Desk server started in ${Date.now() - t0} ms for ${this.languages.join(', ')}.`);
    } catch (e) {
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
    for (const w of this.watching ?? []) w.dispose();
  }
}
