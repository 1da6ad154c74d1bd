// Wires the workspace fact files into the server: publishes their problems in the files
// themselves, swaps the analysed fact base, and re-checks open drafts at once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic, type Range } from 'vscode-languageserver';
import { locatePath, pathOfId, readFactFile, type LocatedProblem } from '../workspace/factFile';
import type { FactWorkspace } from '../workspace/factWorkspace';
import type { Analysis } from './analysis';
import { describeError, type Log } from './log';
import {
  FACT_BASE_CHANGED_NOTIFICATION, type FactBaseChangedParams, type FactFileSummary,
} from './protocol';
import type { FactOrigins } from './session';
import type { Validator } from './validation';

export const BUNDLED_ORIGIN = 'bundled';

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
  private positions = new Map<string, { text: string; read: ReturnType<typeof readFactFile> }>();

  constructor(
    private readonly connection: Connection,
    readonly workspace: FactWorkspace,
    private readonly analysis: Analysis,
    private readonly validator: Validator,
    private readonly log: Log,
    /** An open editor buffer's text, which is what the file's facts were read from. */
    private readonly bufferText: (uri: string) => string | undefined = () => undefined,
  ) {}

  /** Rebuilds the base from every fact file and re-checks every open draft. */
  reload(why: string): void {
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
    }
  }

  originOf(factId: string): string {
    return this.origins.get(factId) ?? BUNDLED_ORIGIN;
  }

  /** The range of the fact's `id` in its file, as the file reads now; undefined for bundled facts. */
  locationOf(factId: string): { uri: string; range: Range } | undefined {
    const uri = this.origins.get(factId);
    if (!uri || uri === BUNDLED_ORIGIN) return undefined;
    const text = this.textOf(uri);
    if (text === undefined) return undefined;
    let hit = this.positions.get(uri);
    if (!hit || hit.text !== text) {
      hit = { text, read: readFactFile(text) };
      this.positions.set(uri, hit);
    }
    const { start, end } = locatePath(hit.read, pathOfId(hit.read.data, 'fact', factId));
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

  private textOf(uri: string): string | undefined {
    const open = this.bufferText(uri);
    if (open !== undefined) return open;
    try { return readFileSync(fileURLToPath(uri), 'utf8'); } catch { return undefined; }
  }
}
