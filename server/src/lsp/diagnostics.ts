import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Verdict } from '../core/types';
import { spanToRange } from './positions';
import type { SeveritySetting, Settings } from './settings';

export const DIAGNOSTIC_SOURCE = 'Fact Desk';
export const TOO_LARGE_CODE = 'file-too-large';

/** What a Fact Desk diagnostic carries for code actions and clients. */
export interface DiagnosticData {
  verdict: Verdict;
  factId: string | null;
  version: number;
}

const SEVERITY: Record<SeveritySetting, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Stable code per verdict: the checker's kind for wrong figures, the verdict otherwise. */
export const codeOf = (f: Finding): string => f.kind ?? (f.verdict === 'wrong' ? 'wrong-value' : f.verdict);

/**
 * Wrong figures are the loud ones (severity from settings); a disputed figure is information,
 * since the sources themselves disagree; unsourced figures are a hint, and only when asked for.
 * Agreeing figures get nothing: their hover and "Cite source" are enough.
 */
function severityOf(f: Finding, settings: Settings): DiagnosticSeverity | null {
  switch (f.verdict) {
    case 'wrong': return SEVERITY[settings.severity];
    case 'disputed': return DiagnosticSeverity.Information;
    case 'unsourced': return settings.reportUnsourcedFigures ? DiagnosticSeverity.Hint : null;
    case 'ok': return null;
  }
}

export function toDiagnostic(doc: TextDocument, f: Finding, settings: Settings): Diagnostic | null {
  const severity = severityOf(f, settings);
  if (severity === null) return null;
  const data: DiagnosticData = {
    verdict: f.verdict,
    factId: f.fact?.id ?? null,
    version: doc.version,
  };
  // Replacements are not sent along: code actions are computed from the cached findings, and a
  // book-length draft has thousands of diagnostics whose size the editor would parse on each edit.
  return { range: spanToRange(doc, f.figure.span), severity, source: DIAGNOSTIC_SOURCE, code: codeOf(f), message: f.message, data };
}

export function toDiagnostics(doc: TextDocument, findings: readonly Finding[], settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const d = toDiagnostic(doc, f, settings);
    if (d) out.push(d);
  }
  return out;
}

export function tooLargeDiagnostic(sizeKB: number, settings: Settings): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: TOO_LARGE_CODE,
    message: `Fact Desk did not check this document: it is ${Math.ceil(sizeKB)} KB, over the factdesk.maxFileSizeKB limit of ${settings.maxFileSizeKB} KB.`,
  };
}
