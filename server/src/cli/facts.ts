import type { Fact, FactBase, FactValue } from '../core/types';

/** The value as the fact file writes it: a number, a [min, max] or list, or an ISO date string. */
export function rawValue(v: FactValue): number | string | number[] {
  switch (v.kind) {
    case 'number': case 'percent': case 'ordinal': case 'year': return v.n;
    case 'decade': return v.start;
    case 'range': return [v.min, v.max];
    case 'set': return [...v.values];
    case 'date': {
      if (v.month === undefined) return v.year ?? '';
      const mm = String(v.month).padStart(2, '0');
      const ymd = v.day === undefined ? `${v.year ?? '????'}-${mm}` : `${v.year ?? '????'}-${mm}-${String(v.day).padStart(2, '0')}`;
      return ymd;
    }
  }
}

const ORDINAL_SUFFIX = (n: number) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');

/** A compact reading of the value for the table: "about 75%", "at least 20", "30–50". */
export function displayValue(f: Fact): string {
  const v = f.value;
  let s: string;
  switch (v.kind) {
    case 'percent': s = `${v.n}%`; break;
    case 'number': s = v.n.toLocaleString('en-US'); break;
    case 'ordinal': s = `${v.n}${ORDINAL_SUFFIX(v.n)}`; break;
    case 'year': s = String(v.n); break;
    case 'decade': s = `${v.start}s`; break;
    case 'range': s = `${v.min}–${v.max}${v.percent ? '%' : ''}`; break;
    case 'set': s = v.values.join(', '); break;
    case 'date': s = String(rawValue(v)); break;
  }
  return f.qualifier ? `${f.qualifier.replace(/-/g, ' ')} ${s}` : s;
}

export function factsJson(base: FactBase): unknown[] {
  return base.facts.map((f) => {
    const s = base.sources.get(f.quote.source);
    return {
      id: f.id,
      kind: f.value.kind,
      value: rawValue(f.value),
      unit: f.unit,
      qualifier: f.qualifier,
      statement: f.statement,
      subject: f.subject,
      party: f.party,
      stance: f.stance,
      disputed: f.disputed,
      occasion: f.occasion,
      asOf: f.asOf,
      quote: f.quote.text,
      source: {
        id: f.quote.source,
        file: s?.file ?? null,
        title: s?.title ?? null,
        label: s?.label ?? null,
        outlet: s?.outlet ?? null,
        author: s?.author ?? null,
        published: s?.published ?? null,
        url: s?.url ?? null,
      },
      alsoIn: f.alsoIn.map((q) => ({ source: q.source, text: q.text })),
      conflicts: f.conflicts.map((c) => ({ source: c.source, text: c.text, note: c.note })),
      erratum: f.erratum,
      note: f.note,
    };
  });
}

/** One fact per line, statement last because it is the longest: id, value, unit, source id, statement. */
export function factsTable(base: FactBase): string {
  const head = ['ID', 'VALUE', 'UNIT', 'SOURCE', 'STATEMENT'];
  const rows = base.facts.map((f) => [f.id, displayValue(f), f.unit ?? '', f.quote.source, f.statement]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd();
  const sources = [...base.sources.values()].map((s) => `  ${s.id.padEnd(Math.max(...[...base.sources.keys()].map((k) => k.length)))}  ${s.title ?? s.label}`);
  return `${[line(head), ...rows.map(line)].join('\n')}\n\n${base.facts.length} facts from ${base.sources.size} sources:\n${sources.join('\n')}\n`;
}
