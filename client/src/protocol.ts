// The client's view of Fact Desk's custom requests. Names and shapes come from the server's
// protocol module (type-only and constants, no server code is bundled), plus the two requests the
// client uses when the server offers them and falls back from when it does not.
import type { Diagnostic as LspDiagnostic, Position as LspPosition } from 'vscode-languageclient';
import type {
  CitationParams, FactBaseChangedParams, FactConflictSummary, FactFileProblemSummary, FactFileSummary, FactSummary, FactsParams,
  FindingsParams, FindingsSummary,
} from '../../server/src/lsp/protocol';

export type {
  CitationParams, FactBaseChangedParams, FactConflictSummary, FactFileProblemSummary, FactFileSummary, FactSummary, FactsParams,
  FindingsParams, FindingsSummary,
};

export const FINDINGS_REQUEST = 'factdesk/findings';
export const FACTS_REQUEST = 'factdesk/facts';
export const CITATION_REQUEST = 'factdesk/citation';

/** Optional: the workspace fact files and their problems (Fact Base view). Older servers: none. */
export const FACT_FILES_REQUEST = 'factdesk/factFiles';
/** Server to client, after the fact base was rebuilt: lists of facts are stale. */
export const FACT_BASE_CHANGED_NOTIFICATION = 'factdesk/factBaseChanged';

/**
 * Optional: check a draft the editor does not have open (Check All Drafts in Workspace).
 * `{ uri, languageId, text }` -> `{ summary, diagnostics }`, with the settings for `uri`.
 * Without it the client opens each draft as a document and reads the server's diagnostics.
 */
export const CHECK_TEXT_REQUEST = 'factdesk/checkText';
export interface CheckTextParams {
  uri: string;
  languageId: string;
  text: string;
}
export interface CheckTextResult {
  summary: FindingsSummary;
  diagnostics: LspDiagnostic[];
}

/**
 * Optional: the fact tied to the figure at a position (Show Source of Figure at Cursor).
 * `{ uri, position }` -> `{ factId, verdict, range } | null`. Without it the client uses the
 * diagnostic's `data.factId`, then the hover's statement.
 */
export const FACT_AT_REQUEST = 'factdesk/factAt';
export interface FactAtParams {
  uri: string;
  position: LspPosition;
}
export interface FactAtResult {
  factId: string;
  verdict?: string;
}

/** What a Fact Desk diagnostic carries in `data` (see server/src/lsp/diagnostics.ts). */
export interface DiagnosticData {
  verdict?: string;
  factId?: string | null;
}

export const DIAGNOSTIC_SOURCE = 'Fact Desk';

/** JSON-RPC "method not found": the server does not offer an optional request. */
export const METHOD_NOT_FOUND = -32601;

export function isMethodNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === METHOD_NOT_FOUND;
}

/** The server's process id and age (crash-recovery tests, bug reports). Older servers: none. */
export const SERVER_INFO_REQUEST = 'factdesk/serverInfo';
export type { ServerInfo } from '../../server/src/lsp/protocol';
