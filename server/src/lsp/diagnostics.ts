import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isSuppressed, suppressedSpans } from '../core/suppress';
import type { Finding, Verdict } from '../core/types';
import { spanToRange } from './positions';
import type { SeveritySetting, Settings } from './settings';

export const DIAGNOSTIC_SOURCE = 'Fact Desk';
export const TOO_LARGE_CODE = 'file-too-large';
export const STALE_CODE = 'stale-fact';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A figure checked against a fact older than factdesk.staleAfterDays: right or wrong, the
 * reporter should know the comparison rests on an old figure (Information, not a warning).
 */
export function staleDiagnostic(doc: TextDocument, f: Finding, settings: Settings, now: number): Diagnostic | null {
  const asOf = f.fact?.asOf;
  if (!settings.staleAfterDays || !asOf || f.verdict === 'unsourced') return null;
  const days = Math.floor((now - Date.parse(`${asOf}T00:00:00Z`)) / DAY_MS);
  if (!Number.isFinite(days) || days <= settings.staleAfterDays) return null;
  return {
    range: spanToRange(doc, f.figure.span), severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: STALE_CODE,
    message: `Checked against a fact as of ${asOf} (${days} days old; factdesk.staleAfterDays is ${settings.staleAfterDays}): "${f.fact!.statement}" may be out of date.`,
  };
}

/** What a Fact Desk diagnostic carries for code actions and clients. */
export interface DiagnosticData {
  verdict: Verdict;
  factId: string | null;
}

/**
 * Diagnostics made for the findings of an earlier version that can be sent again as they are:
 * the same finding object (the incremental checker keeps the findings of untouched paragraphs)
 * lying wholly before `stableBefore`, the offset before which the text has not changed since.
 * On a book-length draft this spares converting thousands of unchanged positions per keystroke.
 */
export interface DiagnosticReuse {
  stableBefore: number;
  /** Fills as diagnostics are made; entries are only valid under the same `tag`. */
  byFinding: WeakMap<Finding, Diagnostic>;
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
  const data: DiagnosticData = { verdict: f.verdict, factId: f.fact?.id ?? null };
  // Replacements are not sent along: code actions are computed from the cached findings, and a
  // book-length draft has thousands of diagnostics whose size the editor would parse on each edit.
  return { range: spanToRange(doc, f.figure.span), severity, source: DIAGNOSTIC_SOURCE, code: codeOf(f), message: f.message, data };
}

/**
 * @param hide findings the reporter has marked as checked (.factdesk/checked.json): like
 * suppressed ones, they keep their hover but get no diagnostic.
 */
export function toDiagnostics(doc: TextDocument, findings: readonly Finding[], settings: Settings, hide?: (f: Finding) => boolean, reuse?: DiagnosticReuse): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Suppression comments hide diagnostics only: the finding stays, so its hover still answers.
  const suppressed = suppressedSpans(doc.getText());
  for (const f of findings) {
    if (suppressed.length && isSuppressed(f.figure.span, suppressed)) continue;
    if (hide?.(f)) continue;
    let d = reuse && f.figure.span.end <= reuse.stableBefore ? reuse.byFinding.get(f) : undefined;
    if (!d) {
      d = toDiagnostic(doc, f, settings) ?? undefined;
      if (d && reuse) reuse.byFinding.set(f, d);
    }
    if (d) out.push(d);
    const stale = staleDiagnostic(doc, f, settings, Date.now());
    if (stale) out.push(stale);
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
