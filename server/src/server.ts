// Fact Desk language server: `node dist/server.js --stdio` (editors, the VS Code client too);
// `--node-ipc` works as the library provides it.
import {
  type Connection, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocuments,
} from 'vscode-languageserver/node';
import { Console } from 'node:console';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBundledFactBase } from './core/facts/bundled';
import { Analysis } from './lsp/analysis';
import { clientFeatures, initializeResult } from './lsp/capabilities';
import { onCheckText, onCitation, onCodeAction, onCompletion, onFactAt, onFactFiles, onFacts, onFindings, onHover } from './lsp/handlers';
import { describeError, guard, type Log } from './lsp/log';
import {
  CHECK_TEXT_REQUEST, CITATION_REQUEST, FACT_AT_REQUEST, FACT_FILES_REQUEST, FACTS_REQUEST, FINDINGS_REQUEST,
  type CheckTextParams, type CitationParams, type FactAtParams, type FactsParams, type FindingsParams,
} from './lsp/protocol';
import type { Session } from './lsp/session';
import { SettingsStore } from './lsp/settings';
import { Validator } from './lsp/validation';
import { FactFileService } from './lsp/factFiles';
import { FactWorkspace, type FactFileSettings } from './workspace/factWorkspace';
import { CheckedStore } from './workspace/checkedStore';
import { isChecked } from './core/checked';
import { SERVER_INFO_REQUEST, type ServerInfo } from './lsp/protocol';
import { writerOptions } from './lsp/encoder';

// On stdio the writer is ours, to send a draft's unchanged diagnostics as the bytes sent before
// (lsp/encoder.ts). Given streams, the library neither patches the console nor exits when the
// editor goes away, so both are done here: the console writes to stderr (a stray console.log on
// stdout would break the protocol), and the server exits when stdin ends, as it would.
function stdioConnection(): Connection {
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  const c = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, writerOptions));
  let shutDown = false;
  c.onShutdown(() => { shutDown = true; });
  const gone = () => process.exit(shutDown ? 0 : 1);
  process.stdin.on('end', gone);
  process.stdin.on('close', gone);
  return c;
}
const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log: Log = connection.console;

let session: Session | undefined;
let validator: Validator | undefined;
let factFiles: FactFileService | undefined;
let watchRegistration = false;

/** The two workspace-wide fact file settings; per-resource scopes make no sense for them. */
function factFileSettings(raw: unknown): FactFileSettings {
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    factFiles: Array.isArray(r.factFiles) ? r.factFiles.filter((g): g is string => typeof g === 'string') : [],
    useBundledFacts: typeof r.useBundledFacts === 'boolean' ? r.useBundledFacts : true,
    // Filled in by the VS Code client from the user-level value; see FactFileSettings.
    userFactFiles: Array.isArray(r.userFactFiles) ? r.userFactFiles.filter((g): g is string => typeof g === 'string') : [],
  };
}

/** Reads the fact file settings (pull model when the client has it) and reloads the fact base. */
async function refreshFactFiles(why: string, pushed?: unknown): Promise<void> {
  // No workspace folder, no workspace fact files: drafts keep the bundled base, and a bare editor
  // is not asked for anything more.
  if (!factFiles || !session || !factFiles.workspace.hasFolders()) return;
  let raw: unknown = pushed !== null && typeof pushed === 'object' ? (pushed as { factdesk?: unknown }).factdesk : undefined;
  if (session.client.configuration) {
    try { raw = await connection.workspace.getConfiguration({ section: 'factdesk' }); } catch (e) { log.warn(`[fact files] settings: ${describeError(e)}`); }
  }
  // Other settings changing must not reload (and re-check every draft a second time).
  if (!factFiles.workspace.setSettings(factFileSettings(raw)) && why !== 'start') return;
  factFiles.workspace.rescan();
  factFiles.reload(why);
}

connection.onInitialize((params) => {
  const client = clientFeatures(params.capabilities);
  const settings = new SettingsStore(log, client.configuration
    ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'factdesk' })
    : null);
  const analysis = new Analysis(log, loadBundledFactBase);
  session = { connection, documents, settings, analysis, client, log };
  validator = new Validator(connection, documents, settings, analysis, log);
  const workspace = new FactWorkspace(loadBundledFactBase, (m) => log.warn(m));
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspace.setFolders(folders);
  const checked = new CheckedStore((uri) => workspace.folderOf(uri));
  session.checked = checked;
  validator.skip = (uri) => workspace.isFactFile(uri) || checked.isCheckedFile(uri);
  validator.checked = (doc) => {
    const marks = checked.marksFor(doc.uri);
    return marks.length ? (f) => isChecked(doc.getText(), f, marks) : undefined;
  };
  factFiles = new FactFileService(connection, workspace, analysis, validator, log, (uri) => documents.get(uri)?.getText());
  session.factFiles = factFiles;
  watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  // Before answering, not after: the client sends no draft until it has the answer, so the first
  // draft does not wait behind loading the base (it did, by ~100–150 ms).
  analysis.warmUp();
  return initializeResult();
});

connection.onInitialized(guard(log, () => 'initialized', undefined, () => {
  if (!session) return;
  if (session.client.configurationRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'factdesk' })
      .catch((e: unknown) => log.warn(`[initialized] could not register for configuration changes: ${describeError(e)}`));
  }
  if (watchRegistration) {
    // Clients without dynamic registration (VS Code's own client) watch via synchronize.fileEvents.
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.facts.{yaml,yml,json}' }, { globPattern: '**/.factdesk/checked.json' }],
    }).catch((e: unknown) => log.warn(`[initialized] could not register file watchers: ${describeError(e)}`));
  }
  void refreshFactFiles('start');
  const facts = session.analysis.factBase().facts.length;
  log.info(`Fact Desk language server ready: ${facts} sourced facts.`);
}));

