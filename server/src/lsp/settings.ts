import type { CitationStyle } from '../core/cite';
import { describeError, type Log } from './log';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint';
export type RunSetting = 'onType' | 'onSave';

/** The `factdesk.*` settings, as the server uses them. */
export interface Settings {
  enable: boolean;
  languages: string[];
  severity: SeveritySetting;
  run: RunSetting;
  citationStyle: CitationStyle;
  reportUnsourcedFigures: boolean;
  maxFileSizeKB: number;
  /** Facts whose `asOf` is older than this many days are flagged as stale (Information); 0 = off. */
  staleAfterDays: number;
  /** Keystrokes this close to the last check wait until typing pauses this long (cspell's default). */
  checkDelayMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  languages: ['markdown', 'plaintext', 'news-draft'],
  severity: 'warning',
  run: 'onType',
  citationStyle: 'footnote',
  reportUnsourcedFigures: false,
  maxFileSizeKB: 4096,
  staleAfterDays: 0,
  checkDelayMs: 50,
});

/** A longer wait would look like the checker had stopped. */
export const MAX_CHECK_DELAY_MS = 2000;

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint'];
const RUNS: readonly RunSetting[] = ['onType', 'onSave'];
const STYLES: readonly CitationStyle[] = ['footnote', 'inline', 'parenthetical'];

const oneOf = <T extends string>(allowed: readonly T[], v: unknown, fallback: T): T =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

/**
 * Reads whatever a client sends for the `factdesk` section: null, a partial object, or values of
 * the wrong type. Each setting falls back to its default on its own, so one bad value never
 * disables the rest.
 */
export function readSettings(raw: unknown): Settings {
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  const languages = Array.isArray(r.languages) && r.languages.every((l) => typeof l === 'string')
    ? (r.languages as string[])
    : [...d.languages];
  const kb = typeof r.maxFileSizeKB === 'number' && Number.isFinite(r.maxFileSizeKB) && r.maxFileSizeKB > 0 ? r.maxFileSizeKB : d.maxFileSizeKB;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : d.enable,
    languages,
    severity: oneOf(SEVERITIES, r.severity, d.severity),
    run: oneOf(RUNS, r.run, d.run),
    citationStyle: oneOf(STYLES, r.citationStyle, d.citationStyle),
    reportUnsourcedFigures: typeof r.reportUnsourcedFigures === 'boolean' ? r.reportUnsourcedFigures : d.reportUnsourcedFigures,
    maxFileSizeKB: kb,
    staleAfterDays: typeof r.staleAfterDays === 'number' && Number.isFinite(r.staleAfterDays) && r.staleAfterDays > 0 ? r.staleAfterDays : d.staleAfterDays,
    checkDelayMs: typeof r.checkDelayMs === 'number' && Number.isFinite(r.checkDelayMs) && r.checkDelayMs >= 0
      ? Math.min(r.checkDelayMs, MAX_CHECK_DELAY_MS) : d.checkDelayMs,
  };
}

/** Plain text cannot hold footnotes, so it always gets a parenthetical citation. */
export function citationStyleFor(languageId: string, settings: Settings): CitationStyle {
  return languageId === 'plaintext' ? 'parenthetical' : settings.citationStyle;
}

/** How the server asks the client for settings; absent when the client cannot answer. */
export type ConfigurationSource = (uri: string) => Promise<unknown>;

/**
 * Settings per document. With a client that supports workspace/configuration they are asked for
 * per resource and cached until the next didChangeConfiguration; otherwise the settings pushed
 * with didChangeConfiguration apply to every document.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** The same, once answered, for decisions that cannot wait for an answer. */
  private readonly answered = new Map<string, Settings>();
  private global: Settings = readSettings(undefined);

  constructor(private readonly log: Log, private readonly source: ConfigurationSource | null) {}

  get(uri: string): Promise<Settings> {
    if (!this.source) return Promise.resolve(this.global);
    let s = this.cache.get(uri);
    if (!s) {
      const asked = s = this.source(uri).then((raw) => {
        const settings = readSettings(raw);
        if (this.cache.get(uri) === asked) this.answered.set(uri, settings);
        return settings;
      }, (e: unknown) => {
        this.log.warn(`[settings ${uri}] workspace/configuration failed, using defaults: ${describeError(e)}`);
        this.cache.delete(uri); // ask again next time rather than keep a guess
        return readSettings(undefined);
      });
      this.cache.set(uri, s);
    }
    return s;
  }

  /** The settings last answered for a document, or the defaults while none has been. */
  known(uri: string): Settings {
    return this.source ? this.answered.get(uri) ?? DEFAULT_SETTINGS : this.global;
  }

  /** didChangeConfiguration: forget what was asked; take pushed settings when nothing can be asked. */
  changed(pushed: unknown): void {
    this.cache.clear();
    this.answered.clear();
    if (!this.source) {
      const section = pushed !== null && typeof pushed === 'object' ? (pushed as Record<string, unknown>).factdesk : undefined;
      this.global = readSettings(section);
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.answered.delete(uri);
  }
}
