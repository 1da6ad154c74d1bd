import type { Connection, Range, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nextTurn, notCheckedReason, SLICE_MS, type Analysis } from './analysis';
import type { ClientFeatures } from './capabilities';
import type { Finding } from '../core/types';
import type { CheckedStore } from '../workspace/checkedStore';
import type { Log } from './log';
import type { FactFileSummary, NotCheckedReason } from './protocol';
import type { Settings, SettingsStore } from './settings';

/** The state every handler shares, created once the client has said what it supports. */
export interface Session {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  analysis: Analysis;
  client: ClientFeatures;
  log: Log;
  /** "Mark as checked" decisions; absent until the workspace is known. */
  checked?: CheckedStore;
  /** Where the facts in use come from; absent (all bundled) until the workspace is known. */
  factFiles?: FactOrigins;
}

/** Which fact file each fact comes from, and each file's problems (the Fact Base view). */
export interface FactOrigins {
  /** "bundled", or the fact file's URI. */
  originOf(factId: string): string;
  locationOf(factId: string): { uri: string; range: Range } | undefined;
  files(): FactFileSummary[];
}

export type Target =
  | { ok: true; doc: TextDocument; settings: Settings }
  | { ok: false; reason: NotCheckedReason; doc: TextDocument | undefined };

/** The open document at `uri` and its settings, if Fact Desk checks it. */
export async function target(session: Session, uri: string): Promise<Target> {
  const doc = session.documents.get(uri);
  if (!doc) return { ok: false, reason: 'not-open', doc };
  const settings = await session.settings.get(uri);
  const reason = notCheckedReason(doc, settings);
  // The settings round trip is async: answer for the version the handler will now read.
  const now = session.documents.get(uri) ?? doc;
  return reason ? { ok: false, reason, doc: now } : { ok: true, doc: now, settings };
}

/**
 * The findings of the target's version, without holding the message loop: a check under way
 * (the first check of a long draft) is waited for, else one runs in slices. Null when a newer
 * version came in meanwhile; the editor asks again about that one.
 */
export function findingsOf(session: Session, t: { doc: TextDocument; settings: Settings }): Promise<Finding[] | null> {
  const { doc, settings } = t;
  return session.analysis.findingsInSlices(doc, settings, nextTurn, SLICE_MS, () => session.documents.get(doc.uri)?.version === doc.version);
}