connection.onDidChangeConfiguration((params) => {
  try {
    session?.settings.changed(params?.settings);
    validator?.revalidateAll();
    void refreshFactFiles('settings changed', params?.settings);
  } catch (e) {
    log.error(`[didChangeConfiguration] ${describeError(e)}`);
  }
});

// Document events: each is guarded so a bad document cannot stop the others being checked.
const onDoc = (what: string, fn: (doc: TextDocument) => void) => ({ document }: { document: TextDocument }) => {
  try { fn(document); } catch (e) { log.error(`[${what} ${document.uri}] ${describeError(e)}`); }
};
// A fact file open in the editor is read from its buffer, so drafts follow every keystroke.
const factBuffer = (d: TextDocument, text: string | null, why: string) => {
  if (!factFiles?.workspace.isFactFile(d.uri)) return;
  factFiles.workspace.setBuffer(d.uri, text);
  factFiles.requestReload(`${why} ${d.uri}`);
};
// So is checked.json: a mark recorded (or undone) by a workspace edit counts before it is saved.
const checkedBuffer = (d: TextDocument, text: string | null) => {
  if (!session?.checked?.isCheckedFile(d.uri)) return;
  session.checked.setBuffer(d.uri, text);
  validator?.revalidateAll();
};
const buffers = (d: TextDocument, text: string | null, why: string) => { factBuffer(d, text, why); checkedBuffer(d, text); };
documents.onDidOpen(onDoc('didOpen', (d) => { validator?.opened(d); buffers(d, d.getText(), 'opened'); }));
documents.onDidChangeContent(onDoc('didChange', (d) => { validator?.changed(d); buffers(d, d.getText(), 'edited'); }));
documents.onDidSave(onDoc('didSave', (d) => validator?.saved(d)));
documents.onDidClose(onDoc('didClose', (d) => { validator?.closed(d.uri); buffers(d, null, 'closed'); }));

connection.onDidChangeWatchedFiles((params) => {
  try {
    if (!factFiles) return;
    const marks = params.changes.filter((c) => session?.checked?.isCheckedFile(c.uri));
    for (const c of marks) session?.checked?.invalidate(c.uri);
    if (marks.length) validator?.revalidateAll();
    const ours = params.changes.filter((c) => factFiles!.workspace.isFactFile(c.uri));
    if (!ours.length) return;
    for (const c of ours) factFiles.workspace.fileEvent(c.uri, c.type === FileChangeType.Deleted);
    factFiles.reload(`${ours.length} fact file event(s)`);
  } catch (e) {
    log.error(`[didChangeWatchedFiles] ${describeError(e)}`);
  }
});

const uriOf = (p: { textDocument?: { uri?: string }; uri?: string } | null | undefined) => p?.textDocument?.uri ?? p?.uri ?? '?';

connection.onHover(guard(log, (p) => `hover ${uriOf(p)}`, null, (p) => (session ? onHover(session, p) : null)));
connection.onCompletion(guard(log, (p) => `completion ${uriOf(p)}`, [], (p) => (session ? onCompletion(session, p) : [])));
connection.onCodeAction(guard(log, (p) => `codeAction ${uriOf(p)}`, [], (p) => (session ? onCodeAction(session, p) : [])));
connection.onRequest(FINDINGS_REQUEST, guard(log, (p: FindingsParams) => `${FINDINGS_REQUEST} ${uriOf(p)}`, null,
  (p: FindingsParams) => (session ? onFindings(session, p) : null)));
connection.onRequest(FACTS_REQUEST, guard(log, () => FACTS_REQUEST, [],
  (p: FactsParams | null) => (session ? onFacts(session, p) : [])));
connection.onRequest(CITATION_REQUEST, guard(log, (p: CitationParams) => `${CITATION_REQUEST} ${uriOf(p)}`, null,
  (p: CitationParams) => (session ? onCitation(session, p) : null)));
connection.onRequest(CHECK_TEXT_REQUEST, guard(log, (p: CheckTextParams) => `${CHECK_TEXT_REQUEST} ${uriOf(p)}`, null,
  (p: CheckTextParams) => (session ? onCheckText(session, p) : null)));
connection.onRequest(FACT_AT_REQUEST, guard(log, (p: FactAtParams) => `${FACT_AT_REQUEST} ${uriOf(p)}`, null,
  (p: FactAtParams) => (session ? onFactAt(session, p) : null)));
connection.onRequest(FACT_FILES_REQUEST, guard(log, () => FACT_FILES_REQUEST, [], () => (session ? onFactFiles(session) : [])));
// The process id, so the client (and its crash-recovery test) can tell a restarted server from the old one.
connection.onRequest(SERVER_INFO_REQUEST, guard(log, () => SERVER_INFO_REQUEST, null,
  (): ServerInfo => ({ pid: process.pid, uptimeMs: Math.round(process.uptime() * 1000) })));

// Last line of defence: log and keep serving rather than drop every open draft.
process.on('uncaughtException', (e) => log.error(`[uncaught] ${describeError(e)}`));
process.on('unhandledRejection', (e) => log.error(`[unhandled rejection] ${describeError(e)}`));

documents.listen(connection);
connection.listen();
