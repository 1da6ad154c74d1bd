import type { WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { planCitation, type CitationStyle } from '../core/cite';
import { figureText } from '../core/facts/figureText';
import type { Entity, Fact, FactBase, Finding } from '../core/types';
import { toTextEdits, workspaceEdit, type EditOptions } from './codeActions';
import type { FactConflictSummary, FactSummary, FindingsSummary, NotCheckedReason } from './protocol';
import type { FactOrigins } from './session';

export function findingsSummary(uri: string, version: number | null, findings: readonly Finding[] | NotCheckedReason): FindingsSummary {
  const counts = { wrong: 0, ok: 0, disputed: 0, unsourced: 0 };
  if (typeof findings === 'string') return { uri, version, checked: false, reason: findings, ...counts, sourced: 0 };
  for (const f of findings) counts[f.verdict]++;
  return { uri, version, checked: true, ...counts, sourced: counts.wrong + counts.ok + counts.disputed };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word, case-insensitive: "US" must not match inside "thus". */
function names(entity: Entity | undefined, text: string): boolean {
  if (!entity) return false;
  return [entity.name, ...entity.aliases].some((a) =>
    a.trim() !== '' && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(a)}(?![\\p{L}\\p{N}])`, 'iu').test(text));
}

/** What the fact base alone does not know: the file each fact comes from, and cross-file conflicts. */
export interface FactContext {
  origins?: Pick<FactOrigins, 'originOf' | 'locationOf'>;
  conflictsOf?: (factId: string) => readonly Fact[];
}

const sourceLabel = (base: FactBase, id: string): string => {
  const s = base.sources.get(id);
  return s ? s.title ?? s.label : id;
};

function conflictSummaries(base: FactBase, f: Fact, others: readonly Fact[]): FactConflictSummary[] {
  return [
    ...f.conflicts.map((c): FactConflictSummary => ({ kind: 'source', text: c.text, source: sourceLabel(base, c.source), note: c.note })),
    ...others.map((o): FactConflictSummary => ({ kind: 'fact', text: o.statement, source: sourceLabel(base, o.quote.source), factId: o.id })),
  ];
}

/** Facts outlive a rebuild of the base that does not touch their file, so their figure is kept. */
const figures = new WeakMap<Fact, string>();
function figureOf(f: Fact): string {
  let figure = figures.get(f);
  if (figure === undefined) figures.set(f, (figure = figureText(f)));
  return figure;
}

/** Every fact, those named in `text` first (stable otherwise, in fact-file order). */
export function factSummaries(base: FactBase, text: string | undefined, context: FactContext = {}): FactSummary[] {
  // Many facts share a subject: each entity's names are looked for in the draft once.
  const named = new Map<Entity, boolean>();
  const mentions = (e: Entity | undefined): boolean => {
    if (!e || !text) return false;
    let hit = named.get(e);
    if (hit === undefined) named.set(e, (hit = names(e, text)));
    return hit;
  };
  const all = base.facts.map((f): FactSummary => {
    const s = base.sources.get(f.quote.source);
    const subject = base.entities.get(f.subject);
    const party = f.party ? base.entities.get(f.party) : undefined;
    const location = context.origins?.locationOf(f.id);
    return {
      id: f.id,
      statement: f.statement,
      subject: f.subject,
      subjectName: subject?.name ?? f.subject,
      quote: f.quote.text,
      source: {
        id: f.quote.source,
        label: s ? s.title ?? s.label : f.quote.source,
        title: s?.title ?? null,
        outlet: s?.outlet ?? null,
        author: s?.author ?? null,
        published: s?.published ?? null,
        file: s?.file ?? null,
        url: s?.url ?? null,
      },
      mentioned: mentions(subject) || mentions(party),
      figure: figureOf(f),
      aliases: subject?.aliases ?? [],
      origin: context.origins?.originOf(f.id) ?? 'bundled',
      ...(location ? { location } : {}),
      disputed: f.disputed,
      conflicts: conflictSummaries(base, f, context.conflictsOf?.(f.id) ?? []),
    };
  });
  return [...all.filter((f) => f.mentioned), ...all.filter((f) => !f.mentioned)];
}

/** The citation edit for a fact at an offset (the "Insert citation…" command); null when already cited. */
export function citationEdit(doc: TextDocument, base: FactBase, factId: string, offset: number, style: CitationStyle, options: EditOptions): WorkspaceEdit | null {
  const fact = base.facts.find((f) => f.id === factId);
  if (!fact) return null;
  const changes = planCitation(doc.getText(), { start: offset, end: offset }, fact, base, style);
  return changes.length ? workspaceEdit(doc, toTextEdits(doc, changes), options) : null;
}
