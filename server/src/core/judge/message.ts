import type { Fact, FactBase, Stance, Verdict, WrongKind } from '../types';
import type { Claim } from '../match/match';

export const STANCE_VERB: Record<Stance, string> = {
  offer: 'offered', demand: 'asked for', promise: 'promised', estimate: 'estimated', report: 'reported', suggest: 'suggested',
};

/** A party's name as it reads mid-sentence: "the United States", "some EU officials". */
export function partyName(base: FactBase, id: string): string {
  const name = base.entities.get(id)?.name ?? id;
  return /^(Some|The)\s/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** "Title" or the source's label, for one-line messages. */
export function sourceName(base: FactBase, id: string): string {
  const s = base.sources.get(id);
  return s ? (s.title ?? s.label) : id;
}

const sourced = (base: FactBase, f: Fact) => `${f.statement} (${sourceName(base, f.quote.source)})`;

/** One-line diagnostic text: names the sourced value and the source, as the issue asks. */
export function describe(base: FactBase, claim: Claim, verdict: Verdict, kind: WrongKind | null, fact: Fact, related: Fact[], alternatives: Fact[] = []): string {
  const figure = claim.figure.text;
  if (verdict === 'ok') return `${figure} agrees with the sources: ${sourced(base, fact)}`;
  if (verdict === 'disputed') {
    const note = fact.conflicts[0]?.note ?? 'the sources disagree';
    return `Sources disagree on this: ${sourced(base, fact)}; ${note}`;
  }
  if (kind === 'wrong-attribution') {
    const owner = fact.party ? base.entities.get(fact.party)?.name ?? fact.party : 'another party';
    const claimed = claim.attribution.party ? base.entities.get(claim.attribution.party)?.name ?? claim.attribution.party : null;
    const { party, stance } = claim.attribution;
    // The right party with the wrong verb ("Zelenskyy offered" what he asked for): name the verb.
    if (party !== null && party === fact.party && stance && fact.stance && stance !== fact.stance) {
      return `Sources say ${partyName(base, party)} ${STANCE_VERB[fact.stance]} ${fact.statement}, not ${STANCE_VERB[stance]} it (${sourceName(base, fact.quote.source)})`;
    }
    return `Sources attribute ${fact.statement} to ${owner}${claimed ? `, not ${claimed}` : ''} (${sourceName(base, fact.quote.source)})`;
  }
  let text = `Sources give ${[fact, ...alternatives].map((f) => sourced(base, f)).join(' or ')}`;
  if (kind === 'source-erratum' && fact.erratum) text += `; the article's "${fact.erratum.printed}" is an evident error`;
  const elsewhere = related.filter((f) => !alternatives.includes(f));
  if (elsewhere.length) text += `; ${figure} is ${elsewhere.map((f) => f.statement).join(' / ')}`;
  return text;
}
