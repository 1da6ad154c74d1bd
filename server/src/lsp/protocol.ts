// Fact Desk's own requests, beyond standard LSP. Type-only imports and constants, so the VS Code
// client can import these names and shapes without pulling in the server.
//
//   factdesk/findings  { uri }                      -> FindingsSummary
//       Counts for the document as it is now (status bar: "2 wrong · 9 sourced"). `sourced` counts
//       every figure tied to a fact (wrong + ok + disputed). `checked` is false, with a `reason`,
//       when the document is not checked (disabled, other language, too large, not open).
//   factdesk/facts     { uri?, text? }              -> FactSummary[]
//       The fact list for the "Insert citation…" and "Find Fact…" quick picks and the Fact Base
//       view. With `text` (the selection or the current line), facts whose subject or party is
//       named there come first, flagged `mentioned`. Each fact also says where it comes from
//       (`origin`, `location`), its `figure` as written, and what disagrees with it.
//   factdesk/citation  { uri, factId, position }    -> WorkspaceEdit | null
//       The edit that cites a fact for the sentence at `position`, in the document's citation
//       style (footnote marker + definition, or a parenthetical); null when it is already cited.
//   factdesk/checkText { uri, languageId, text }    -> CheckTextResult
//       Checks text the editor does not have open ("Check All Drafts in Workspace"), with the
//       settings for `uri`; the diagnostics are what would be published for it.
//   factdesk/factAt    { uri, position }            -> FactAtResult | null
//       The fact tied to the figure at `position` ("Show Source of Figure at Cursor").
//   factdesk/factFiles {}                           -> FactFileSummary[]
//       The workspace fact files in use, each with its problems (the Fact Base view's error items).
//
// Notification, server to client:
//   factdesk/factBaseChanged  FactBaseChangedParams
//       The fact base was rebuilt (a fact file was opened, edited, saved, created or deleted, or
//       the fact file settings changed): lists of facts and fact files are stale.

import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import type { Verdict } from '../core/types';

/** The `source` of every diagnostic Fact Desk publishes. */
export const DIAGNOSTIC_SOURCE = 'Fact Desk';

/** What a Fact Desk diagnostic carries in `data`, for code actions and clients. */
export interface DiagnosticData {
  verdict: Verdict;
  factId: string | null;
}

export const FINDINGS_REQUEST = 'factdesk/findings';
export const FACTS_REQUEST = 'factdesk/facts';
export const CITATION_REQUEST = 'factdesk/citation';
export const CHECK_TEXT_REQUEST = 'factdesk/checkText';
export const FACT_AT_REQUEST = 'factdesk/factAt';
export const FACT_FILES_REQUEST = 'factdesk/factFiles';
export const FACT_BASE_CHANGED_NOTIFICATION = 'factdesk/factBaseChanged';

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
  // The fields below were added for the Fact Base view and Find Fact; older servers omit them.
  /** The fact's figure as its statement (or quote) writes it: "about 75%", "800,000-strong". */
  figure?: string;
  /** Other words for the subject ("Donetsk", "the Donetsk region"). */
  aliases?: string[];
  /** "bundled", or the URI of the workspace fact file that defines the fact. */
  origin?: string;
  /** Where a workspace fact is defined (its `id`), to open the file there; absent for bundled facts. */
  location?: { uri: string; range: Range };
  /** Sources disagree on this matter (the fact's `disputed`). */
  disputed?: boolean;
  /** Articles (`conflicts` in the fact file) and facts of other fact files that give another value. */
  conflicts?: FactConflictSummary[];
}

export interface FactConflictSummary {
  /** `source`: an article quoted in the fact's own `conflicts`; `fact`: a fact of another fact file. */
  kind: 'source' | 'fact';
  /** The disagreeing quote, or the other fact's statement. */
  text: string;
  /** The other article's label, or the other fact's source label. */
  source: string;
  note?: string;
  /** The other fact, for `kind: 'fact'`. */
  factId?: string;
}

export interface FactFileProblemSummary {
  message: string;
  /** `fact-file-syntax`, `fact-file-schema`, ... as on the file's diagnostics. */
  code: string;
  range: Range;
}

export interface FactFileSummary {
  uri: string;
  /** Facts in use from this file (a broken file keeps its last good facts). */
  facts: number;
  problems: FactFileProblemSummary[];
}

export interface FactBaseChangedParams {
  /** Facts in use after the rebuild. */
  facts: number;
  /** Workspace fact files in use. */
  files: number;
  /** Problems across those files. */
  problems: number;
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
