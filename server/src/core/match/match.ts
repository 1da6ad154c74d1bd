import type { Fact, FactBase, Figure, Span, Stance } from '../types';
import { agrees, distance } from './compare';
import { HitIndex, WordIndex } from './context';
import { cueKeysOf, lexiconFor, type Lexicon, type StanceCue } from './lexicon';
import type { PhraseHit } from './phrases';
import { breaksBefore, isDateline, isLedBlock, isSpace, isTableRow, qaMark, segment, type Block } from './segment';
import { sameCountries } from './places';
import { standingOf, stillStated } from './standing';
import { fits, isDistinctiveUnit, isTimeUnit } from './units';

/** The cue words of the whole draft, asked one word at a time (a Set, or a Map of counts). */
export interface DocumentCues {
  has(word: string): boolean;
}

/** Who a draft says gave a figure, read from the words around it. */
export interface Attribution {
  party: string | null;
  stance: Stance | null;
  /** Someone the fact base has no party for gave the figure ("Witkoff said", "Britain's pledge"). */
  other?: true;
  /**
   * The party's own words, in quotation marks ("Trump has called the plan “90 percent agreed”"):
   * not a figure the party cites, so a sourced figure of another party is misattributed.
   */
  quoted?: true;
}

/** A figure tied to the facts it may state, before any verdict. */
export interface Claim {
  figure: Figure;
  /** Facts of the subject the figure is about whose kind, unit and context fit. */
  candidates: Fact[];
  attribution: Attribution;
  /**
   * The occasion words of the figure's block and of the whole draft, when there are candidates
   * to rank by them (two or more). The draft's are read only when ranking, so the claims of one
   * paragraph can be made before the rest of a long draft has been read (incremental.ts).
   */
  occasionWords: { block: ReadonlySet<string>; doc: DocumentCues } | null;
  /** Candidates whose occasion words ("Munich", "audio message") stand in the figure's sentence. */
  occasionInSentence: Set<string>;
  /** Index of the coordinated group ("2014 and 2015") the figure belongs to, per sentence. */
  group: number;
}

// How far, in words, a subject's name may stand from a figure it describes. A name after the
// figure must be close ("99% of Luhansk", "1994 Budapest Memorandum"); a name before it may
// introduce the figure from further away ("the Budapest Memorandum, signed in 1994").
const AFTER_FIGURE_WORDS = 4;
const BEFORE_FIGURE_WORDS = 8;
// Stance words: "Zelenskyy had originally asked Washington for a 15-year commitment".
const STANCE_BEFORE_WORDS = 15;
const STANCE_AFTER_WORDS = 5;
// Crossing a clause boundary ("…25 years, longer than the 15-year pledge the US has offered")
// makes a stance word as good as this many words further away.
const CLAUSE_PENALTY = 4;
const PARTY_BEFORE_STANCE_WORDS = 4;

const enum Tier { Attached = 0, Sentence = 1, PreviousSentence = 2, Section = 3 }

interface SubjectLink {
  subject: string;
  tier: Tier;
  words: number;
  aliasLength: number;
  /**
   * How far the name reads from the figure, for choosing among names only: the words between,
   * less those of an aside between dashes or in brackets, plus one across a comma ("After a meeting of the
   * Coalition, three countries — Ukraine, France and Britain — signed a declaration").
   */
  reach?: number;
  /** The figure's own noun names the subject ("three signatories"). */
  ownNoun?: true;
}

interface Ctx {
  text: string;
  base: FactBase;
  lex: Lexicon;
  words: WordIndex;
  subjects: HitIndex<string>;
  parties: HitIndex<string>;
  stances: HitIndex<StanceCue>;
  cues: HitIndex<string>;
  corrections: HitIndex<true>;
  /** Cue words present anywhere in the draft, computed once per check. */
  docCues: DocumentCues;
  /** Cue words per span (block, sentence, heading, lead-in), found when a claim first needs them. */
  spanCues: Map<Span, Set<string>>;
  /** Subjects named per span (previous sentence, heading, lead-in), with their longest alias there. */
  spanSubjects: Map<Span, Map<string, number>>;
  /** Clauses of sentences, by "start:end", so their cue words are found once (cuesIn keys by span). */
  clauses: Map<string, Span>;
  /** Clause breaks per sentence, for contextClause. */
  breaks: Map<Span, Array<[number, number, boolean]>>;
  lastGroup: number;
}

/** The lexicon's phrases in a text: subjects, parties, stance words, cue words, correction words, each in order. */
export type PhraseHits = [Array<PhraseHit<string>>, Array<PhraseHit<string>>, Array<PhraseHit<StanceCue>>, Array<PhraseHit<string>>, Array<PhraseHit<true>>];

/** Every phrase of the base's lexicon in text, in one pass: what claimsFor reads. */
export function phrasesIn(text: string, base: FactBase): PhraseHits {
  return lexiconFor(base).scanner.find(text);
}

function cueSet(hits: ReadonlyArray<PhraseHit<string>>): Set<string> {
  const out = new Set<string>();
  for (const h of hits) for (const k of h.keys) out.add(k);
  return out;
}

