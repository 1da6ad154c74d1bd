import {
  CodeActionKind, type CodeAction, type Diagnostic, type Range, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { addMark, markFor } from '../core/checked';
import type { Finding, Span } from '../core/types';
import type { CheckedStore } from '../workspace/checkedStore';
import { touches } from './positions';

/** Range covering all of a text, for replacing a file's whole content in one edit. */
function wholeRange(text: string): Range {
  const lines = text.split('\n');
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)!.length } };
}

/**
 * The edit that records a mark: written by the editor (not by the server behind its back), so
 * it shows in the file's history and Undo takes it back. A missing file is created first, which
 * needs a client that supports resource operations.
 */
function recordEdit(fileUri: string, existing: string | null, newText: string, docChanges: boolean, canCreate: boolean): WorkspaceEdit | null {
  if (existing === null) {
    if (!docChanges || !canCreate) return null;
    return { documentChanges: [
      { kind: 'create', uri: fileUri, options: { ignoreIfExists: true } },
      { textDocument: { uri: fileUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] },
    ] };
  }
  const edits = [{ range: wholeRange(existing), newText }];
  return docChanges ? { documentChanges: [{ textDocument: { uri: fileUri, version: null }, edits }] } : { changes: { [fileUri]: edits } };
}

export interface MarkInput {
  doc: TextDocument;
  range: Span;
  findings: readonly Finding[];
  store: CheckedStore;
  sent: readonly Diagnostic[];
  documentChanges: boolean;
  createFiles: boolean;
}

/** "Mark as checked" for each wrong or disputed figure under the range. */
export function markCheckedActions(input: MarkInput): CodeAction[] {
  const { doc, range, findings, store } = input;
  const fileUri = store.fileFor(doc.uri);
  if (!fileUri) return []; // outside any workspace folder there is nowhere to keep the decision
  const text = doc.getText();
  const existing = store.text(fileUri);
  const marks = store.marksFor(doc.uri);
  const out: CodeAction[] = [];
  for (const f of findings) {
    if ((f.verdict !== 'wrong' && f.verdict !== 'disputed') || !touches(f.figure.span, range)) continue;
    const edit = recordEdit(fileUri, existing, addMark(marks, markFor(text, f, new Date().toISOString())), input.documentChanges, input.createFiles);
    if (!edit) continue;
    const diagnostic = input.sent.find((d) => d.data !== null && typeof d.data === 'object' && (d.data as { factId?: unknown }).factId === (f.fact?.id ?? null)
      && doc.offsetAt(d.range.start) === f.figure.span.start);
    out.push({
      title: `Mark as checked: "${f.figure.text}"`,
      kind: CodeActionKind.QuickFix,
      ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
      edit,
    });
  }
  return out;
}
