import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../core/check';
import { IncrementalChecker, type Preview } from '../core/incremental';
import type { Fact, FactBase, Finding } from '../core/types';
import { describeError, type Log } from './log';
import type { NotCheckedReason } from './protocol';
import type { DiagnosticReuse } from './diagnostics';
import type { Settings } from './settings';

/**
 * A long check (a first check of a book-length draft takes ~200-400 ms) lets the server's other
 * messages in about this often: hovers, other documents, newer versions.
 */
export const SLICE_MS = 10;
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Why a document is not checked, or null when it is. */
export function notCheckedReason(doc: TextDocument, settings: Settings): Exclude<NotCheckedReason, 'not-open'> | null {
  if (!settings.enable) return 'disabled';
  if (!settings.languages.includes(doc.languageId)) return 'language';
  if (overSize(doc.getText(), settings.maxFileSizeKB)) return 'too-large';
  return null;
}

/**
 * Whether text takes more than `kb` KB in UTF-8. A UTF-16 code unit takes 1 to 3 bytes, so the
 * length alone mostly tells, and the text is not encoded on every keystroke (0.8 ms per 1 MB).
 */
export function overSize(text: string, kb: number): boolean {
  const limit = kb * 1024;
  if (text.length * 3 <= limit) return false;
  if (text.length > limit) return true;
  return Buffer.byteLength(text, 'utf8') > limit;
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

/** A check under way. */
interface Running {
  uri: string;
  /** The document checked, for the preview's positions (while it is still at `version`). */
  doc: TextDocument;
  version: number;
  reportUnsourced: boolean;
  checker: IncrementalChecker;
  /** The cache entry it started from, whose checker it runs. */
  before: Cached | undefined;
  steps: Generator<Preview | undefined, Finding[], void>;
  /** Set once finished, by whichever caller finished it. */
  result: Finding[] | null;
  /** Settles when finished or dropped. */
  done: Promise<void>;
  finished: () => void;
}

/** What DiagnosticReuse is cut from, kept across versions. */
interface ReuseState {
  stableBefore: number;
  stableSuffix: number;
  /** Length and line count of the text the diagnostics were made for. */
  length: number;
  lines: number;
  byStart: Map<number, Diagnostic>;
}


/**
 * Runs the pure checker and keeps the last result per document, so diagnostics, hovers, code
 * actions and the status bar request share one check per document version.
 */
export class Analysis {
  private readonly cache = new Map<string, Cached>();
  /** Checks paused halfway (findingsInSlices), at most one per document. */
  private readonly running = new Map<string, Running>();
  private base: FactBase | undefined;
  /** Workspace facts that disagree with another layer's fact (see mergeFactBases). */
  private conflicts: ReadonlyMap<string, readonly Fact[]> = new Map();
  /**
   * Told of the preview a long first check yields (see Preview), whichever caller runs that part
   * of it: the validator publishes it. `version` is the one checked: the document object is
   * updated in place by later edits, so its own version may have moved on meanwhile.
   */
  onPreview: ((doc: TextDocument, version: number, findings: Finding[]) => void) | undefined;

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
    for (const uri of [...this.running.keys()]) this.drop(uri);
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

  /** The findings now, whatever it takes: a check under way is finished at once (tests, tools). */
  findings(doc: TextDocument, settings: Settings): Finding[] {
    // A check of this document paused halfway is finished first: the checker is shared.
    const paused = this.running.get(doc.uri);
    if (paused) this.drain(paused);
    const hit = this.hit(doc, settings);
    return hit ? hit.findings : this.drain(this.start(doc, settings));
  }

  /**
   * The same findings, checked in slices of about `sliceMs` with `pause()` awaited between them,
   * so a long check (a first check of a book-length draft) does not hold up the server's other
   * messages. Whatever needs the findings meanwhile waits for it the same way
   * (session.findingsOf), or, with findings(), finishes it at once. Null when the check was
   * dropped (a new fact base, the document closed) and `wanted()` says the caller no longer needs
   * it (also asked after waiting for another caller's check); otherwise it starts again.
   */
  async findingsInSlices(doc: TextDocument, settings: Settings, pause: () => Promise<void>, sliceMs: number, wanted: () => boolean = () => true): Promise<Finding[] | null> {
    for (;;) {
      if (!wanted()) return null;
      // One check per document at a time: wait for the one another caller is running.
      let waited = false;
      for (let r = this.running.get(doc.uri); r; r = this.running.get(doc.uri)) { await r.done; waited = true; }
      if (waited && !wanted()) return null;
      const hit = this.hit(doc, settings);
      if (hit) return hit.findings;
      const run = this.start(doc, settings);
      let deadline = performance.now() + sliceMs;
      for (;;) {
        // Finished meanwhile by a caller that could not wait, or dropped (new fact base, closed).
        if (run.result) return run.result;
        if (this.running.get(doc.uri) !== run) break;
        const step = this.step(run);
        if (step.done) return this.complete(run, step.value);
        if (performance.now() >= deadline) {
          await pause();
          deadline = performance.now() + sliceMs;
        }
      }
    }
  }

  private hit(doc: TextDocument, settings: Settings): Cached | undefined {
    const hit = this.cache.get(doc.uri);
    return hit && hit.version === doc.version && hit.reportUnsourced === settings.reportUnsourcedFigures ? hit : undefined;
  }

  private start(doc: TextDocument, settings: Settings): Running {
    const reportUnsourced = settings.reportUnsourcedFigures;
    const before = this.cache.get(doc.uri);
    const checker = before?.checker ?? new IncrementalChecker(this.factBase());
    let finished = () => {};
    const run: Running = {
      uri: doc.uri, doc, version: doc.version, reportUnsourced, checker, before, result: null,
      steps: checker.steps(doc.getText(), { reportUnsourced }),
      done: new Promise<void>((resolve) => { finished = resolve; }),
      finished: () => finished(),
    };
    this.running.set(doc.uri, run);
    return run;
  }

  private drain(run: Running): Finding[] {
    for (;;) {
      const step = this.step(run);
      if (step.done) return this.complete(run, step.value);
    }
  }

  /** A checker that threw halfway is in no state to be used again: it goes, and its cache entry. */
  private step(run: Running): IteratorResult<Preview | undefined, Finding[]> {
    let step: IteratorResult<Preview | undefined, Finding[]>;
    try {
      step = run.steps.next();
    } catch (e) {
      if (this.cache.get(run.uri)?.checker === run.checker) this.cache.delete(run.uri);
      this.drop(run.uri);
      throw e;
    }
    if (!step.done && step.value) this.onPreview?.(run.doc, run.version, this.withConflicts(step.value.findings));
    return step;
  }

  private complete(run: Running, raw: Finding[]): Finding[] {
    const findings = this.withConflicts(raw);
    run.result = findings;
    if (this.running.get(run.uri) === run) {
      this.running.delete(run.uri);
      const { checker, before } = run;
      const reuse: ReuseState = before?.reuse ?? { stableBefore: 0, stableSuffix: 0, length: 0, lines: 0, byStart: new Map() };
      // Every check since the diagnostics were made must have kept the text before this offset
      // (and this much of its end).
      reuse.stableBefore = Math.min(reuse.stableBefore, checker.unchangedPrefix);
      reuse.stableSuffix = Math.min(reuse.stableSuffix, checker.unchangedSuffix);
      this.cache.set(run.uri, { version: run.version, reportUnsourced: run.reportUnsourced, findings, checker, reuse });
    }
    run.finished();
    return findings;
  }

  /**
   * The diagnostics made so far for the document's findings, for toDiagnostics to reuse; from
   * the call on, the current version is the one they are measured against. Settings need no
   * account here: a diagnostic is reused only when it says what the finding would say under the
   * settings of the call (toDiagnostics compares severity, code and message).
   */
  diagnosticReuse(doc: TextDocument): DiagnosticReuse | undefined {
    const hit = this.cache.get(doc.uri);
    if (!hit || hit.version !== doc.version) return undefined;
    const { reuse } = hit;
    const length = doc.getText().length, lines = doc.lineCount;
    const usable: DiagnosticReuse = {
      stableBefore: reuse.stableBefore, stableSuffix: reuse.stableSuffix,
      lengthDelta: length - reuse.length, lineDelta: lines - reuse.lines,
      byStart: reuse.byStart, made: new Map(),
    };
    Object.assign(reuse, { stableBefore: Infinity, stableSuffix: Infinity, length, lines, byStart: usable.made });
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
    this.drop(uri);
  }

  /** Abandons a paused check; its checker goes with it (its state is half updated). */
  private drop(uri: string): void {
    const run = this.running.get(uri);
    if (!run) return;
    this.running.delete(uri);
    run.finished();
  }
}
