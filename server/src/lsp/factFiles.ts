// Wires the workspace fact files into the server: publishes their problems in the files
// themselves, swaps the analysed fact base, and re-checks open drafts at once.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { FactWorkspace } from '../workspace/factWorkspace';
import type { Analysis } from './analysis';
import { describeError, type Log } from './log';
import type { Validator } from './validation';

export class FactFileService {
  /** Files we published problems for, so a file that got fixed or deleted is cleared. */
  private published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    readonly workspace: FactWorkspace,
    private readonly analysis: Analysis,
    private readonly validator: Validator,
    private readonly log: Log,
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
      this.validator.revalidateAll();
      this.log.info(`[fact files] ${why}: ${merged.base.facts.length} facts in use (${problems.size} fact file(s)${merged.originOf.size && [...merged.originOf.values()].includes('bundled') ? ' and the bundled base' : ''}), reloaded in ${Date.now() - started} ms.`);
    } catch (e) {
      this.log.error(`[fact files] ${why}: ${describeError(e)}`);
    }
  }
}
