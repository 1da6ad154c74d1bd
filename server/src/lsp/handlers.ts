import {
  MarkupKind, type CodeAction, type CodeActionParams, type CompletionItem, type CompletionParams, type Hover, type HoverParams, type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { notCheckedReason, sizeKB } from './analysis';
import { codeActions } from './codeActions';
import { toDiagnostics, tooLargeDiagnostic } from './diagnostics';
import { footnoteCompletions } from './completion';
import { hoverText } from './hover';
import { markCheckedActions } from './markChecked';
import { markdown, plaintext } from './markup';
import { findingAt, rangeToSpan, spanToRange } from './positions';
import type {
  CheckTextParams, CheckTextResult, CitationParams, FactAtParams, FactAtResult, FactFileSummary, FactsParams, FactSummary, FindingsParams,
  FindingsSummary,
} from './protocol';
import { citationEdit, factSummaries, findingsSummary } from './requests';
import { findingsOf, target, type Session } from './session';
import { citationStyleFor } from './settings';

// Request handlers: each resolves the document and its settings, asks the analysis for the
// findings of the current version, and hands them to a pure formatter.

export async function onHover(session: Session, params: HoverParams): Promise<Hover | null> {
  const t = await target(session, params.textDocument.uri);
  if (!t.ok) return null;
  const findings = await findingsOf(session, t);
  const finding = findings && findingAt(findings, t.doc.offsetAt(params.position));
  if (!finding) return null;
  const md = session.client.hoverMarkdown;
  const value = hoverText(md ? markdown : plaintext, session.analysis.factBase(), finding, finding.fact ? session.analysis.conflictsOf(finding.fact.id) : []);
  if (!value) return null;
  return {
    contents: { kind: md ? MarkupKind.Markdown : MarkupKind.PlainText, value },
    range: spanToRange(t.doc, finding.figure.span),
  };
}

export async function onCodeAction(session: Session, params: CodeActionParams): Promise<CodeAction[]> {
  const t = await target(session, params.textDocument.uri);
  if (!t.ok) return [];
  const findings = await findingsOf(session, t);
  if (!findings) return [];
  const marks = session.checked ? markCheckedActions({
    doc: t.doc, range: rangeToSpan(t.doc, params.range), findings, store: session.checked, sent: params.context?.diagnostics ?? [],
    documentChanges: session.client.documentChanges, createFiles: session.client.createFiles,
  }) : [];
  const only = params.context?.only;
  const wanted = !only?.length || only.some((k) => k === '' || k === 'quickfix');
  return [...codeActions({
    doc: t.doc,
    params,
    findings,
    base: session.analysis.factBase(),
    settings: t.settings,
    style: citationStyleFor(t.doc.languageId, t.settings),
    edit: { documentChanges: session.client.documentChanges },
  }), ...(wanted ? marks : [])];
}

export async function onFindings(session: Session, params: FindingsParams): Promise<FindingsSummary> {
  const uri = typeof params?.uri === 'string' ? params.uri : '';
  // The status bar asks as a draft opens: it waits for the check rather than hurry it along.
  for (;;) {
    const t = await target(session, uri);
    if (!t.ok) return findingsSummary(uri, t.doc?.version ?? null, t.reason);
    const findings = await findingsOf(session, t);
    if (findings) return findingsSummary(uri, t.doc.version, findings);
  }
}

export function onFacts(session: Session, params: FactsParams | null | undefined): FactSummary[] {
  const text = typeof params?.text === 'string' ? params.text : undefined;
  return factSummaries(session.analysis.factBase(), text, {
    origins: session.factFiles,
    conflictsOf: (id) => session.analysis.conflictsOf(id),
  });
}

export function onFactFiles(session: Session): FactFileSummary[] {
  return session.factFiles?.files() ?? [];
}

export async function onCitation(session: Session, params: CitationParams): Promise<WorkspaceEdit | null> {
  const t = await target(session, params.uri);
  // Citing is an explicit request, so it works even where automatic checking is switched off.
  if (!t.doc) return null;
  const settings = t.ok ? t.settings : await session.settings.get(params.uri);
  return citationEdit(t.doc, session.analysis.factBase(), params.factId, t.doc.offsetAt(params.position),
    citationStyleFor(t.doc.languageId, settings), { documentChanges: session.client.documentChanges });
}

export async function onCheckText(session: Session, params: CheckTextParams): Promise<CheckTextResult> {
  const uri = String(params.uri);
  const doc = TextDocument.create(uri, String(params.languageId), 0, typeof params.text === 'string' ? params.text : '');
  const settings = await session.settings.get(uri);
  const reason = notCheckedReason(doc, settings);
  if (reason) {
    return { summary: findingsSummary(uri, null, reason), diagnostics: reason === 'too-large' ? [tooLargeDiagnostic(sizeKB(doc), settings)] : [] };
  }
  const findings = session.analysis.checkOnce(doc, settings);
  return { summary: findingsSummary(uri, null, findings), diagnostics: toDiagnostics(doc, findings, settings) };
}

export async function onFactAt(session: Session, params: FactAtParams): Promise<FactAtResult | null> {
  const t = await target(session, params.uri);
  if (!t.ok) return null;
  const findings = await findingsOf(session, t);
  const f = findings && findingAt(findings, t.doc.offsetAt(params.position));
  return f?.fact ? { factId: f.fact.id, verdict: f.verdict, range: spanToRange(t.doc, f.figure.span) } : null;
}

export async function onCompletion(session: Session, params: CompletionParams): Promise<CompletionItem[]> {
  const t = await target(session, params.textDocument.uri);
  if (!t.ok) return [];
  return footnoteCompletions(t.doc, params.position, session.analysis.factBase());
}
