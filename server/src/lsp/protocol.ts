// Fact Desk's own requests, beyond standard LSP. Type-only imports and constants, so the VS Code
// client can import these names and shapes without pulling in the server.
//
//   factdesk/findings  { uri }                      -> FindingsSummary
//       Counts for the document as it is now (status bar: "2 wrong · 9 sourced"). `sourced` counts
//       every figure tied to a fact (wrong + ok + disputed). `checked` is false, with a `reason`,
//       when the document is not checked (disabled, other language, too large, not open).
//   factdesk/facts     { uri?, text? }              -> FactSummary[]
//       The fact list for an "Insert citation…" quick pick. With `text` (the selection or the
//       current line), facts whose subject or party is named there come first, flagged `mentioned`.
//   factdesk/citation  { uri, factId, position }    -> WorkspaceEdit | null
//       The edit that cites a fact for the sentence at `position`, in the document's citation
//       style (footnote marker + definition, or a parenthetical); null when it is already cited.
//   factdesk/checkText { uri, languageId, text }    -> CheckTextResult
//       Checks text the editor does not have open ("Check All Drafts in Workspace"), with the
//       settings for `uri`; the diagnostics are what would be published for it.
//   factdesk/factAt    { uri, position }            -> FactAtResult | null
//       The fact tied to the figure at `position` ("Show Source of Figure at Cursor").

import type { Diagnostic, Position, Range } from 'vscode-languageserver';

export const FINDINGS_REQUEST = 'factdesk/findings';
export const FACTS_REQUEST = 'factdesk/facts';
export const CITATION_REQUEST = 'factdesk/citation';
export const CHECK_TEXT_REQUEST = 'factdesk/checkText';
export const FACT_AT_REQUEST = 'factdesk/factAt';

export interface FindingsParams {
  uri: string;
}

export type NotCheckedReason = 'not-open' | 'disabled' | 'language' | 'too-large';

export interface FindingsSummary {
  uri: string;
  version: number | null;
  checked: boolean;
  reason?: NotCheckedReason;
  wrong: number;
  ok: number;
  disputed: number;
  unsourced: number;
  /** Figures tied to a fact: wrong + ok + disputed. */
  sourced: number;
}

export interface FactsParams {
  uri?: string;
  text?: string;
}

export interface FactSourceSummary {
  id: string;
  label: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  file: string | null;
  url: string | null;
}

export interface FactSummary {
  id: string;
  statement: string;
  subject: string;
  /** The subject's display name ("Donetsk region"). */
  subjectName: string;
  quote: string;
  source: FactSourceSummary;
  /** The request's text names this fact's subject or party. */
  mentioned: boolean;
}

export interface CitationParams {
  uri: string;
  factId: string;
  position: Position;
}

export interface CheckTextParams {
  uri: string;
  languageId: string;
  text: string;
}

export interface CheckTextResult {
  summary: FindingsSummary;
  /** Exactly what would be published for the document were it open. */
  diagnostics: Diagnostic[];
}

export interface FactAtParams {
  uri: string;
  position: Position;
}

export interface FactAtResult {
  factId: string;
  verdict: 'wrong' | 'ok' | 'disputed' | 'unsourced';
  /** The figure's range. */
  range: Range;
}

//   factdesk/serverInfo {}                          -> ServerInfo
//       The server process's id and age: the client tells a restarted server from a dead one.
export const SERVER_INFO_REQUEST = 'factdesk/serverInfo';
export interface ServerInfo {
  pid: number;
  uptimeMs: number;
}
