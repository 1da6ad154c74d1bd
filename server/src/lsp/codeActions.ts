import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { planCitation, type CitationStyle, type TextChange } from '../core/cite';
import type { Fact, FactBase, Finding } from '../core/types';
import { codeOf, DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { rangeToSpan, spanToRange, touches } from './positions';
import type { Settings } from './settings';

export interface EditOptions {
  /** The client applies versioned documentChanges; else plain `changes` are sent. */
  documentChanges: boolean;
}

export function workspaceEdit(doc: TextDocument, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  return options.documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

export const toTextEdits = (doc: TextDocument, changes: readonly TextChange[]): TextEdit[] =>
  changes.map((c) => ({ range: spanToRange(doc, c.span), newText: c.newText }));

const sameRange = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character &&
  a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;

/** The client's copy of the finding's diagnostic when it sent one, so the editor links them. */
function diagnosticFor(doc: TextDocument, finding: Finding, settings: Settings, sent: readonly Diagnostic[]): Diagnostic | null {
  const mine = toDiagnostic(doc, finding, settings);
  if (!mine) return null;
  return sent.find((d) => d.source === DIAGNOSTIC_SOURCE && d.code === codeOf(finding) && sameRange(d, mine)) ?? mine;
}

const sourceLabel = (base: FactBase, fact: Fact) => {
  const s = base.sources.get(fact.quote.source);
  return s ? s.title ?? s.label : fact.quote.source;
};

export interface CodeActionInput {
  doc: TextDocument;
  params: CodeActionParams;
  findings: readonly Finding[];
  base: FactBase;
  settings: Settings;
  style: CitationStyle;
  edit: EditOptions;
}

/**
 * Actions are made for at most this many figures per request, the first in the range. An editor
 * asks about the cursor or a selection; a selection of a whole book-length draft (tens of
 * thousands of figures, each citation planned to the end of its sentence) held the server for
 * minutes, for a menu nobody could read.
 */
export const MAX_ACTION_FIGURES = 100;

/**
 * For the figures under the range: "Replace with the sourced figure" for wrong ones (the
 * checker's preferred replacement marked preferred), and a citation for every figure tied to a
 * fact: a quick fix next to a wrong figure's replacement, a rewrite ("Cite source") on a right one.
 */
export function codeActions(input: CodeActionInput): CodeAction[] {
  const { doc, params, findings, base, settings, style, edit } = input;
  const range = rangeToSpan(doc, params.range);
  // Some clients omit the context on a plain range request; treat that as no diagnostics.
  const sent = params.context?.diagnostics ?? [];
  const text = doc.getText();
  const replaceActions: CodeAction[] = [];
  const citeActions: CodeAction[] = [];
  const seenCitations = new Set<string>();
  let figures = 0;

  for (const f of findings) {
    if (!f.fact || f.verdict === 'unsourced' || !touches(f.figure.span, range)) continue;
    if (++figures > MAX_ACTION_FIGURES) break;
    const diagnostic = diagnosticFor(doc, f, settings, sent);
    if (f.verdict === 'wrong') {
      const ordered = [...f.replacements].sort((a, b) => Number(b.preferred) - Number(a.preferred));
      for (const r of ordered) {
        replaceActions.push({
          title: r.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: r.preferred,
          ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
          edit: workspaceEdit(doc, [{ range: spanToRange(doc, r.span), newText: r.newText }], edit),
        });
      }
    }
    const changes = planCitation(text, f.figure.span, f.fact, base, style);
    const key = `${f.fact.id}@${changes.map((c) => c.span.start).join(',')}`;
    if (!changes.length || seenCitations.has(key)) continue;
    seenCitations.add(key);
    const wrong = f.verdict === 'wrong';
    citeActions.push({
      title: `${wrong ? 'Insert citation' : 'Cite source'}: ${sourceLabel(base, f.fact)}`,
      kind: wrong ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
      ...(wrong && diagnostic ? { diagnostics: [diagnostic] } : {}),
      edit: workspaceEdit(doc, toTextEdits(doc, changes), edit),
    });
  }

  const all = [...replaceActions, ...citeActions];
  const only = params.context?.only;
  if (!only?.length) return all;
  // "only: [refactor]" admits "refactor.rewrite": kinds are hierarchical.
  return all.filter((a) => only.some((k) => a.kind === k || (a.kind ?? '').startsWith(`${k}.`)));
}
