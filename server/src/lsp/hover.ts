import type { Fact, FactBase, Finding, Quote, Source } from '../core/types';
import type { Markup } from './markup';

const HEADLINE: Record<Finding['verdict'], string> = {
  wrong: 'Fact Desk · does not match the sources',
  ok: 'Fact Desk · matches the sources',
  disputed: 'Fact Desk · the sources disagree on this',
  unsourced: 'Fact Desk · no source for this figure',
};

const sourceName = (s: Source | undefined, id: string) => (s ? s.title ?? s.label : id);

function sourceLine(m: Markup, base: FactBase, id: string): string {
  const s = base.sources.get(id);
  if (!s) return `${m.text('Source:')} ${m.em(id)}`;
  const parts = [m.em(sourceName(s, id))];
  for (const p of [s.outlet, s.author, s.published]) if (p) parts.push(m.text(p));
  if (s.file) parts.push(`${m.text('file')} ${m.code(s.file)}`);
  const line = `${m.text('Source:')} ${parts.join(' · ')}`;
  return s.note ? `${line}  \n${m.em(s.note)}` : line;
}

const quoted = (m: Markup, base: FactBase, q: Quote) =>
  `${m.em(sourceName(base.sources.get(q.source), q.source))}: ${m.text(`“${q.text}”`)}`;

/** A sourced date also in ISO form, so it reads unambiguously whatever the draft's date style. */
function isoDate(fact: Fact): string | null {
  const v = fact.value;
  if (v.kind !== 'date' || v.year === undefined) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return [String(v.year), v.month !== undefined ? pad(v.month) : null, v.day !== undefined ? pad(v.day) : null].filter((x) => x !== null).join('-');
}

/** A sourced count in digits too, when the statement spells it out ("three signatories"). */
function inDigits(fact: Fact): string | null {
  if (/\d/.test(fact.statement)) return null;
  const v = fact.value;
  switch (v.kind) {
    case 'number': case 'ordinal': return String(v.n);
    case 'percent': return `${v.n}%`;
    case 'set': return v.values.join(', ');
    default: return null;
  }
}

function factBlocks(m: Markup, base: FactBase, fact: Fact): string[] {
  const blocks: string[] = [];
  const when = [isoDate(fact) ?? inDigits(fact), fact.occasion, fact.asOf ? `as of ${fact.asOf}` : null].filter((x): x is string => !!x);
  blocks.push(`${m.text('Sources give')} ${m.strong(fact.statement)}${when.length ? ` · ${m.text(when.join(' · '))}` : ''}`);
  blocks.push(m.quote(fact.quote.text));
  blocks.push(sourceLine(m, base, fact.quote.source));
  if (fact.alsoIn.length) {
    blocks.push([m.strong('Also reported in'), ...fact.alsoIn.map((q) => m.item(quoted(m, base, q)))].join('\n'));
  }
  if (fact.conflicts.length) {
    blocks.push([m.strong('Other sources say otherwise'),
      ...fact.conflicts.map((c) => m.item(`${quoted(m, base, c)} — ${m.text(c.note)}`))].join('\n'));
  }
  if (fact.erratum) {
    blocks.push(`${m.strong('Correction:')} ${m.text(`the source printed “${fact.erratum.printed}”. ${fact.erratum.note}`)}`);
  }
  if (fact.note) blocks.push(`${m.strong('Note:')} ${m.text(fact.note)}`);
  return blocks;
}

/**
 * Hover for a figure tied to a fact: the verdict, the sourced value, the verbatim quote, the
 * source, and whatever else the reporter should weigh (other articles, disagreements,
 * corrections, the related facts the checker considered). Null for figures with no fact.
 */
export function hoverText(m: Markup, base: FactBase, finding: Finding, conflicts: readonly Fact[] = []): string | null {
  const fact = finding.fact;
  if (!fact) return null;
  const head = `${m.strong(HEADLINE[finding.verdict])}${finding.kind ? ` ${m.text(`(${finding.kind})`)}` : ''}`;
  // The diagnostic's message is not repeated: editors show it in the same hover box.
  const blocks = [head, ...factBlocks(m, base, fact)];
  const fix = finding.replacements.find((r) => r.preferred);
  if (fix) blocks.splice(2, 0, `${m.text('Suggested:')} ${m.code(fix.newText)} ${m.text('(quick fix, Ctrl+.)')}`);
  const conflicting = new Set(conflicts.map((c) => c.id));
  if (conflicting.size) {
    // Two fact files disagree and neither supersedes the other: the reporter must decide.
    blocks.push([m.strong('Conflict: another fact file gives a different value'), ...conflicts.map((r) =>
      m.item(`${m.strong(r.statement)} — ${quoted(m, base, r.quote)}`)), m.text('(add "supersedes: <id>" to the fact that should win)')].join('\n'));
  }
  const related = finding.related.filter((r) => r.id !== fact.id && !conflicting.has(r.id));
  if (related.length) {
    blocks.push([m.strong('Related'), ...related.map((r) =>
      m.item(`${m.strong(r.statement)} — ${quoted(m, base, r.quote)}`))].join('\n'));
  }
  return blocks.join('\n\n');
}
