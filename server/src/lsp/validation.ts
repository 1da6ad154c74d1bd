import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types';
import { nextTurn, notCheckedReason, sizeKB, SLICE_MS, type Analysis } from './analysis';
import { toDiagnostics, tooLargeDiagnostic } from './diagnostics';
import { describeError, type Log } from './log';
import { DEFAULT_SETTINGS, type SettingsStore } from './settings';

/**
 * Typing is throttled on the leading edge: the first keystroke after a quiet spell is checked at
 * once (a reporter sees the squiggle move immediately), and a burst of keystrokes is coalesced
 * into one check `factdesk.checkDelayMs` after the last of them (by default this, cspell's).
 */
export const DEBOUNCE_MS = DEFAULT_SETTINGS.checkDelayMs;

export type Trigger = 'open' | 'change' | 'save' | 'settings';

/**
 * Decides when a document is checked and publishes the result for the version it was computed on.
 * A check is dropped when a newer version arrived meanwhile; its successor will publish.
 */
export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Last version a check was started or scheduled for, so an open does not also debounce. */
  private readonly scheduled = new Map<string, number>();
  /** When the last check of each document started, for the leading-edge throttle. */
  private readonly lastStart = new Map<string, number>();
  /** Documents whose last publication held diagnostics: a preview would hide some for a while. */
  private readonly showing = new Set<string>();
  /**
   * Documents another component publishes diagnostics for (fact files): the validator must not
   * clear their diagnostics on open or close.
   */
  skip: (uri: string) => boolean = () => false;
  /** Findings of a document that are marked as checked, so they are not published. */
  checked: (doc: TextDocument) => ((f: Finding) => boolean) | undefined = () => undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly analysis: Analysis,
    private readonly log: Log,
    /** Replaces factdesk.checkDelayMs (tests). */
    private readonly delayOverride?: number,
  ) {
    analysis.onPreview = (doc, version, findings) => this.preview(doc, version, findings);
  }

  /**
   * The top of a long draft opened afresh is shown before the rest is read. Never over
   * diagnostics already shown (a long draft re-read for a new fact base): they would blink.
   */
  private preview(doc: TextDocument, version: number, findings: Finding[]): void {
    const { uri } = doc;
    // `version`, not doc.version: an edit updates the document object in place, and the
    // findings' offsets are those of the text that was checked.
    if (this.skip(uri) || this.showing.has(uri) || !this.current(uri, version)) return;
    const settings = this.settings.known(uri);
    if (notCheckedReason(doc, settings)) return;
    void this.publish(uri, version, toDiagnostics(doc, findings, settings, this.checked(doc)));
  }

  opened(doc: TextDocument): void {
    if (this.skip(doc.uri)) return;
    this.cancel(doc.uri);
    this.scheduled.set(doc.uri, doc.version);
    void this.validate(doc.uri, doc.version, 'open');
  }

  changed(doc: TextDocument): void {
    if (this.skip(doc.uri)) return;
    if (this.scheduled.get(doc.uri) === doc.version) return; // the open already covers it
    this.cancel(doc.uri);
    this.scheduled.set(doc.uri, doc.version);
    const { uri, version } = doc;
    const now = Date.now();
    // The document's settings as last answered: asking again would let the burst through.
    const delay = this.delayOverride ?? this.settings.known(uri).checkDelayMs;
    if (now - (this.lastStart.get(uri) ?? -Infinity) >= delay) {
      this.lastStart.set(uri, now);
      void this.validate(uri, version, 'change');
      return;
    }
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.lastStart.set(uri, Date.now());
      void this.validate(uri, version, 'change');
    }, delay));
  }

  saved(doc: TextDocument): void {
    if (this.skip(doc.uri)) return;
    void this.validate(doc.uri, doc.version, 'save');
  }

  closed(uri: string): void {
    if (this.skip(uri)) return;
    this.cancel(uri);
    this.scheduled.delete(uri);
    this.lastStart.delete(uri);
    this.analysis.forget(uri);
    this.settings.forget(uri);
    // A closed draft's squiggles would otherwise linger in the Problems panel.
    void this.publish(uri, undefined, []);
  }

  /** Settings changed: every open document may now read differently. */
  revalidateAll(): void {
    for (const doc of this.documents.all()) {
      if (this.skip(doc.uri)) continue;
      this.cancel(doc.uri);
      this.scheduled.set(doc.uri, doc.version);
      void this.validate(doc.uri, doc.version, 'settings');
    }
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private current(uri: string, version: number): TextDocument | undefined {
    const doc = this.documents.get(uri);
    return doc && doc.version === version ? doc : undefined;
  }

  private async validate(uri: string, version: number, trigger: Trigger): Promise<void> {
    try {
      if (!this.current(uri, version)) return;
      const settings = await this.settings.get(uri);
      const doc = this.current(uri, version); // the settings round trip may have let an edit in
      if (!doc) return;
      // On-save mode keeps the last published diagnostics while typing; the editor moves them along.
      if (settings.run === 'onSave' && trigger === 'change') return;
      if (settings.run === 'onType' && trigger === 'save') return; // typing already checked this version
      const reason = notCheckedReason(doc, settings);
      let diagnostics: Diagnostic[];
      if (reason === 'too-large') diagnostics = [tooLargeDiagnostic(sizeKB(doc), settings)];
      else if (reason) diagnostics = [];
      else {
        const findings = await this.analysis.findingsInSlices(doc, settings, nextTurn, SLICE_MS, () => this.documents.get(uri) !== undefined);
        if (!findings || !this.current(uri, version)) return; // closed, or a newer version came in meanwhile
        diagnostics = toDiagnostics(doc, findings, settings, this.checked(doc), this.analysis.diagnosticReuse(doc));
      }
      if (!this.current(uri, version)) return;
      await this.publish(uri, version, diagnostics);
    } catch (e) {
      this.log.error(`[diagnostics ${uri} v${version} on ${trigger}] ${describeError(e)}`);
      // Clear rather than leave squiggles that no longer match the text.
      if (this.current(uri, version)) await this.publish(uri, version, []);
    }
  }

  private async publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): Promise<void> {
    if (diagnostics.length && version !== undefined) this.showing.add(uri); else this.showing.delete(uri);
    try {
      await this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    } catch (e) {
      this.log.error(`[publishDiagnostics ${uri}] ${describeError(e)}`);
    }
  }
}
