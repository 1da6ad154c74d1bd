import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isSuppressed, suppressedSpans } from '../core/suppress';
import type { Finding } from '../core/types';
import { spanToRange } from './positions';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './protocol';
import type { SeveritySetting, Settings } from './settings';

export { DIAGNOSTIC_SOURCE };
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

/**
 * Diagnostics made for an earlier version that can be sent again as they are. On a book-length
 * draft a keystroke would otherwise convert thousands of unchanged positions into new objects.
 *
 * A diagnostic is looked up by where its figure started when it was made, and kept when it says
 * the same as the finding would and its figure lies in text unchanged since: before
 * `stableBefore`, where positions are the same, or on a line wholly in the last `stableSuffix`
 * characters, where they moved by the lines the edit added.
 */
export interface DiagnosticReuse {
  stableBefore: number;
  stableSuffix: number;
  /** How much longer the text is, in characters and in lines, than when the diagnostics were made. */
  lengthDelta: number;
  lineDelta: number;
  /** The diagnostics made for the earlier version, by the offset their figure started at. */
  byStart: ReadonlyMap<number, Diagnostic>;
  /** Filled with this version's diagnostics by start offset, for the next version. */
  made: Map<number, Diagnostic>;
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
  const now = Date.now();
  const tail = reuse ? doc.getText().length - reuse.stableSuffix : Infinity;
  // Indexed, not for-of: see IncrementalChecker.steps.
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (suppressed.length && isSuppressed(f.figure.span, suppressed)) continue;
    if (hide?.(f)) continue;
    let d: Diagnostic | undefined;
    if (reuse) {
      // Positions in the unchanged start of the text are what they were.
      if (f.figure.span.end <= reuse.stableBefore) d = kept(f, settings, reuse.byStart.get(f.figure.span.start));
      else if (f.figure.span.start >= tail) d = moved(f, settings, reuse, tail);
    }
    d ??= toDiagnostic(doc, f, settings) ?? undefined;
    if (d) {
      reuse?.made.set(f.figure.span.start, d);
      out.push(d);
    }
    const stale = staleDiagnostic(doc, f, settings, now);
    if (stale) out.push(stale);
  }
  return out;
}

/**
 * The earlier diagnostic when it says what the finding would say now and covers a figure of the
 * same length on one line (its place aside; the callers know the place is the same).
 */
function kept(f: Finding, settings: Settings, old: Diagnostic | undefined): Diagnostic | undefined {
  if (!old || old.message !== f.message || old.code !== codeOf(f) || old.severity !== severityOf(f, settings)) return undefined;
  const { start, end } = old.range;
  if (start.line !== end.line || end.character - start.character !== f.figure.span.end - f.figure.span.start) return undefined;
  const data = old.data as DiagnosticData;
  return data.verdict === f.verdict && data.factId === (f.fact?.id ?? null) ? old : undefined;
}

/**
 * The earlier diagnostic of a figure in the unchanged end of the text, at its place now: the same
 * object when no line was added or removed before it, else a copy on the shifted lines.
 */
function moved(f: Finding, settings: Settings, reuse: DiagnosticReuse, tail: number): Diagnostic | undefined {
  const { span } = f.figure;
  const old = kept(f, settings, reuse.byStart.get(span.start - reuse.lengthDelta));
  if (!old) return undefined;
  // Where the figure's line started then, in today's offsets. When that and the line break before
  // it lie in the unchanged end, the line holds the same text up to the figure: same columns, and
  // the line number moved by the lines the edit added. At the very edge, make it afresh.
  if (span.start - old.range.start.character <= tail) return undefined;
  const shift = reuse.lineDelta;
  if (!shift) return old;
  const { start, end } = old.range;
  return { ...old, range: { start: { line: start.line + shift, character: start.character }, end: { line: end.line + shift, character: end.character } } };
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
