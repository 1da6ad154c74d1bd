import type { Fact, FactBase, Stance } from '../types';
import { PhraseMatcher, PhraseScanner } from './phrases';
import { fitClass } from './units';

/**
 * Everything the matcher looks up in prose, compiled once per fact base: subject aliases, party
 * aliases, the fact's own context and occasion words, and the stance words of English reporting.
 * Lookups are indexed by subject, so a check costs the same with 36 facts or 100,000.
 */
export interface Lexicon {
  subjects: PhraseMatcher<string>;
  parties: PhraseMatcher<string>;
  /** Context and occasion words of every fact, keyed by the lower-cased word itself. */
  cues: PhraseMatcher<string>;
  stances: PhraseMatcher<StanceCue>;
  /** Words a correction or a fact check tells an error or a claim with (`standing.ts` reads the rest). */
  corrections: PhraseMatcher<true>;
  /** The five above in one pass over a text: a check needs all of them. */
  scanner: PhraseScanner<[PhraseMatcher<string>, PhraseMatcher<string>, PhraseMatcher<StanceCue>, PhraseMatcher<string>, PhraseMatcher<true>]>;
  factsBySubject: Map<string, Fact[]>;
  /**
   * One fact of each class (`fitClass`) a subject has: whether a figure can be about a subject at
   * all is asked for every name in a sentence, and a subject may have hundreds of facts.
   */
  fitClasses(subject: string): readonly Fact[];
  /** Facts that list several values and name an occasion ("30, 40, 50 years", audio message). */
  listedFacts: Fact[];
  /** Subjects with a fact that is a span from an event ("a day after the declaration"). */
  spanSubjects: ReadonlySet<string>;
}

export interface StanceCue {
  /** null for plain speech verbs: they name who speaks, not what they did with the figure. */
  stance: Stance | null;
  /** Nouns ("offer") take their party from a possessive or modifier right before them. */
  noun: boolean;
}

// How reporters say who offered, asked for or forecast a figure. Plain speech verbs ("said",
// "told") only name the speaker; a nearer stance word ("said Washington had offered") wins.
const STANCE_WORDS: Array<[string, Stance | null, boolean]> = [
  ...['say', 'says', 'said', 'told', 'tells', 'stated', 'noted', 'added', 'believe', 'believes', 'called', 'calls', 'described', 'describes']
    .map((w): [string, Stance | null, boolean] => [w, null, false]),
  ...['offer', 'offered', 'offering', 'propose', 'proposed', 'envisage', 'envisaged', 'envisages', 'foresee', 'foresees', 'put forward', 'tabled']
    .map((w): [string, Stance, boolean] => [w, 'offer', false]),
  ...['offer', 'proposal', 'proposals', 'on the table'].map((w): [string, Stance, boolean] => [w, 'offer', true]),
  ...['demand', 'demanded', 'want', 'wanted', 'wants', 'ask', 'asked for', 'asked', 'asking for', 'seek', 'sought', 'need', 'needs', 'needed',
    'call for', 'called for', 'calls for', 'press for', 'pressed for', 'insist', 'insisted', 'request', 'requested', 'require', 'required',
    'requires', 'would like', 'push for', 'pushed for', 'urge', 'urged', 'hold out for', 'held out for']
    .map((w): [string, Stance, boolean] => [w, 'demand', false]),
  // "set a floor of 25 years": a floor is what a side will not go below.
  ...['demand', 'demands', 'request', 'wish', 'floor of'].map((w): [string, Stance, boolean] => [w, 'demand', true]),
  ...['promise', 'promised', 'pledged', 'vowed', 'vow', 'committed to']
    .map((w): [string, Stance, boolean] => [w, 'promise', false]),
  ...['suggest', 'suggested', 'suggesting', 'floated', 'float', 'mooted', 'signalled', 'signaled', 'indicated',
    'point to', 'points to', 'pointed to', 'pointing to', 'talk of', 'talks of', 'talked of', 'speak of', 'speaks of', 'spoke of', 'spoken of']
    .map((w): [string, Stance, boolean] => [w, 'suggest', false]),
  ...['predict', 'predicted', 'estimate', 'estimated', 'forecast', 'expect', 'expected', 'projected', 'warned']
    .map((w): [string, Stance, boolean] => [w, 'estimate', false]),
];

