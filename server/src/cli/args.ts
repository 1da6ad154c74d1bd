import { parseArgs } from 'node:util';
import { UsageError } from './io';

export type Format = 'text' | 'json' | 'sarif';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; paths: string[]; format: Format; reportUnsourced: boolean; facts: string[] }
  | { kind: 'facts'; json: boolean; verify: string | null }
  | { kind: 'validate'; paths: string[] };

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

/** Turns argv (without node and script) into a command; throws UsageError with a readable reason. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string', short: 'f' },
        json: { type: 'boolean' },
        'report-unsourced': { type: 'boolean' },
        verify: { type: 'string' },
        // Fact files or folders of them, added to the bundled base (repeatable).
        facts: { type: 'string', multiple: true },
      },
    });
  } catch (e) {
    // parseArgs' messages name the option ("Unknown option '--x'"); keep them, drop the stack.
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [name, ...rest] = positionals;
  if (name === undefined) throw new UsageError('no command given: use "factdesk check <files or folders…>" or "factdesk facts"');

  if (name === 'check') {
    if (values.verify !== undefined) throw new UsageError('--verify belongs to "facts"');
    if (values.json) throw new UsageError('--json belongs to "facts"; for check use --format json');
    const format = values.format ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}": use text, json or sarif`);
    if (!rest.length) throw new UsageError('check needs at least one file or folder');
    return { kind: 'check', paths: rest, format: format as Format, reportUnsourced: values['report-unsourced'] ?? false, facts: values.facts ?? [] };
  }
  if (name === 'facts' && rest[0] === 'validate') {
    if (rest.length < 2) throw new UsageError('facts validate needs at least one fact file or folder');
    return { kind: 'validate', paths: rest.slice(1) };
  }
  if (name === 'facts') {
    if (rest.length) throw new UsageError(`facts takes no arguments (got "${rest.join(' ')}")`);
    if (values.format !== undefined || values['report-unsourced']) throw new UsageError('facts takes only --json and --verify <articles folder>');
    return { kind: 'facts', json: values.json ?? false, verify: values.verify ?? null };
  }
  throw new UsageError(`unknown command "${name}": use check or facts`);
}
