import { version } from '../../../package.json';
import { check } from '../core/check';
import { loadBundledFactBase } from '../core/facts/bundled';
import type { FactBase } from '../core/types';
import { parseCommand, type Command } from './args';
import { verifyQuotes } from '../core/facts/verify';
import { factsJson, factsTable } from './facts';
import { readArticle } from './files';
import { collectDrafts } from './files';
import { HELP } from './help';
import { EXIT_OK, EXIT_USAGE, EXIT_WRONG, UsageError, type Io } from './io';
import { report, totals, type Reported } from './report';
import { formatSarif } from './sarif';
import { formatText } from './text';
import { formatFactProblems, loadFactFiles } from './factFiles';
import { isSuppressed, suppressedSpans } from '../core/suppress';

function runCheck(cmd: Extract<Command, { kind: 'check' }>, bundled: () => FactBase, io: Io): number {
  const drafts = collectDrafts(cmd.paths, io.cwd);
  // Folders being checked lend their fact files, as a workspace folder does in the editor.
  const loaded = loadFactFiles(cmd.facts, cmd.paths, io.cwd, bundled);
  for (const line of formatFactProblems(loaded, io.cwd)) io.err(`${line}\n`);
  const base = loaded.merged.base;
  const all: Reported[] = [];
  for (const d of drafts) {
    const suppressed = suppressedSpans(d.text);
    const findings = check(d.text, base, { reportUnsourced: cmd.reportUnsourced })
      .filter((f) => f.verdict !== 'unsourced' || cmd.reportUnsourced)
      .filter((f) => !isSuppressed(f.figure.span, suppressed));
    all.push(...report(d, findings));
  }
  const t = totals(drafts.length, all);
  if (cmd.format === 'json') io.out(`${JSON.stringify(all, null, 2)}\n`);
  else if (cmd.format === 'sarif') io.out(formatSarif(all, io.cwd));
  else io.out(formatText(all, t));
  if (!drafts.length) io.err('factdesk: no drafts found (looked for *.md, *.markdown, *.txt, *.draft)\n');
  return t.wrong > 0 ? EXIT_WRONG : EXIT_OK;
}

/** Checks every quote against the articles in `dir`; exit 1 when any is not found verbatim. */
function verify(base: FactBase, dir: string, io: Io): number {
  const problems = verifyQuotes(base, (file) => readArticle(io.cwd, dir, file));
  for (const p of problems) io.err(`factdesk: ${p}\n`);
  io.out(`${base.facts.length} facts, ${problems.length ? `${problems.length} quote problem(s)` : 'every quote found verbatim in its article'}\n`);
  return problems.length ? EXIT_WRONG : EXIT_OK;
}

/** The whole CLI as a function of its arguments, so tests can run it without a process. */
export function main(argv: readonly string[], io: Io, loadBase: () => FactBase = loadBundledFactBase): number {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.kind) {
      case 'help': io.out(HELP); return EXIT_OK;
      case 'version': io.out(`${version}\n`); return EXIT_OK;
      case 'facts': {
        const base = loadBase();
        if (cmd.verify !== null) return verify(base, cmd.verify, io);
        io.out(cmd.json ? `${JSON.stringify(factsJson(base), null, 2)}\n` : factsTable(base));
        return EXIT_OK;
      }
      case 'check': return runCheck(cmd, loadBase, io);
      case 'validate': {
        // Only the named files are judged; the bundled base still lends its sources and entities.
        const lines = formatFactProblems(loadFactFiles(cmd.paths, [], io.cwd, loadBase), io.cwd);
        for (const line of lines) io.out(`${line}\n`);
        if (!lines.length) io.out('fact files: no problems\n');
        return lines.length ? EXIT_WRONG : EXIT_OK;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`factdesk: ${e.message}\nRun "factdesk --help" for usage.\n`);
      return EXIT_USAGE;
    }
    // Anything else is a bug in Fact Desk, not in the input: say so, and do not pass as "no findings".
    io.err(`factdesk: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}