// The words standing.ts's correction patterns cannot do without: a sentence with none of them is
// no correction, and the patterns are not tried on it.
const CORRECTION_WORDS = ['wrongly', 'incorrectly', 'mistakenly', 'erroneously', 'falsely', 'inaccurately', 'version', 'draft', 'edition',
  'story', 'article', 'report', 'piece', 'item', 'tracker', 'table', 'graphic', 'caption', 'corrected', 'incorrect', 'wrong', 'mistaken',
  'regret', 'outdated', 'claim', 'claims', 'rumour', 'rumor', 'allegation', 'myth'];

const SPAN_WORDS = new Set(['after', 'before', 'later', 'following', 'earlier']);

const cache = new WeakMap<FactBase, Lexicon>();

/** A fact's context and occasion words as the cue matcher keys them (lower case). */
export interface CueKeys {
  context: string[][];
  occasion: string[];
}
const cueKeys = new WeakMap<Fact, CueKeys>();

/** Made on first use, once per fact: the words are looked up for every figure a fact may state. */
export function cueKeysOf(fact: Fact): CueKeys {
  let keys = cueKeys.get(fact);
  if (!keys) {
    keys = { context: fact.context.map((g) => g.map((w) => w.toLowerCase())), occasion: fact.occasionCues.map((w) => w.toLowerCase()) };
    cueKeys.set(fact, keys);
  }
  return keys;
}

export function lexiconFor(base: FactBase): Lexicon {
  const hit = cache.get(base);
  if (hit) return hit;
  const factsBySubject = new Map<string, Fact[]>();
  const partyIds = new Set<string>();
  // Many facts share their cue words: each goes into the matcher once.
  const cueWords = new Set<string>();
  for (const f of base.facts) {
    const list = factsBySubject.get(f.subject) ?? [];
    list.push(f);
    factsBySubject.set(f.subject, list);
    if (f.party) partyIds.add(f.party);
    for (const w of f.occasionCues) cueWords.add(w);
    for (const group of f.context) for (const w of group) cueWords.add(w);
  }
  const aliasesOf = (ids: Iterable<string>) => {
    const out: Array<[string, string]> = [];
    for (const id of ids) for (const a of base.entities.get(id)?.aliases ?? []) out.push([a, id]);
    return out;
  };
  // Made per subject on first use: a draft names a few subjects of 100,000 facts, and the classes
  // of all of them cost the load 3-4 MB.
  const classes = new Map<string, readonly Fact[]>();
  const fitClasses = (subject: string): readonly Fact[] => {
    let reps = classes.get(subject);
    if (!reps) {
      const seen = new Map<string, Fact>();
      for (const f of factsBySubject.get(subject) ?? []) { const c = fitClass(f); if (!seen.has(c)) seen.set(c, f); }
      reps = [...seen.values()];
      classes.set(subject, reps);
    }
    return reps;
  };
  const subjects = new PhraseMatcher(aliasesOf(factsBySubject.keys()));
  const parties = new PhraseMatcher(aliasesOf(partyIds));
  const stances = new PhraseMatcher(STANCE_WORDS.map(([w, stance, noun]): [string, StanceCue] => [w, { stance, noun }]));
  const cues = new PhraseMatcher([...cueWords].map((w): [string, string] => [w, w.toLowerCase()]));
  const corrections = new PhraseMatcher(CORRECTION_WORDS.map((w): [string, true] => [w, true]));
  const lexicon: Lexicon = {
    subjects, parties, cues, stances, corrections,
    scanner: new PhraseScanner([subjects, parties, stances, cues, corrections]),
    factsBySubject,
    fitClasses,
    listedFacts: base.facts.filter((f) => f.value.kind === 'set' && f.occasionCues.length > 0),
    spanSubjects: new Set(base.facts.filter((f) => f.context.some((g) => g.some((w) => SPAN_WORDS.has(w.toLowerCase())))).map((f) => f.subject)),
  };
  cache.set(base, lexicon);
  return lexicon;
}
