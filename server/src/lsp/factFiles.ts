// Wires the workspace fact files into the server: publishes their problems in the files
// themselves, swaps the analysed fact base, and re-checks open drafts at once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic, type Range } from 'vscode-languageserver';
import { idPaths, locatePath, readFactFile, type LocatedProblem } from '../workspace/factFile';
import type { FactWorkspace } from '../workspace/factWorkspace';
import type { Analysis } from './analysis';
import { describeError, type Log } from './log';
import {
  FACT_BASE_CHANGED_NOTIFICATION, type FactBaseChangedParams, type FactFileSummary,
} from './protocol';
import type { FactOrigins } from './session';
import { DEBOUNCE_MS, type Validator } from './validation';

export const BUNDLED_ORIGIN = 'bundled';
/** A reload this quick runs on every keystroke in a fact file. */
export const CHEAP_RELOAD_MS = 20;
const MAX_RELOAD_DELAY_MS = 1000;

export class FactFileService implements FactOrigins {
  /** Files we published problems for, so a file that got fixed or deleted is cleared. */
  private published = new Set<string>();
  /** From the last good reload: the file (or "bundled") each fact in use comes from. */
  private origins = new Map<string, string>();
  private problems = new Map<string, LocatedProblem[]>();
  /**
   * Fact positions per file, worked out only when a client asks (the Fact Base view): a reload
   * runs on every keystroke in an open fact file and must not parse each file twice.
   */
  private positions = new Map<string, { text: string; fromBuffer: boolean; read: ReturnType<typeof readFactFile>; paths: Map<string, string> }>();

  constructor(
    private readonly connection: Connection,
    readonly workspace: FactWorkspace,
    private readonly analysis: Analysis,
    private readonly validator: Validator,
    private readonly log: Log,
    /** An open editor buffer's text, which is what the file's facts were read from. */
    private readonly bufferText: (uri: string) => string | undefined = () => undefined,
  ) {}

  /** The reload of a buffer edit waiting for typing to pause, when reloads are slow. */
  private pending: ReturnType<typeof setTimeout> | null = null;
  /** How long the last reload took; the lexicon a new base needs comes on top, at the next check. */
  private lastReloadMs = 0;

  /**
   * A fact file's buffer changed. A reload that took under CHEAP_RELOAD_MS runs at once, so
   * drafts follow every keystroke; a slower one (a workspace of 100,000 facts takes ~0.1 s, and
   * its new lexicon as long again) waits until the typing pauses, as long as the last one took
   * and at least DEBOUNCE_MS, so keystrokes do not queue reloads behind each other.
   */
  requestReload(why: string): void {
    if (this.pending) clearTimeout(this.pending);
    else if (this.lastReloadMs < CHEAP_RELOAD_MS) { this.reload(why); return; }
    const delay = Math.min(Math.max(this.lastReloadMs, DEBOUNCE_MS), MAX_RELOAD_DELAY_MS);
    this.pending = setTimeout(() => { this.pending = null; this.reload(why); }, delay);
    this.pending.unref(); // an exiting server does not wait for it
  }

  /** Rebuilds the base from every fact file and re-checks every open draft. */
  reload(why: string): void {
    // Whatever edit was waiting is read now too.
    if (this.pending) { clearTimeout(this.pending); this.pending = null; }
    const started = Date.now();
    try {
      const { merged, problems } = this.workspace.build();
      this.analysis.setBase(merged.base, merged.conflicts);
      for (const [uri, list] of problems) {
        const diagnostics = list.map((p): Diagnostic => ({
          range: { start: p.start, end: p.end }, severity: DiagnosticSeverity.Error,
          source: 'Fact Desk', code: `fact-file-${p.kind}`, message: p.message,
        }));
        void this.connection.sendDiagnostics({ uri, diagnostics });
      }
      for (const uri of this.published) if (!problems.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published = new Set(problems.keys());
      this.origins = merged.originOf;
      this.problems = problems;
      this.positions.clear();
      this.validator.revalidateAll();
      this.log.info(`[fact files] ${why}: ${merged.base.facts.length} facts in use (${problems.size} fact file(s)${merged.originOf.size && [...merged.originOf.values()].includes('bundled') ? ' and the bundled base' : ''}), reloaded in ${Date.now() - started} ms.`);
      const changed: FactBaseChangedParams = {
        facts: merged.base.facts.length,
        files: problems.size,
        problems: [...problems.values()].reduce((n, l) => n + l.length, 0),
      };
      void this.connection.sendNotification(FACT_BASE_CHANGED_NOTIFICATION, changed)
        .catch((e: unknown) => this.log.warn(`[fact files] could not notify the client: ${describeError(e)}`));
    } catch (e) {
      this.log.error(`[fact files] ${why}: ${describeError(e)}`);
    } finally {
      this.lastReloadMs = Date.now() - started;
    }
  }

  originOf(factId: string): string {
    return this.origins.get(factId) ?? BUNDLED_ORIGIN;
  }

  /** The range of the fact's `id` in its file, as the file reads now; undefined for bundled facts. */
  locationOf(factId: string): { uri: string; range: Range } | undefined {
    const uri = this.origins.get(factId);
    if (!uri || uri === BUNDLED_ORIGIN) return undefined;
    // An open buffer is compared each time (it is at hand); a file on disk is read once per
    // reload, since a change to it comes as an event that reloads: the Fact Base view asks this
    // for every fact, and 20,000 facts of a 5 MB file must not read it 20,000 times.
    const open = this.bufferText(uri);
    let hit = this.positions.get(uri);
    if (!hit || (open !== undefined ? hit.text !== open : hit.fromBuffer)) {
      const text = open ?? this.diskText(uri);
      if (text === undefined) return undefined;
      const read = readFactFile(text);
      hit = { text, fromBuffer: open !== undefined, read, paths: idPaths(read.data, 'fact') };
      this.positions.set(uri, hit);
    }
    const { start, end } = locatePath(hit.read, hit.paths.get(factId) ?? '/facts');
    return { uri, range: { start, end } };
  }

  files(): FactFileSummary[] {
    const count = new Map<string, number>();
    for (const origin of this.origins.values()) count.set(origin, (count.get(origin) ?? 0) + 1);
    return [...this.problems].map(([uri, list]) => ({
      uri,
      facts: count.get(uri) ?? 0,
      problems: list.map((p) => ({ message: p.message, code: `fact-file-${p.kind}`, range: { start: p.start, end: p.end } })),
    }));
  }

  private diskText(uri: string): string | undefined {
    try { return readFileSync(fileURLToPath(uri), 'utf8'); } catch { return undefined; }
  }
}