const extentStart = (f: Figure) => Math.min(f.span.start, f.hedgeSpan?.start ?? f.span.start);
/** Where a figure ends with a bound said after it ("2028 at the earliest"), up to `limit`. */
const tailEnd = (f: Figure, limit: number) => (f.hedgeSpan && f.hedgeSpan.start >= f.span.end && f.hedgeSpan.end <= limit ? f.hedgeSpan.end : f.span.end);
const isDated = (f: Figure) => f.value.kind === 'date' || f.value.kind === 'year';
const CLAUSE_MARK = /[,;:—–()]/;
// A figure that labels its line ends at a colon or a dash, in emphasis or not ("**Jan. 20** —",
// "Jan. 20 - Zelensky…"), and has nothing but emphasis marks before it.
const LABEL_END = /^[*_]{0,3}(?:\s*[:—–]|\s+-\s)/;
const LABEL_START = /^\s*(?:[—–•·]\s*)?[*_]{0,3}\s*$/;
const ANAPHORA = /^[\s“"'‘(]*(?:he|she|it|they|this|that|these|those|his|her|its|their)\b/iu;
// "40% of Donetsk residents" is about people, not the territory the name stands for.
const PEOPLE_AFTER = /^[\s-]*(?:residents?|people|citizens?|voters?|inhabitants?|civilians?|famil(?:y|ies)|children|men|women|refugees?|households?|population|natives?)\b/iu;
// A name before a figure does not reach into a new clause: "…any part of Donetsk, while 18 per
// cent said…" is about the poll, not Donetsk. "the Budapest Memorandum, signed in 1994" and
// "the Axios interview, which came out on Dec. 26" still are: a relative clause points back.
const CLAUSE_BREAK = /;|[,:—–(]\s*(?:while|whereas|but|although|though|and|as|if|because|since|unless)\b/iu;
// A semicolon joins two statements: "the document was ready; five days later, Reuters…" — the
// name in one says nothing about a figure in the other, whichever comes first.
const SEMICOLON = /;/;
const RELATIVE_BEFORE = /,\s*(?:who|whose|whom|which)\b[^,;:—–()]*$/iu;
// "capped at 600,000 troops", "a ceiling of 600,000": a figure stated as a limit.
const LIMIT_BEFORE = /\b(?:capped\s+at|limited\s+to|(?:a|the|its)\s+(?:cap|ceiling|limit)\s+(?:of|at))\s+$/i;
// The name ends the figure's phrase ("a fifth of Ukraine overall,"): not "half of Ukraine's
// energy facilities", whose noun comes after it.
const OF_NAME = /^\s+of\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:overall|as a whole|in all|in total))?(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|or|but|while|whereas)\b)/u;
// "…and barely 1% of its neighbour": a whole the figure names by a pronoun is its own too.
const OF_POSSESSED = /^\s+of\s+(?:its|their|his|her|the\s+other|the\s+neighbouring|the\s+neighboring)\s+\p{Ll}/u;
const ownWhole = (after: string) => OF_NAME.test(after) || OF_POSSESSED.test(after);
const OF_ATTACHMENT = /^\s+(?:of|in)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/u;
// "a day after the UK and France signed a declaration": a span of time before "after"/"before"
// measures from the event that clause names, so that name reaches as far as one before a figure.
const EVENT_CLAUSE = /^\s+(?:after|before)\s[^,;:.!?—–()]*$/u;
// "On 22 January he said the American guarantee document was ready": a date that opens its
// sentence says when the clause happened, so a name after it reaches as far as one before a figure.
const OPENER = /^[\s“"'‘(]*(?:(?:on|in|by|since|until|from|as of)\s+)?$/iu;
// "the 2028–2034 budget", "its 2021-27 plan": a span of years before a noun names that noun's
// period, not a date of whatever is named around it.
const PERIOD_BEFORE = /(?:\b(?:the|its|their|his|her|our|this|that|next|last|a|an)|['’]s)\s+$/i;
const PERIOD_DASH = /^[-\u2010\u2011\u2013\u2014]$/;
const PERIOD_AFTER = /^\s+\p{Ll}/u;

/** Figures that are one end of a span of years used as a noun's modifier ("the 2028–2034 budget"). */
function periodModifiers(ctx: Ctx, sentence: Span, figures: Figure[]): boolean[] {
  const out = figures.map(() => false);
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!, b = figures[i + 1]!;
    if (a.value.kind !== 'year' || b.value.kind !== 'year' || a.hedgeSpan || b.hedgeSpan) continue;
    if (!PERIOD_DASH.test(ctx.text.slice(a.span.end, b.span.start))) continue;
    if (!PERIOD_BEFORE.test(ctx.text.slice(Math.max(sentence.start, a.span.start - 40), a.span.start))) continue;
    if (!PERIOD_AFTER.test(ctx.text.slice(b.span.end, Math.min(sentence.end, b.span.end + 4)))) continue;
    out[i] = out[i + 1] = true;
  }
  return out;
}

const RANGE_OPEN = /\b(?:between|from)\s+$/i;
const RANGE_LINK = /^\s*(?:and|to|-|–|—)\s*$/u;
const LOWER_BOUNDS: ReadonlySet<string> = new Set(['as-soon-as', 'at-least', 'more-than']);

/** Years that close a span opened by "between" or "from": "between 2027 and 2030". */
function rangeEnds(ctx: Ctx, figures: Figure[]): boolean[] {
  return figures.map((f, i) => {
    const a = figures[i - 1];
    return !!a && a.value.kind === 'year' && f.value.kind === 'year' && !f.hedgeSpan && RANGE_LINK.test(ctx.text.slice(a.span.end, f.span.start)) &&
      RANGE_OPEN.test(ctx.text.slice(Math.max(0, extentStart(a) - 10), extentStart(a)));
  });
}

const COORDINATION = /^[\s,]*(?:and|or|to|through|&|–|—|-)?[\s,]*$/u;

/**
 * Ties every figure to the facts it may state. `documentCues` are the cue words of the whole
 * draft when `text` is only part of it (incremental checking); by default they are read from text.
 * They are read when the claims are judged, not before. `found` is phrasesIn(text, base), when the
 * caller has it already.
 */
export function claimsFor(text: string, base: FactBase, figures: Figure[], documentCues?: DocumentCues, found?: PhraseHits): Claim[] {
  // Most paragraphs of a long draft hold no figure: nothing to tie, so nothing to look up.
  if (!figures.length) return [];
  const lex = lexiconFor(base);
  const [subjects, parties, stances, cues, corrections] = found ?? lex.scanner.find(text);
  const ctx: Ctx = {
    text, base, lex, words: new WordIndex(text),
    subjects: new HitIndex(subjects),
    parties: new HitIndex(parties),
    stances: new HitIndex(stances),
    cues: new HitIndex(cues),
    corrections: new HitIndex(corrections),
    docCues: documentCues ?? cueSet(cues),
    spanCues: new Map(),
    spanSubjects: new Map(),
    clauses: new Map(),
    breaks: new Map(),
    lastGroup: 0,
  };
  const claims: Claim[] = [];
  let next = 0;
  // The block before, when a table or an answer opening the next block is read under it: the
  // paragraph introducing the table, the question. (incremental.ts reads a chunk so led with the
  // chunk before it, and only then: the two must agree.)
  let before: Block | null = null;
  // The last question of a Q&A ("Q: What has Washington offered?"), for its answer.
  let question: Span | null = null;
  for (const block of segment(text).blocks) {
    const first = block.sentences[0] ?? block;
    const led = block.kind === 'paragraph' && isLedBlock(text, first.start);
    // The block before must be a chunk of its own there: one paragraph, after a blank line (or a
    // part of a long one), and a blank line between the two.
    const lead = led && before && before.kind === 'paragraph' && !isLedBlock(text, (before.sentences[0] ?? before).start) &&
      (before.cut || breaksBefore(text, before.start) >= 2) && breaksBefore(text, block.start) >= 2 ? before : null;
    const intro = lead && isTableRow(text, first) ? lead : null;
    if (!lead) question = null;
    before = block;
    block.sentences.forEach((sentence, si) => {
      const mark = qaMark(text, sentence.start, sentence.end);
      const asked = mark === 'a' ? question : null;
      if (mark === 'q') question = sentence;
      else if (mark === 'a') question = null;
      while (next < figures.length && figures[next]!.span.start < sentence.start) next++;
      const inSentence: Figure[] = [];
      while (next < figures.length && figures[next]!.span.end <= sentence.end) inSentence.push(figures[next++]!);
      if (!inSentence.length) return;
      let previous = si > 0 ? block.sentences[si - 1]! : null;
      // "PARIS, Jan 7 (Wire) -": the date the story was filed, not a claim about the story's events:
      // confirmed when it is the sourced date, never contradicted.
      const filed = si === 0 && block.kind === 'paragraph' && isDateline(text, sentence);
      // "| Zelenskyy at Munich | at least 25 years |": a row is about its table's header, the
      // paragraph that introduces the table and the heading above it.
      const table = isTableRow(text, sentence) ? tableContext(text, block, si, intro) : null;
      for (const [span, its] of readable(text, sentence, inSentence)) {
        // Not push(...): a sentence of 100,000+ figures ("1,1,1,…") would overflow the call stack.
        for (const c of claimsInSentence(ctx, block, span, previous, its, { filed, table, asked })) claims.push(c);
        previous = span;
      }
    });
  }
  return claims;
}

// A "sentence" of more figures than this is a table, a list without markers or a data dump, not
// prose. Tying names to figures costs names × figures per sentence, so such a run is read line by
// line, and a line of that many figures in runs of this many: a check stays linear on any text.
const MAX_FIGURES_PER_SENTENCE = 64;

/** The sentence as the spans it is read in, each with its figures: itself, unless it holds too many. */
function readable(text: string, sentence: Span, figures: Figure[]): Array<[Span, Figure[]]> {
  if (figures.length <= MAX_FIGURES_PER_SENTENCE) return [[sentence, figures]];
  const out: Array<[Span, Figure[]]> = [];
  let from = 0;
  let start = sentence.start;
  while (from < figures.length) {
    const lineEnd = endOfLine(text, figures[from]!.span.end, sentence.end);
    let to = from + 1;
    while (to < figures.length && to - from < MAX_FIGURES_PER_SENTENCE && figures[to]!.span.end <= lineEnd) to++;
    // Cut where the next figure's line begins, or right before it when it stands on this line.
    const next = to < figures.length ? extentStart(figures[to]!) : -1;
    const cut = next < 0 ? sentence.end : next >= lineEnd ? startOfLine(text, next, lineEnd) : next;
    out.push([{ start, end: cut }, figures.slice(from, to)]);
    start = cut;
    from = to;
  }
  return out;
}

const isBreak = (c: number) => c === 10 || c === 13;

function endOfLine(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

function startOfLine(text: string, at: number, limit: number): number {
  let i = at;
  while (i > limit && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Coordinated figures share a group; group numbers are unique across a check. */
function groupsOf(ctx: Ctx, figures: Figure[]): number[] {
  const groups: number[] = [];
  let g = ctx.lastGroup;
  figures.forEach((f, i) => {
    const prev = figures[i - 1];
    if (prev && prev.value.kind === f.value.kind && COORDINATION.test(ctx.text.slice(prev.span.end, extentStart(f)))) groups.push(g);
    else groups.push(++g);
  });
  ctx.lastGroup = g;
  return groups;
}

/** What a table row may take its subject from: the header row, the introducing paragraph, the heading. */
function tableContext(text: string, block: Block, si: number, intro: Span | null): Span[] {
  const out: Span[] = [];
  const header = block.sentences[0]!;
  if (si > 0 && isTableRow(text, header)) out.push(header);
  if (intro) out.push(intro);
  if (block.heading) out.push(block.heading);
  return out;
}

/** Where a sentence stands in its document, beyond its block. */
interface Place {
  /** It is a dateline. */
  filed: boolean;
  /** It is a table row: what the row may take its subject from. */
  table: Span[] | null;
  /** It answers this question ("A: …" after "Q: …"). */
  asked: Span | null;
}


/**
 * "A: A security guarantee of a dozen years" after "Q: What has the United States offered?": the
 * answer's figure is given to whom the question asks about, in the way it asks.
 */
function askedAttribution(ctx: Ctx, question: Span): Attribution | null {
  const stances = ctx.stances.within(question);
  const cue = stances[stances.length - 1];
  if (!cue) return null;
  const stance = cue.keys.find((k) => k.stance !== null)?.stance ?? null;
  const parties = ctx.parties.within({ start: question.start, end: cue.start });
  const party = parties[parties.length - 1];
  if (!party && stance === null) return null;
  return { party: party ? party.keys[0]! : null, stance };
}

function claimsInSentence(ctx: Ctx, block: Block, sentence: Span, previous: Span | null, figures: Figure[], place: Place): Claim[] {
  const { filed, table, asked } = place;
  const groups = groupsOf(ctx, figures);
  const links = figures.map((): SubjectLink[] => []);
  const hits = ctx.subjects.within(sentence);
  const fitsSubject = (f: Figure, subject: string) => ctx.lex.fitClasses(subject).some((fact) => fits(f, fact));

  // "75% of Donetsk, 99% of Luhansk and a fifth of Ukraine": a figure with a name of its own
  // after "of" is about that name; it takes no other, nor shares its neighbours'.
  const ofName = figures.map((f) => ctx.text.startsWith('of', f.span.end + 1) && ownWhole(ctx.text.slice(f.span.end, Math.min(sentence.end, f.span.end + 24))));
  // A sentence with both a date and a span of time, where a span may count from a name.
  const datedSpans = figures.some(isDated) && figures.some((f) => isTimeUnit(f.unit));
  // "Trump, who left the White House in 2021, has said he will meet…": a figure in a relative
  // clause is not about a name after the clause closes.
  const relative: Array<boolean | undefined> = [];
  const inRelative = (i: number) => (relative[i] ??= RELATIVE_BEFORE.test(ctx.text.slice(Math.max(sentence.start, extentStart(figures[i]!) - 120), extentStart(figures[i]!))));
  const first = figures[0]!;
  const labelIndex = first && LABEL_START.test(ctx.text.slice(sentence.start, extentStart(first))) && LABEL_END.test(ctx.text.slice(first.span.end, Math.min(first.span.end + 6, sentence.end))) ? 0 : -1;
  const openerIndex = first && isDated(first) && OPENER.test(ctx.text.slice(sentence.start, extentStart(first))) ? 0 : -1;
  for (const hit of hits) {
    // "a counter-protest of about 300", "an anti-war rally": the name is what the compound is against.
    if (hit.start > 0 && ctx.text.charCodeAt(hit.start - 1) === 45 && OPPOSITE_PREFIX.test(ctx.text.slice(Math.max(sentence.start, hit.start - 8), hit.start))) continue;
    for (const subject of hit.keys) {
      // The figure's own noun may name the subject ("200,000 protesters", "three layers").
      const own = figures.findIndex((f) => hit.start >= f.valueSpan.end && hit.end <= f.span.end && fitsSubject(f, subject));
      if (own >= 0) { links[own]!.push({ subject, tier: Tier.Attached, words: 0, aliasLength: hit.end - hit.start, ownNoun: true }); continue; }
      // Within the sentence: "Luhansk" ending a paragraph says nothing of a "people" opening the next.
      if (PEOPLE_AFTER.test(ctx.text.slice(hit.end, Math.min(hit.end + 20, sentence.end)))) continue;
      // "75% of the Donetsk region's coal mines": the figure counts what the name possesses.
      const possessive = /['’]s$/.test(hit.phrase);
      // "On January 7, a day after the declaration was signed": the name is what the span of
      // time counts from, so a date before that span is the date of something else (one after
      // the name may still be its own: "six years before the full-scale invasion of 2022").
      const span = datedSpans ? figures.find((f) => isTimeUnit(f.unit) && f.span.end <= hit.start && ctx.words.between(f.span.end, hit.start) <= BEFORE_FIGURE_WORDS &&
        EVENT_CLAUSE.test(ctx.text.slice(f.span.end, hit.start))) : undefined;
      const countsFrom = span ? extentStart(span) : -1;
      // The nearest figure is sought once per kind of fact the subject has: in "the coalition
      // meeting in Paris on Jan. 6 drew 35 countries" the date does not hide the count.
      const masks = new Map<string, boolean[]>();
      for (const fact of ctx.lex.fitClasses(subject)) {
        let key = '';
        let any = false;
        const mask = figures.map((f) => {
          const ok = fits(f, fact) && !(f.span.start < hit.end && hit.start < f.span.end) && !(f.span.end <= countsFrom && isDated(f));
          key += ok ? '1' : '0';
          any ||= ok;
          return ok;
        });
        if (any && !masks.has(key)) masks.set(key, mask);
      }
      for (const usable of masks.values()) {
        const link = (at: number, tier: Tier, words: number, reach = words) => {
          for (let i = 0; i < figures.length; i++) {
            if (usable[i] && groups[i] === groups[at] && (i === at || !ofName[i])) links[i]!.push({ subject, tier, words, aliasLength: hit.end - hit.start, reach });
          }
        };
        // A name binds the figure it is attached to ("nearly all of Luhansk") and, besides, the one
        // nearest figure on either side: in "independent in 1991 and signed the Budapest
        // Memorandum in 1994" the name belongs to 1994 alone.
        let left = -1;
        for (let i = figures.length - 1; i >= 0; i--) if (usable[i] && figures[i]!.span.end <= hit.start) { left = i; break; }
        let right = -1;
        for (let i = 0; i < figures.length; i++) if (usable[i] && extentStart(figures[i]!) >= hit.end) { right = i; break; }
        // A bound said after the figure is part of it: "2028 as the earliest date for membership".
        const leftEnd = left >= 0 ? tailEnd(figures[left]!, hit.start) : 0;
        const leftWords = left >= 0 ? ctx.words.between(leftEnd, hit.start) : Infinity;
        const rightWords = right >= 0 ? ctx.words.between(hit.end, extentStart(figures[right]!)) : Infinity;
        const attached = left >= 0 && OF_ATTACHMENT.test(ctx.text.slice(figures[left]!.span.end, hit.start));
        if (attached && !possessive) link(left, Tier.Attached, leftWords);
        // A figure that labels its line ("- 2026-01-20: Zelensky says the document is ready")
        // is what the whole line is about.
        const label = left >= 0 && left === labelIndex;
        // Only a subject with a span-from-an-event fact ("a day after the declaration") is
        // reached so: "less than a year before fighting resumed in Donbas" is no length of that war.
        const untilEvent = left >= 0 && isTimeUnit(figures[left]!.unit) && leftWords <= BEFORE_FIGURE_WORDS && EVENT_CLAUSE.test(ctx.text.slice(figures[left]!.span.end, hit.start));
        const event = untilEvent && ctx.lex.spanSubjects.has(subject);
        const opener = left >= 0 && left === openerIndex && leftWords <= BEFORE_FIGURE_WORDS && !CLAUSE_BREAK.test(ctx.text.slice(figures[left]!.span.end, hit.start));
        const leftReach = left >= 0 ? reachOf(ctx, leftEnd, hit.start, leftWords) : Infinity;
        // An aside ("four countries (Ukraine, France, Britain and Germany) sign") is no distance.
        const leftOk = left >= 0 && !attached && (untilEvent ? event : Math.min(leftWords, leftReach) <= AFTER_FIGURE_WORDS || label || opener) && !SEMICOLON.test(ctx.text.slice(figures[left]!.span.end, hit.start)) &&
          !(ctx.text.slice(figures[left]!.span.end, hit.start).includes(',') && inRelative(left));
        const rightOk = rightWords <= BEFORE_FIGURE_WORDS && !CLAUSE_BREAK.test(ctx.text.slice(hit.end, extentStart(figures[right]!)));
        if (leftOk && !possessive && (!rightOk || leftWords <= rightWords)) link(left, Tier.Sentence, leftWords, leftReach);
        if (rightOk && (!leftOk || rightWords <= leftWords)) link(right, Tier.Sentence, rightWords, reachOf(ctx, hit.end, extentStart(figures[right]!), rightWords));
      }
    }
  }

  const periods = periodModifiers(ctx, sentence, figures);
  const ends = rangeEnds(ctx, figures);
  return figures.map((figure, i) => {
    let own = links[i]!;
    const attached = own.some((l) => l.tier === Tier.Attached);
    // A name the figure is attached to ("75% of Donetsk") is the only one it may be about. Its own
    // noun ("two other signatories") comes first too, but when no fact of that subject is in
    // context, the name the sentence ties it to still may be ("the Budapest Memorandum had…").
    if (periods[i] || ofName[i] || own.some((l) => l.tier === Tier.Attached && !l.ownNoun)) own = own.filter((l) => l.tier === Tier.Attached);
    // A bare number ("an army of 800,000") is only tied to a name right next to it.
    if (figure.unit === null && (figure.value.kind === 'number' || figure.value.kind === 'set')) own = own.filter((l) => l.words <= 1);
    const windows: Array<[SubjectLink[], Span[] | (() => Span[])]> = [[own, () => [contextClause(ctx, sentence, figure)]]];
    const counted = figure.value.kind === 'number' || figure.value.kind === 'range' || figure.value.kind === 'set';
    if (counted && figure.unit !== null && previous && !hits.length && ANAPHORA.test(ctx.text.slice(sentence.start, sentence.end))) {
      // "He wants Washington to look at 30, 40, 50 years": a sentence that opens with a pronoun
      // and names no subject of its own continues the previous one.
      windows.push([linksFrom(ctx, figure, [previous], Tier.PreviousSentence), [previous, sentence]]);
    }
    // "Q: How many countries are in the coalition? A: Thirty-five.": the answer's subject is asked.
    if (asked && !hits.length) windows.push([linksFrom(ctx, figure, [asked], Tier.PreviousSentence), [asked, sentence]]);
    if (table?.length && !hits.length) windows.push([linksFrom(ctx, figure, table, Tier.Section), [...table, sentence]]);
    // "three signatories" says what it counts: a heading's other subject is not what it is about.
    else if (isDistinctiveUnit(figure.unit) && !attached) {
      const section = [block.heading, block.leadIn].filter((s): s is Span => s !== null);
      windows.push([linksFrom(ctx, figure, section, Tier.Section), [...section, block]]);
    }
    let candidates = chooseCandidates(ctx, figure, windows);
    if (filed) candidates = candidates.filter((f) => agrees(figure, f) === true);
    // "capped at 600,000 troops" states a limit: only a sourced limit can bear it out or not.
    if (candidates.length && LIMIT_BEFORE.test(ctx.text.slice(Math.max(sentence.start, extentStart(figure) - 24), extentStart(figure)))) {
      candidates = candidates.filter((f) => f.qualifier === 'up-to' || f.qualifier === 'less-than');
    }
    if (!candidates.length && figure.value.kind === 'set') candidates = listedByOccasion(ctx, figure, sentence);
    if (!candidates.length && isTimeUnit(figure.unit) && !hits.length) candidates = byStance(ctx, figure, sentence, block);
    // "could join between 2027 and 2030" against "as soon as 2027": the first year is the bound.
    if (ends[i]) candidates = candidates.filter((f) => !f.qualifier || !LOWER_BOUNDS.has(f.qualifier));
    // "five years longer than the offer", "not 20 years", "lost 5,000 soldiers": not the fact's value.
    const standing = candidates.length ? standingOf(ctx.text, sentence, figure, ctx.corrections.within(sentence).length > 0) : null;
    if (standing?.kind === 'claimed') candidates = candidates.filter((f) => agrees(figure, f) === true);
    else if (standing) candidates = stillStated(standing, candidates);
    // "three other signatories" leaves one out that "four signatories" counts: a count of the
    // others is only compared with a count of the others.
    if (candidates.length && figure.unit !== null) {
      const others = countsOthers(figure.text);
      // "signed the memorandum with four powers": those it was signed with are the others.
      const withThem = !others && WITH_BEFORE.test(ctx.text.slice(Math.max(sentence.start, extentStart(figure) - 6), extentStart(figure)));
      candidates = candidates.filter((f) => f.unit === null || countsOthers(f.statement) === others || (withThem && countsOthers(f.statement)));
    }
    if (candidates.length) candidates = sameCountries(ctx.base, ctx.text, sentence, figure, candidates);
    let attribution: Attribution = candidates.some((c) => c.attributionSensitive || c.party !== null) && (standing?.kind !== 'reference' || possessiveBefore(ctx.text, extentStart(figure)))
      ? attributionOf(ctx, figure, sentence) : { party: null, stance: null };
    if (asked && attribution.party === null && attribution.stance === null && !attribution.other && candidates.length) {
      attribution = askedAttribution(ctx, asked) ?? attribution;
    }
    if (attribution.party !== null && attribution.stance === null && inQuotes(ctx.text, sentence, figure)) attribution = { ...attribution, quoted: true };
    // "| Zelenskyy at Munich | at least 25 years |": a row's label names whose figure it is.
    if (table && attribution.party === null && !attribution.other && candidates.length) {
      const label = ctx.parties.within({ start: sentence.start, end: extentStart(figure) })[0];
      if (label) attribution = { party: label.keys[0]!, stance: attribution.stance };
    }
    return {
      figure,
      candidates,
      attribution,
      occasionWords: candidates.length < 2 ? null : { block: cuesIn(ctx, block), doc: ctx.docCues },
      occasionInSentence: occasionsIn(ctx, candidates, sentence, figure),
      group: groups[i]!,
    };
  });
}

// A fact's context words stand in the figure's own clause: in "Russian forces hold 95% of
// Luhansk, which leaves Kyiv with about a quarter of Donetsk", what Kyiv is left with says
// nothing of the 95%.
// A relative clause before the figure still points back ("the Axios interview, which came out on
// Dec. 26"); one after it is about something else.
const CONTEXT_BREAK = /;|[,:—–(]\s*(?:while|whereas|but|although|though|and|as|if|because|since|unless|(which|leaving))\b/giu;

/** The part of the sentence a figure's context words are read from. */
function contextClause(ctx: Ctx, sentence: Span, figure: Figure): Span {
  let breaks = ctx.breaks.get(sentence);
  if (!breaks) {
    // Found once per sentence: [offset, end, relative clause].
    breaks = [];
    const text = ctx.text.slice(sentence.start, sentence.end);
    CONTEXT_BREAK.lastIndex = 0;
    for (let m = CONTEXT_BREAK.exec(text); m; m = CONTEXT_BREAK.exec(text)) breaks.push([sentence.start + m.index, sentence.start + m.index + m[0].length, !!m[1]]);
    ctx.breaks.set(sentence, breaks);
  }
  if (!breaks.length) return sentence;
  let start = sentence.start, end = sentence.end;
  const from = extentStart(figure);
  for (const [at, to, relative] of breaks) {
    if (to <= from) { if (!relative) start = at; } else if (at >= figure.span.end) { end = at; break; }
  }
  if (start === sentence.start && end === sentence.end) return sentence;
  const key = `${start}:${end}`;
  let span = ctx.clauses.get(key);
  if (!span) { span = { start, end }; ctx.clauses.set(key, span); }
  return span;
}

/**
 * Whether the figure stands in words quoted in its sentence: inside quotation marks that hold more
 * than the figure ("“90 percent agreed”"; a "“15-year”" guarantee is a term set off, not a quote).
 */
function inQuotes(text: string, sentence: Span, figure: Figure): boolean {
  let straight = 0, open = -1;
  for (let i = extentStart(figure) - 1; i >= sentence.start; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x201d) return false; // ”
    if (c === 0x201c) { open = i; break; } // “
    if (c === 34) { straight++; if (open < 0) open = i; }
  }
  if (open < 0 || (text.charCodeAt(open) === 34 && straight % 2 === 0)) return false;
  let close = figure.span.end;
  while (close < sentence.end && text.charCodeAt(close) !== 0x201d && text.charCodeAt(close) !== 34) close++;
  return WORDS_IN_QUOTE.test(text.slice(open + 1, extentStart(figure)) + text.slice(figure.span.end, close));
}
const WORDS_IN_QUOTE = /\p{L}{2}/u;

const WITH_BEFORE = /\bwith\s+$/i;
const OPPOSITE_PREFIX = /(?:^|[^\p{L}])(?:counter|anti|non)-$/iu;
const OTHERS = /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|[a-z]+teen|[a-z]+ty))\s+other\b/i;
// Most texts say no "other": the word is looked for before the pattern is tried.
const countsOthers = (text: string): boolean => text.includes('other') && OTHERS.test(text);
const ASIDE_MARK = /[,(—–]/;
const ASIDE = /\s[—–]\s[^—–]*\s[—–]\s|\s\([^()]*\)/u;

/** SubjectLink.reach of a name `words` words away across text[from, to). */
function reachOf(ctx: Ctx, from: number, to: number, words: number): number {
  const gap = ctx.text.slice(from, to);
  if (!ASIDE_MARK.test(gap)) return words;
  const aside = ASIDE.exec(gap);
  const outside = aside ? gap.slice(0, aside.index) + gap.slice(aside.index + aside[0].length) : gap;
  return words - (aside ? ctx.words.between(from + aside.index, from + aside.index + aside[0].length) : 0) + (outside.includes(',') ? 1 : 0);
}

const STANCES_OF_TERMS: ReadonlySet<Stance> = new Set(['demand', 'offer', 'promise']);
const OF_AFTER = /^\s+of\b/i;

/**
 * "A senior US official said Ukraine had demanded 40 years at Munich", in a paragraph about the
 * guarantee: a span of time a party demands, offers or promises, in a sentence that names no
 * subject, is that party's sourced term of the same kind among the subjects its paragraph names.
 * Not a span "of" something ("40 years of reparations").
 */
function byStance(ctx: Ctx, figure: Figure, sentence: Span, block: Block): Fact[] {
  if (OF_AFTER.test(ctx.text.slice(figure.span.end, Math.min(sentence.end, figure.span.end + 6)))) return [];
  const a = attributionOf(ctx, figure, sentence);
  if (!a.party || !a.stance || !STANCES_OF_TERMS.has(a.stance)) return [];
  const cues = cuesIn(ctx, block);
  const out: Fact[] = [];
  for (const subject of subjectsIn(ctx, block).keys()) {
    for (const f of ctx.lex.factsBySubject.get(subject) ?? []) {
      if (f.party === a.party && f.stance === a.stance && fits(figure, f) && cueKeysOf(f).context.every((g) => g.some((w) => cues.has(w)))) out.push(f);
    }
  }
  return out;
}

function linksFrom(ctx: Ctx, figure: Figure, spans: Span[], tier: Tier): SubjectLink[] {
  const out: SubjectLink[] = [];
  const seen = new Map<string, SubjectLink>();
  for (const span of spans) {
    for (const [subject, aliasLength] of subjectsIn(ctx, span)) {
      const had = seen.get(subject);
      if (had) { had.aliasLength = Math.max(had.aliasLength, aliasLength); continue; }
      if (!ctx.lex.fitClasses(subject).some((fact) => fits(figure, fact))) continue;
      const link = { subject, tier, words: 0, aliasLength };
      seen.set(subject, link);
      out.push(link);
    }
  }
  return out;
}

/**
 * The subjects named in a span, each with its longest alias there, found once per span: a heading
 * over a long list is read for every figure in it. A subject's shorter aliases would only rank
 * its own facts again, lower.
 */
function subjectsIn(ctx: Ctx, span: Span): Map<string, number> {
  let longest = ctx.spanSubjects.get(span);
  if (!longest) {
    longest = new Map<string, number>();
    for (const hit of ctx.subjects.within(span)) {
      for (const subject of hit.keys) longest.set(subject, Math.max(longest.get(subject) ?? 0, hit.end - hit.start));
    }
    ctx.spanSubjects.set(span, longest);
  }
  return longest;
}

const rank = (l: SubjectLink) => l.tier * 1000 + (l.reach ?? l.words) * 10 - Math.min(9, l.aliasLength / 4);

/** The facts of the closest subject (ties kept) whose context words are present. */
function chooseCandidates(ctx: Ctx, figure: Figure, windows: Array<[SubjectLink[], Span[] | (() => Span[])]>): Fact[] {
  for (const [links, where] of windows) {
    const sorted = [...links].sort((a, b) => rank(a) - rank(b));
    // Most facts have no context words: the spans they would be read from are found only when asked.
    let cueWords: Array<Set<string>> | null = null;
    const present = (w: string) => {
      cueWords ??= (typeof where === 'function' ? where() : where).map((span) => cuesIn(ctx, span));
      return cueWords.some((words) => words.has(w));
    };
    while (sorted.length) {
      const best = rank(sorted[0]!);
      const level = sorted.filter((l) => rank(l) === best);
      sorted.splice(0, level.length);
      const facts = new Set<Fact>();
      for (const l of level) {
        for (const fact of ctx.lex.factsBySubject.get(l.subject) ?? []) {
          if (fits(figure, fact) && cueKeysOf(fact).context.every((group) => group.some(present))) facts.add(fact);
        }
      }
      if (facts.size) return [...facts];
    }
  }
  return [];
}

/**
 * "In the audio message he asked Washington to consider 30, 40 or 60 years": a list of values is
 * distinctive enough that the occasion it was listed on, named in the sentence, stands in for the
 * subject the sentence leaves out. Single numbers never match this way.
 */
function listedByOccasion(ctx: Ctx, figure: Figure, sentence: Span): Fact[] {
  if (!ctx.lex.listedFacts.length) return [];
  const words = cuesIn(ctx, sentence);
  return ctx.lex.listedFacts.filter((f) => fits(figure, f) && cueKeysOf(f).occasion.some((w) => words.has(w)) &&
    cueKeysOf(f).context.every((group) => group.some((w) => words.has(w))));
}

function attributionOf(ctx: Ctx, figure: Figure, sentence: Span): Attribution {
  const start = extentStart(figure);
  let best: { hit: PhraseHit<StanceCue>; words: number } | null = null;
  for (const hit of ctx.stances.within(sentence)) {
    if (hit.start < figure.span.end && figure.span.start < hit.end) continue;
    // "if needed", "if asked": a condition, not what anyone asked for.
    if (IF_BEFORE.test(ctx.text.slice(Math.max(sentence.start, hit.start - 4), hit.start))) continue;
    const before = hit.end <= start;
    // A bound said after the figure ("2028 — the earliest date some officials floated") is part of it.
    const gap = before ? { start: hit.end, end: start } : { start: Math.max(figure.span.end, Math.min(hit.start, figure.hedgeSpan?.end ?? 0)), end: hit.start };
    const words = ctx.words.between(gap.start, gap.end) + (CLAUSE_MARK.test(ctx.text.slice(gap.start, gap.end)) ? CLAUSE_PENALTY : 0);
    if (words > (before ? STANCE_BEFORE_WORDS : STANCE_AFTER_WORDS)) continue;
    if (!best || words < best.words) best = { hit, words };
  }
  // "Britain's 18-year pledge": the figure is the named owner's, and the owner is nobody the
  // fact base knows.
  const owner = possessiveBefore(ctx.text, start) ? OWNER_BEFORE.exec(ctx.text.slice(Math.max(sentence.start, start - 40), start)) : null;
  if (owner && !ctx.parties.within({ start: start - owner[0].length, end: start }).length) return { party: null, stance: null, other: true };
  if (!best) return { party: null, stance: null };
  const cue = best.hit;
  const stance = cue.keys.find((k) => k.stance !== null)?.stance ?? null;
  // The party is the name just before the stance word: "Washington has so far offered",
  // "Washington's 15-year offer", "…by 2027, Zelenskyy said".
  let party: string | null = null;
  let partyWords = Infinity;
  // "offer" is a verb or a noun; after an article or a modifier it is the noun: "Kyiv rejected
  // the 15-year offer" is not Kyiv's offer.
  const nounCue = cue.keys.every((k) => k.noun) ||
    (cue.keys.some((k) => k.noun) && NOUN_USE.test(ctx.text.slice(Math.max(sentence.start, cue.start - 30), cue.start)));
  for (const p of ctx.parties.within({ start: sentence.start, end: cue.start })) {
    if (p.start < figure.span.end && figure.span.start < p.end) continue;
    // "…than the US offer, and he floated 30, 40 or 50 years": the pronoun, not the name before
    // it, is who floated (and which name it stands for is a guess left unmade). In "European
    // leaders, Zelenskyy noted, expect…" the name before a speech verb is only the speaker.
    if (pronounBetween(ctx, p.end, cue.start) || speechBetween(ctx, p.end, cue.start)) continue;
    const words = ctx.words.between(p.end, cue.start) - (p.end <= figure.span.start && figure.span.end <= cue.start ? 1 : 0);
    // A noun ("offer", "proposals on the table") takes only the name right before it: in
    // "Zelensky said the proposals on the table foresee…", the proposals are not Zelensky's.
    const reach = nounCue ? 1 : PARTY_BEFORE_STANCE_WORDS;
    if (words <= reach && words <= partyWords) { party = p.keys[0]!; partyWords = words; }
  }
  // A passive names its agent after the verb: "the 15-year pledge floated by Kyiv", "a guarantee
  // offered by the United States".
  if (party === null && !nounCue) {
    const agent = BY_AGENT.exec(ctx.text.slice(cue.end, Math.min(sentence.end, cue.end + 8)));
    if (agent) {
      const at = cue.end + agent[0].length;
      const p = ctx.parties.within({ start: at, end: sentence.end }).find((h) => h.start === at || BY_ARTICLE.test(ctx.text.slice(at, h.start)));
      if (p) party = p.keys[0]!;
    }
  }
  // "Witkoff said the deal was 95 percent done", "the IMF says": a named speaker the fact base
  // has no party for still makes the figure theirs.
  // A party the sentence names before the figure is still the likelier owner: "European leaders
  // are preparing for a war that could go on for another five years, officials said".
  if (party === null && cue.keys.every((k) => !k.noun) && !ctx.parties.within({ start: sentence.start, end: start }).length &&
      speakerBefore(ctx.text, Math.max(sentence.start, cue.start - 40), cue.start)) return { party: null, stance, other: true };
  return { party, stance };
}

const NOUN_USE = /(?:\b(?:the|a|an|this|that|its|their|his|her|our|your|any|no|new|latest|first|final|initial|current|earlier|original)|['’]s|[\p{N}\p{L}]-\p{L}+|\d)\s+$/iu;
const PRONOUN = /\b(?:he|she|they|we)\b/gi;
const OWNER_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}-]*)['’]s\s+$/u;
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'then', 'later', 'again', 'now', 'once', 'first', 'only']);
// "one European negotiator said", "a senior official says": someone unnamed is someone too.
const UNNAMED = new Set(['negotiator', 'negotiators', 'official', 'officials', 'diplomat', 'diplomats', 'analyst', 'analysts', 'expert', 'experts',
  'source', 'sources', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'ministers',
  'envoy', 'envoys', 'economist', 'economists', 'observer', 'observers', 'commander', 'commanders', 'lawmaker', 'lawmakers', 'senator', 'senators']);
const NAME = /^(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}{2,})$/u;

/** Whether the word before `at` (past "has", "also"…) names someone: a capitalised name or "officials". */
function speakerBefore(text: string, from: number, at: number): boolean {
  let end = at;
  for (let k = 0; k < 3; k++) {
    while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
    const word = text.slice(start, end).replace(/^[^\p{L}]+/u, '');
    if (!word) return false;
    const low = word.toLowerCase();
    if (AUXILIARIES.has(low) && k < 2) { end = start; continue; }
    return UNNAMED.has(low) || (NAME.test(word) && !NOT_NAMES.has(low));
  }
  return false;
}

/** "Britain's " right before `at`. */
const possessiveBefore = (text: string, at: number) => {
  let i = at;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i >= 2 && (text.charCodeAt(i - 1) === 115 || text.charCodeAt(i - 1) === 83) && (text.charCodeAt(i - 2) === 39 || text.charCodeAt(i - 2) === 0x2019);
};
// Capitalised words that are no one's name.
const NOT_NAMES = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'a', 'an',
  'and', 'but', 'or', 'so', 'yet', 'then', 'now', 'his', 'her', 'its', 'their', 'our', 'who', 'which', 'what', 'when', 'as', 'if']);

