import type { Reported, Totals } from './report';

const LEVEL: Record<Reported['verdict'], string | null> = { wrong: 'warning', disputed: 'info', unsourced: 'hint', ok: null };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `file:line:col: warning: message [code]`: the shape compilers use, so terminals and editors link it. */
export function formatText(all: readonly Reported[], t: Totals): string {
  const lines: string[] = [];
  for (const r of all) {
    const level = LEVEL[r.verdict];
    if (level) lines.push(`${r.file}:${r.line}:${r.column}: ${level}: ${r.message} [${r.code}]`);
  }
  const sourced = t.wrong + t.disputed + t.ok;
  const parts = [plural(t.wrong, 'wrong figure'), `${t.disputed} disputed`, `${plural(sourced, 'sourced figure')} in all`];
  if (t.unsourced) parts.push(`${t.unsourced} unsourced`);
  lines.push(`${plural(t.files, 'file')} checked: ${parts.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
