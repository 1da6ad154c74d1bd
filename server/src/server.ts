// Fact Desk language server: `node dist/server.js --stdio` (editors) or `--node-ipc` (the VS Code
// client). This file only wires the pieces in ./lsp together; each handler catches its own errors.
import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBundledFactBase } from './core/facts/bundled';
import { Analysis } from './lsp/analysis';
import { clientFeatures, initializeResult } from './lsp/capabilities';
import { onCheckText, onCitation, onCodeAction, onFactAt, onFacts, onFindings, onHover } from './lsp/handlers';
import { describeError, guard, type Log } from './lsp/log';
import {
  CHECK_TEXT_REQUEST, CITATION_REQUEST, FACT_AT_REQUEST, FACTS_REQUEST, FINDINGS_REQUEST,
  type CheckTextParams, type CitationParams, type FactAtParams, type FactsParams, type FindingsParams,
} from './lsp/protocol';
import type { Session } from './lsp/session';
import { SettingsStore } from './lsp/settings';
import { Validator } from './lsp/validation';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log: Log = connection.console;

let session: Session | undefined;
let validator: Validator | undefined;

connection.onInitialize((params) => {
  const client = clientFeatures(params.capabilities);
  const settings = new SettingsStore(log, client.configuration
    ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'factdesk' })
    : null);
  const analysis = new Analysis(log, loadBundledFactBase);
  session = { connection, documents, settings, analysis, client, log };
  validator = new Validator(connection, documents, settings, analysis, log);
  return initializeResult();
});

connection.onInitialized(() => {
  if (!session) return;
  if (session.client.configurationRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'factdesk' })
      .catch((e: unknown) => log.warn(`[initialized] could not register for configuration changes: ${describeError(e)}`));
  }
  session.analysis.warmUp();
  const facts = session.analysis.factBase().facts.length;
  log.info(`Fact Desk language server ready: ${facts} sourced facts.`);
});

connection.onDidChangeConfiguration((params) => {
  try {
    session?.settings.changed(params?.settings);
    validator?.revalidateAll();
  } catch (e) {
    log.error(`[didChangeConfiguration] ${describeError(e)}`);
  }
});

// Document events: each is guarded so a bad document cannot stop the others being checked.
const onDoc = (what: string, fn: (doc: TextDocument) => void) => ({ document }: { document: TextDocument }) => {
  try { fn(document); } catch (e) { log.error(`[${what} ${document.uri}] ${describeError(e)}`); }
};
documents.onDidOpen(onDoc('didOpen', (d) => validator?.opened(d)));
documents.onDidChangeContent(onDoc('didChange', (d) => validator?.changed(d)));
documents.onDidSave(onDoc('didSave', (d) => validator?.saved(d)));
documents.onDidClose(onDoc('didClose', (d) => validator?.closed(d.uri)));

const uriOf = (p: { textDocument?: { uri?: string }; uri?: string } | null | undefined) => p?.textDocument?.uri ?? p?.uri ?? '?';

connection.onHover(guard(log, (p) => `hover ${uriOf(p)}`, null, (p) => (session ? onHover(session, p) : null)));
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

// Last line of defence: log and keep serving rather than drop every open draft.
process.on('uncaughtException', (e) => log.error(`[uncaught] ${describeError(e)}`));
process.on('unhandledRejection', (e) => log.error(`[unhandled rejection] ${describeError(e)}`));

documents.listen(connection);
connection.listen();