const IF_BEFORE = /\bif\s+$/i;
/** A pronoun between from and to that is not a speaker's parenthesis ("European leaders, he noted, believe"). */
function pronounBetween(ctx: Ctx, from: number, to: number): boolean {
  const gap = ctx.text.slice(from, to);
  PRONOUN.lastIndex = 0;
  for (let m = PRONOUN.exec(gap); m; m = PRONOUN.exec(gap)) {
    const at = from + m.index + m[0].length;
    if (!speechBetween(ctx, at, to)) return true;
  }
  return false;
}

/** A speech verb right after a name, before `to`: "Zelenskyy noted", "Zelenskyy has said". */
function speechBetween(ctx: Ctx, from: number, to: number): boolean {
  const h = ctx.stances.within({ start: from, end: to })[0];
  return !!h && h.keys.every((k) => k.stance === null) && /^[\s,]*(?:(?:has|have|had|also)\s+)*$/i.test(ctx.text.slice(from, h.start));
}

const BY_AGENT = /^\s+by\s+/i;
const BY_ARTICLE = /^the\s+$/i;

function occasionsIn(ctx: Ctx, candidates: Fact[], sentence: Span, figure: Figure): Set<string> {
  const out = new Set<string>();
  if (candidates.length < 2) return out;
  const words = cuesIn(ctx, sentence);
  for (const f of candidates) if (cueKeysOf(f).occasion.some((w) => words.has(w))) out.add(f.id);
  if (out.size < 2) return out;
  // "Minsk I was signed in 2015 and Minsk II in 2016": with several occasions named, the one
  // named last before the figure in its own clause is the figure's.
  const start = extentStart(figure);
  const named = candidates.filter((f) => out.has(f.id));
  let nearest: PhraseHit<string> | null = null;
  let own: Fact[] = [];
  for (const h of ctx.cues.within({ start: sentence.start, end: start })) {
    if (nearest && (h.end < nearest.end || (h.end === nearest.end && h.start >= nearest.start))) continue;
    if (CLAUSE_MARK.test(ctx.text.slice(h.end, start))) continue;
    const owners = named.filter((f) => cueKeysOf(f).occasion.some((w) => h.keys.includes(w)));
    if (owners.length) { nearest = h; own = owners; }
  }
  return own.length === 1 ? new Set([own[0]!.id]) : out;
}

