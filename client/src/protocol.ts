// The client's view of Fact Desk's custom requests: the server's protocol module (string constants
// and type-only imports, so no server code is bundled), plus what the client needs to talk to a
// server that lacks an optional request (it falls back, see each request's comment there).
export {
  CHECK_TEXT_REQUEST, CITATION_REQUEST, DIAGNOSTIC_SOURCE, FACT_AT_REQUEST, FACT_BASE_CHANGED_NOTIFICATION,
  FACT_FILES_REQUEST, FACTS_REQUEST, FINDINGS_REQUEST, SERVER_INFO_REQUEST,
} from '../../server/src/lsp/protocol';
export type {
  CheckTextParams, CheckTextResult, CitationParams, FactAtParams, FactAtResult, FactBaseChangedParams,
  FactConflictSummary, FactFileProblemSummary, FactFileSummary, FactSummary, FactsParams, FindingsParams,
  FindingsSummary, ServerInfo,
} from '../../server/src/lsp/protocol';
import type { DiagnosticData as ServerDiagnosticData } from '../../server/src/lsp/protocol';

/** A diagnostic's `data` as read by the client: any server may have sent it, so every field may be missing. */
export type DiagnosticData = Partial<ServerDiagnosticData>;

/** JSON-RPC "method not found": the server does not offer an optional request. */
export const METHOD_NOT_FOUND = -32601;

export function isMethodNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === METHOD_NOT_FOUND;
}
