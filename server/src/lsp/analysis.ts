import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../core/check';
import { IncrementalChecker } from '../core/incremental';
import type { Fact, FactBase, Finding } from '../core/types';
import { describeError, type Log } from './log';
import type { NotCheckedReason } from './protocol';
import type { Diagnostic } from 'vscode-languageserver';
import type { DiagnosticReuse } from './diagnostics';
import type { Settings } from './settings';

/** Why a document is not checked, or null when it is. */
export function notCheckedReason(doc: TextDocument, settings: Settings): Exclude<NotCheckedReason, 'not-open'> | null {
  if (!settings.enable) return 'disabled';
  if (!settings.languages.includes(doc.languageId)) return 'language';
  if (sizeKB(doc) > settings.maxFileSizeKB) return 'too-large';
  return null;
}

/** UTF-8 size, as the file would have on disk. */
export function sizeKB(doc: TextDocument): number {
  return Buffer.byteLength(doc.getText(), 'utf8') / 1024;
}

interface Cached {
  version: number;
  reportUnsourced: boolean;
  findings: Finding[];
  /** Keeps per-paragraph results between versions, so an edit re-checks only its paragraph. */
  checker: IncrementalChecker;
  /** Diagnostics already made for this document, and what of the text is unchanged since. */
  reuse: ReuseState;
}

/** What DiagnosticReuse is cut from, kept across versions. */
interface ReuseState {
  /** The settings the diagnostics were made under. */
  tag: string;
  stableBefore: number;
  stableSuffix: number;
  /** Length and line count of the text the diagnostics were made for. */
  length: number;
  lines: number;
  byStart: Map<number, Diagnostic>;
}

/** What a diagnostic depends on besides its finding and position. */
const diagnosticTag = (s: Settings) => `${s.severity}|${s.reportUnsourcedFigures}`;

/**
 * Runs the pure checker and keeps the last result per document, so diagnostics, hovers, code
 * actions and the status bar request share one check per document version.
 */
export class Analysis {
  private readonly cache = new Map<string, Cached>();
  private base: FactBase | undefined;
  /** Workspace facts that disagree with another layer's fact (see mergeFactBases). */
  private conflicts: ReadonlyMap<string, readonly Fact[]> = new Map();

  constructor(private readonly log: Log, private readonly loadBase: () => FactBase) {}

  /** The fact base, loaded on first use. A broken base leaves an empty one, logged, not a dead server. */
  factBase(): FactBase {
    if (!this.base) {
      try {
        this.base = this.loadBase();
      } catch (e) {
        this.log.error(`[fact base] could not load the bundled fact base; nothing will be checked: ${describeError(e)}`);
        this.base = { sources: new Map(), entities: new Map(), facts: [] };
      }
    }
    return this.base;
  }

  /**
   * Replaces the fact base (workspace fact files changed). Every cached check was made against the
   * old base, so all are dropped; the caller re-checks open drafts.
   */
  setBase(base: FactBase, conflicts: ReadonlyMap<string, readonly Fact[]> = new Map()): void {
    // The very base in use, reloaded (a workspace without fact files): every check still holds.
    if (base === this.base && !conflicts.size && !this.conflicts.size) return;
    this.base = base;
    this.conflicts = conflicts;
    this.cache.clear();
  }

  /** Facts from another file that give a different value for the same matter as `factId`. */
  conflictsOf(factId: string): readonly Fact[] {
    return this.conflicts.get(factId) ?? [];
  }

  /**
   * Loads the base, compiles its lexicon and warms the lexer before the first draft arrives, so
   * an editor's first check is not the slow one.
   */
  warmUp(): void {
    try {
      check('Moscow holds about 75% of Donetsk, Reuters reported on January 27, 2026.', this.factBase());
    } catch (e) {
      this.log.error(`[warm-up] ${describeError(e)}`);
    }
  }

  findings(doc: TextDocument, settings: Settings): Finding[] {
    const reportUnsourced = settings.reportUnsourcedFigures;
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.reportUnsourced === reportUnsourced) return hit.findings;
    const checker = hit?.checker ?? new IncrementalChecker(this.factBase());
    const findings = this.withConflicts(checker.check(doc.getText(), { reportUnsourced }));
    const reuse: ReuseState = hit?.reuse ?? { tag: '', stableBefore: 0, stableSuffix: 0, length: 0, lines: 0, byStart: new Map() };
    // Every check since the diagnostics were made must have kept the text before this offset
    // (and this much of its end).
    reuse.stableBefore = Math.min(reuse.stableBefore, checker.unchangedPrefix);
    reuse.stableSuffix = Math.min(reuse.stableSuffix, checker.unchangedSuffix);
    this.cache.set(doc.uri, { version: doc.version, reportUnsourced, findings, checker, reuse });
    return findings;
  }

  /**
   * The diagnostics made so far for the document's findings, for toDiagnostics to reuse; from
   * the call on, the current version is the one they are measured against.
   */
  diagnosticReuse(doc: TextDocument, settings: Settings): DiagnosticReuse | undefined {
    const hit = this.cache.get(doc.uri);
    if (!hit || hit.version !== doc.version) return undefined;
    const { reuse } = hit;
    const tag = diagnosticTag(settings);
    const same = reuse.tag === tag;
    const length = doc.getText().length, lines = doc.lineCount;
    // Under other settings nothing made before holds: no text counts as unchanged.
    const usable: DiagnosticReuse = {
      stableBefore: same ? reuse.stableBefore : 0, stableSuffix: same ? reuse.stableSuffix : 0,
      lengthDelta: length - reuse.length, lineDelta: lines - reuse.lines,
      byStart: reuse.byStart, made: new Map(),
    };
    Object.assign(reuse, { tag, stableBefore: Infinity, stableSuffix: Infinity, length, lines, byStart: usable.made });
    return usable;
  }

  /** A one-off check of text that is not an open document; never cached. */
  checkOnce(doc: TextDocument, settings: Settings): Finding[] {
    return this.withConflicts(check(doc.getText(), this.factBase(), { reportUnsourced: settings.reportUnsourcedFigures }));
  }

  /** Puts conflicting facts into `related`, so the hover shows both values with their sources. */
  private withConflicts(findings: Finding[]): Finding[] {
    if (!this.conflicts.size) return findings;
    return findings.map((f) => {
      const others = f.fact ? this.conflictsOf(f.fact.id).filter((c) => !f.related.some((r) => r.id === c.id)) : [];
      return others.length ? { ...f, related: [...f.related, ...others] } : f;
    });
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