/** The cue words (occasion and context words of facts) of cue hits that start at or after `from`. */
export function cueWordsOf(hits: ReadonlyArray<PhraseHit<string>>, from = 0): Set<string> {
  const out = new Set<string>();
  for (const h of hits) if (h.start >= from) for (const k of h.keys) out.add(k);
  return out;
}

/** The cue words in a span, found once per span however many figures it holds. */
function cuesIn(ctx: Ctx, span: Span): Set<string> {
  let words = ctx.spanCues.get(span);
  if (!words) {
    words = new Set<string>();
    for (const h of ctx.cues.within(span)) for (const k of h.keys) words.add(k);
    ctx.spanCues.set(span, words);
  }
  return words;
}

/** How strongly a claim's surroundings name a candidate's occasion: in its block 2, in the draft 1 per word. */
function occasionScore(claim: Claim, fact: Fact): number {
  const words = claim.occasionWords;
  if (!words || !claim.candidates.includes(fact)) return 0;
  let s = 0;
  for (const w of cueKeysOf(fact).occasion) s += (words.block.has(w) ? 2 : 0) + (words.doc.has(w) ? 1 : 0);
  return s;
}

/** Orders facts by how likely the draft meant them: occasion words first, then the closest value. */
export function rankFacts(claim: Claim, facts: Fact[]): Fact[] {
  const score = new Map<Fact, number>();
  for (const f of facts) score.set(f, occasionScore(claim, f));
  // A fact whose context words the sentence has (each group had to be there for it to be a
  // candidate) is the more specific match: "convene" names the coalition's convening, not its meeting in Paris.
  return [...facts].sort((a, b) => score.get(b)! - score.get(a)! || b.context.length - a.context.length || distance(claim.figure, a) - distance(claim.figure, b));
}

export { agrees };
