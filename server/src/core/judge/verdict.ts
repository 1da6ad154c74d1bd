import type { Fact, FactBase, FigureValue, Finding, Stance, WrongKind } from '../types';
import { agrees, rankFacts, type Attribution, type Claim } from '../match/match';
import { describe } from './message';
import { replacementsFor } from './replace';

const REPORTING: ReadonlySet<Stance> = new Set(['suggest', 'estimate', 'report']);

function consistent(a: Attribution, f: Fact): boolean {
  // A figure given to someone else ("Witkoff said the deal was 95 percent done", "Putin said the
  // war could go on for another ten years") is their claim, not the one a source gives to another
  // party: it is confirmed when it matches, never contradicted.
  if (f.party && (a.other || (a.party && a.party !== f.party))) return false;
  if (!f.attributionSensitive) return true;
  // To float a figure is what a side does with its own demand or offer alike: "Zelensky floated
  // 30, 40 or 50 years" for what he said he would like. The reverse overstates: a figure the
  // sources say was only suggested was not promised or offered.
  if (a.stance === 'suggest') return true;
  if (a.stance && f.stance && a.stance !== f.stance && !(REPORTING.has(a.stance) && REPORTING.has(f.stance))) return false;
  return true;
}

function precision(v: FigureValue): number {
  return v.kind === 'date' ? (v.day !== undefined ? 3 : v.month !== undefined ? 2 : 1) : 0;
}

/** How a figure's value relates to the printed (erroneous) form of a fact's source. */
function matchesErratum(claim: Claim, fact: Fact): boolean {
  if (!fact.erratum) return false;
  const printed = fact.erratum.printed.toLowerCase();
  return claim.figure.text.toLowerCase().includes(printed) || printed.includes(claim.figure.text.toLowerCase());
}

/**
 * Claims -> findings. A figure is wrong only when the facts it is tied to (subject, unit, party)
 * all disagree with it; any agreeing fact makes it right, so an ambiguous context errs on the
 * side of silence.
 */
export function judge(base: FactBase, claims: Claim[], reportUnsourced: boolean): Finding[] {
  const findings: Finding[] = [];
  // Facts already stated right by a coordinated sibling ("2014 and 2016": 2014 is Minsk I, so
  // 2016 must mean Minsk II).
  const takenByGroup = new Map<number, Set<string>>();
  const decided: Array<{ claim: Claim; agreeing: Fact[]; consistentSet: Fact[] }> = [];

  for (const claim of claims) {
    if (!claim.candidates.length) {
      if (reportUnsourced) findings.push({ figure: claim.figure, verdict: 'unsourced', kind: null, fact: null, related: [], message: `No source in the fact base covers ${claim.figure.text}`, replacements: [] });
      continue;
    }
    // An attribution-sensitive figure with no one named to it ("a 12-year guarantee") may be
    // confirmed, never contradicted: whose figure it contradicts is exactly what is unknown.
    const unattributed = !claim.attribution.party && !claim.attribution.stance;
    if (unattributed && claim.candidates.some((f) => f.attributionSensitive) && !claim.candidates.some((f) => agrees(claim.figure, f) === true)) continue;
    let consistentSet = claim.candidates.filter((f) => consistent(claim.attribution, f));
    // The sentence names the occasion ("said in Munich …"): judge against that occasion's figure only.
    const named = consistentSet.filter((f) => claim.occasionInSentence.has(f.id));
    if (named.length === 1) consistentSet = named;
    // A day is judged against the facts that give a day: "7 January" is not borne out by a
    // meeting "early in January" when the sources date that meeting January 6.
    const precise = consistentSet.filter((f) => precision(f.value) >= precision(claim.figure.value));
    if (precise.length) consistentSet = precise;
    let agreeing = consistentSet.filter((f) => agrees(claim.figure, f) === true);
    // A plain speech verb names who speaks, not whose figure it is: in "Zelenskyy told the
    // conference a 15-year guarantee would not be enough" he cites the US offer, not his own.
    // Someone the base does not know ("officials expect…") is confirmed by a sourced figure they repeat.
    const mayCite = (claim.attribution.party !== null && claim.attribution.stance === null && !claim.attribution.quoted) || claim.attribution.other === true;
    if (!agreeing.length && mayCite) {
      const cited = claim.candidates.filter((f) => (f.attributionSensitive || f.party !== null) && agrees(claim.figure, f) === true);
      if (cited.length) { agreeing = cited; consistentSet = cited; }
    }
    const undecidable = consistentSet.length > 0 && consistentSet.every((f) => agrees(claim.figure, f) === null);
    if (undecidable) continue;
    if (agreeing.length) {
      const taken = takenByGroup.get(claim.group) ?? new Set<string>();
      for (const f of agreeing) taken.add(f.id);
      takenByGroup.set(claim.group, taken);
    }
    decided.push({ claim, agreeing, consistentSet });
  }

  for (const { claim, agreeing, consistentSet } of decided) {
    const figure = claim.figure;
    if (agreeing.length) {
      const [fact, ...others] = rankFacts(claim, agreeing);
      const verdict = fact!.disputed ? 'disputed' : 'ok';
      findings.push({ figure, verdict, kind: null, fact: fact!, related: others, message: describe(base, claim, verdict, null, fact!, others), replacements: [] });
      continue;
    }
    let kind: WrongKind = 'wrong-value';
    let pool = consistentSet;
    if (!pool.length) {
      // Nothing this party said is in the sources. Only a figure that is someone else's is
      // wrong (misattributed); another number from another party is a claim the sources do not cover.
      // Only a sourced party's figure can be misattributed, and only to another sourced party.
      // Words put in quotation marks into the wrong mouth are misattributed whatever the fact.
      const elsewhere = claim.attribution.other ? [] : claim.candidates.filter((f) => (f.attributionSensitive || (claim.attribution.quoted && f.party !== null)) && agrees(figure, f) === true);
      if (!elsewhere.length) continue;
      kind = 'wrong-attribution';
      pool = elsewhere;
    } else {
      const taken = takenByGroup.get(claim.group);
      const free = taken ? pool.filter((f) => !taken.has(f.id)) : pool;
      if (free.length) pool = free;
    }
    const ranked = rankFacts(claim, pool.filter((f) => agrees(figure, f) !== null));
    if (!ranked.length) continue;
    if (kind === 'wrong-value' && ranked.some((f) => matchesErratum(claim, f))) kind = 'source-erratum';
    const misattributed = claim.candidates.filter((f) => !pool.includes(f) && agrees(figure, f) === true);
    const related = [...ranked.slice(1), ...misattributed];
    const fact = ranked[0]!;
    findings.push({
      figure, verdict: 'wrong', kind, fact, related,
      message: describe(base, claim, 'wrong', kind, fact, related, ranked.slice(1)),
      replacements: replacementsFor(base, claim, kind, ranked),
    });
  }
  return findings.sort((a, b) => a.figure.span.start - b.figure.span.start);
}
