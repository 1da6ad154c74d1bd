import type { WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { planCitation, type CitationStyle } from '../core/cite';
import type { Entity, FactBase, Finding } from '../core/types';
import { toTextEdits, workspaceEdit, type EditOptions } from './codeActions';
import type { FactSummary, FindingsSummary, NotCheckedReason } from './protocol';

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

/** Every fact, those named in `text` first (stable otherwise, in fact-file order). */
export function factSummaries(base: FactBase, text: string | undefined): FactSummary[] {
  const all = base.facts.map((f): FactSummary => {
    const s = base.sources.get(f.quote.source);
    const subject = base.entities.get(f.subject);
    const party = f.party ? base.entities.get(f.party) : undefined;
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
      mentioned: !!text && (names(subject, text) || names(party, text)),
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
