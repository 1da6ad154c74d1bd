import type { Fact, Figure, Span } from '../types';
import { isClauseMark, isSpace } from './segment';
import { isTimeUnit, sameUnit } from './units';

/**
 * How a figure stands in its sentence when it does not state the value of anything a source
 * gives: it is a difference ("five years longer than the US offer"), a value denied ("not 20
 * years but 15"), a supposition ("if the war lasts another five years"), a loss ("lost 5,000
 * soldiers"), what is left of a whole ("the last 10% of the plan"), an addition ("another 5% of
 * Donetsk"), the stretch over which something happens ("shrink by 200,000 over five years") or
 * the date of an earlier event of the kind a source dates ("its first meeting in March 2025").
 * Reading such a figure as the fact's value is how a checker makes false alarms: a sourced 15-year
 * offer says nothing against "three years short of Britain's pledge". A figure compared with
 * ("seeking more than the 15-year term") is a reference: someone's figure, but not the subject's.
 * Corrections and fact checks state figures as errors ("an earlier version wrongly said 12
 * years") or as claims put to the test ("CLAIM: Russia controls 90% of Donetsk").
 */
export type Standing =
  | { kind: 'difference' | 'denied' | 'supposed' | 'loss' | 'remainder' | 'addition' | 'stretch' | 'reference' | 'other-time' | 'erroneous' | 'claimed' }
  /** A count of those who do `action` ("26 countries have pledged troops"): the word's stem. */
  | { kind: 'part'; action: string };

// "five years longer than the US offer", "three years short of", "10 points ahead".
const DIFFERENCE_AFTER = /^\s+(?:(?:longer|shorter|more|fewer|less|higher|lower|earlier|later|older|bigger|smaller|larger|greater)(?:\s+[\p{L}'’-]+){0,2}\s+than\b|(?:short|shy)\s+of\b|(?:ahead|behind)\b)/iu;
// "shrink by 200,000 troops", "cut the army by a third", "a cut of 200,000".
const CHANGE_BY = /\b(?:shrinks?|shrank|shrunk|shrinking|cuts?|cutting|reduced?|reduces|reducing|falls?|fell|fallen|drops?|dropped|rises?|rose|risen|grows?|grew|grown|increased?|increases|increasing|decreased?|decreases|decreasing|raised?|raises|lowered|expand(?:s|ed)?|extended|swell(?:s|ed)?|shortened|lengthened|outnumber(?:s|ed)?|up|down)(?:\s+[\p{L}'’-]+){0,3}?\s+by\s+$/iu;
const CHANGE_OF = /\b(?:cut|reduction|increase|decrease|drop|fall|rise|jump|gain|shortfall|difference|gap)\s+of\s+$/i;
// "The distance between Washington's offer and Kyiv's maximum is thus 35 years."
const GAP_BETWEEN = /\b(?:difference|gap|distance|spread|space)\s+between\b[^.;!?]{1,90}?\b(?:is|was|are|were|of|stands\s+at|comes\s+to|amounts\s+to)\s+(?:(?:thus|now|still|just|only|therefore|roughly|about|some)\s+)?$/i;
const GAP_LAST = new Set(['is', 'was', 'are', 'were', 'of', 'at', 'to', 'thus', 'now', 'still', 'just', 'only', 'therefore', 'roughly', 'about', 'some']);
// "not 20 years but 15", "rather than 20", "instead of a 20-year guarantee".
// With an article the figure is one that exists and is turned from: "not the 15 years on offer".
const DENIED_BEFORE = /(?:\bnot|\bnever|\brather\s+than|\binstead\s+of|\bno\s+longer)\s+(?:(?:just|only|even|merely|simply)\s+)?(the\s+|an?\s+)?$/i;
// "a guarantee of 10 years would be worthless": a value held up to be turned down.
const TURNED_DOWN_AFTER = /^[^.;:!?]{0,40}?\bwould\s+(?:(?:be|have\s+been|prove|seem)\s+)?(?:(?:far|much|simply|still|just)\s+)?(?:too\s+(?:short|little|few|low|brief|small)|worthless|not\s+enough|insufficient|inadequate|unacceptable|meaningless|useless|a\s+non-starter)\b/iu;
const SUPPOSITION = /\b(?:if|unless)\b/i;
// "Had Washington offered 25 years, …", "Were the offer 25 years…": a condition without "if".
const INVERTED_CONDITION = /^\s*(?:had|were|should)\s+(?:the\s+)?\p{Lu}?[\p{L}-]+\s/iu;
// "lost 5,000 soldiers", "5,000 soldiers were killed".
const LOSS_BEFORE = /\b(?:lost|lose|loses|losing|killed|kills?|wounded|injured|captured|evacuated|displaced)\s+(?:(?:an?|the|some|its|their)\s+)?$/i;
const LOSS_AFTER = /^\s+(?:(?:were|was|have\s+been|had\s+been|are)\s+)?(?:killed|dead|wounded|injured|lost|missing|captured|casualties)\b/i;
// "the last 10% of the plan", "the remaining 25%".
// A determiner makes "last" the rest of a whole: "could last at least" is a verb.
const REMAINDER_BEFORE = /\b(?:the|its|their|his|her|our|this|that|these|those)\s+(?:last|remaining|other|final)\s+$/i;
const REMAINDER_WORDS = /\b(?:rest|remaining|remainder|still)\b/i;
// "the 10% of the plan not yet agreed", "the 10 percent still open": a share said after to be the rest.
const REMAINDER_AFTER = /^(?:\s+of\s+(?:the|its|their|this|that)\s+[\p{L}-]+)?\s+(?:(?:that|which)\s+(?:is|are|remains?)\s+)?(?:not\s+yet\s+(?:agreed|settled|resolved|finali[sz]ed|done)|yet\s+to\s+be\s+(?:agreed|settled|resolved|finali[sz]ed)|still\s+(?:open|unresolved|outstanding|to\s+be\s+(?:agreed|settled|resolved))|(?:still\s+)?(?:outstanding|unresolved|left\s+(?:open|to\s+(?:agree|settle|resolve))))\b/iu;
// "another 5% of Donetsk", "a further 20,000 troops" (and "at least another two years", where the
// filler stands between the hedge and the number).
const ADDITION_BEFORE = /\b(?:another|a\s+further|an\s+additional|an\s+extra|additional|extra)\s+$/i;
const ADDITION_WORDS = /\b(?:another|more|further|additional|extra)\b/i;
// "over five years" after a noun or verb is the stretch something happens in; after "of", "for"
// or "lasting" it is a length ("a guarantee of over 15 years").
const LENGTH_BEFORE = /\b(?:of|for|lasting|lasts?|than|be|is|was|are|were|spanning|term)\s+$/i;

// "more than the 15-year term", "longer than 15 years", "beyond Washington's 15 years".
const REFERENCE_BEFORE = /\b(?:(?:longer|shorter|more|less|fewer|later|earlier)\s+than|beyond|past|exceeds?|exceeded|exceeding|surpass(?:es|ed|ing)?|outlast(?:s|ed|ing)?)\s+(?:(?:the|a|an|its|their|his|her|this|that)\s+|\p{Lu}[\p{L}-]*['’]s\s+)?$/iu;

// "26 countries have pledged troops", "4 countries will provide air cover": a count of the
// countries that do something is a part of a whole, unless the doing is what the fact counts.
const COUNTED_ACTION = /^\s+(?:(?:have|has|had|will|would|could|can|may|might|are|were|also|already|to)\s+){0,3}(pledg|commit|provid|send|sent|deploy|offer|contribut|promis|volunteer|vot|oppos|refus|declin|suppl|fund|train|donat|station|host)\p{L}*/iu;

// "held its first meeting in Paris in March 2025", "an earlier round of talks in 2025": a date of
// another of the same kind of event than the one a source dates.
const OTHER_TIME_BEFORE = /\b(?:first|earlier|previous|prior|inaugural|second|third)\s+(?:[\p{L}-]+\s+)?(?:meeting|meetings|summit|round|session|talks|call|visit|interview|report|gathering)\b[^,;:—–()]*$/iu;

// "wrongly put the offer at 10 years", "An earlier version of this story said…", "The story also
// said 35 countries…", "Last week's tracker put … at 70%, …; we have corrected it".
const ERRONEOUS_BEFORE = /\b(?:wrongly|incorrectly|mistakenly|erroneously|falsely|inaccurately)\b|\b(?:an?|the)\s+(?:earlier|previous|original|prior)\s+(?:version|draft|edition)\b|\b(?:this|the|that|our)\s+(?:story|article|report|piece|item|tracker|table|graphic|caption)\s+(?:(?:also|had|originally|first|initially)\s+)?(?:said|stated|gave|reported|put|misstated|listed|described|misreported)\b/i;
const CORRECTED = /\b(?:(?:we|which|it|this)\s+(?:have|has)\s+(?:since\s+)?(?:been\s+)?corrected|(?:has|have|was|were)\s+been\s+corrected|(?:was|were)\s+(?:incorrect|wrong|mistaken)|we\s+regret\s+the\s+error|outdated)\b/i;
const ERRONEOUS_REACH = 200;
// "…; the correct figure is 30 countries", "corrected to 15 years": the figure that replaces the error.
const CORRECTION_BEFORE = /\b(?:correct|right|actual|accurate)\s+(?:figure|number|date|year|value|count|share|total)\s+(?:is|was)\s+$|\b(?:corrected|changed|amended|updated)\s+to\s+$|\bshould\s+have\s+(?:said|read|been)\s+$|\b(?:in\s+fact|actually)\s+$/i;
// "CLAIM: …", "**Claim:** …", "Viral claim — …": the line states what is put to the test.
const CLAIM_LINE = /^[\s>*_#-]*(?:the\s+|viral\s+|false\s+)?(?:claim|claims|rumou?r|allegation|myth)[*_]*\s*[:—–]/i;

const REACH = 60;
const TAIL = 40;

// The word a "before" pattern ends with: each pattern is tried only after its last word, which
// is found by one short backward scan, so most figures cost a Set lookup per pattern.
const DENIED_LAST = new Set(['not', 'never', 'than', 'of', 'longer', 'just', 'only', 'even', 'merely', 'simply', 'the', 'a', 'an']);
const LOSS_LAST = new Set(['lost', 'lose', 'loses', 'losing', 'killed', 'kill', 'kills', 'wounded', 'injured', 'captured', 'evacuated', 'displaced', 'a', 'an', 'the', 'some', 'its', 'their']);
const REFERENCE_LAST = new Set(['than', 'beyond', 'past', 'exceed', 'exceeds', 'exceeded', 'exceeding', 'surpass', 'surpasses', 'surpassed', 'surpassing',
  'outlast', 'outlasts', 'outlasted', 'outlasting', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that']);
const REMAINDER_LAST = new Set(['last', 'remaining', 'other', 'final']);
const ADDITION_LAST = new Set(['another', 'further', 'additional', 'extra']);

/** The last word of text, lower-cased ("" when it ends in no word); possessive "'s" kept. */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 0x2019 || (c > 0xbf && LETTER.test(String.fromCharCode(c)));
const LETTER = /\p{L}/u;

/** How the figure stands, or null when it plainly states a value. */
/** `corrective`: the sentence has a word a correction or a claim is told with (Lexicon.corrections). */
export function standingOf(text: string, sentence: Span, figure: Figure, corrective = true): Standing | null {
  const start = Math.min(figure.span.start, figure.hedgeSpan?.start ?? figure.span.start);
  const told = corrective ? correctionOf(text, sentence, start) : null;
  if (told) return told;
  const before = text.slice(Math.max(sentence.start, start - REACH), start);
  const lead = text.slice(figure.hedgeSpan?.end ?? figure.span.start, figure.span.start);
  const after = text.slice(figure.span.end, Math.min(sentence.end, figure.span.end + REACH));
  const last = lastWord(before);
  // The patterns of two or three words are tried on the end of `before` only: a regex anchored at
  // the end is tried from every position of its input.
  const tail = before.slice(-TAIL);
  const denied = DENIED_LAST.has(last) ? DENIED_BEFORE.exec(tail) : null;
  if (denied) return { kind: denied[1] ? 'reference' : 'denied' };
  if (DIFFERENCE_AFTER.test(after) || (last === 'by' && CHANGE_BY.test(before)) || (last === 'of' && CHANGE_OF.test(before)) ||
    (GAP_LAST.has(last) && GAP_BETWEEN.test(text.slice(Math.max(sentence.start, start - 2 * REACH), start)))) return { kind: 'difference' };
  if ((LOSS_LAST.has(last) && LOSS_BEFORE.test(tail)) || LOSS_AFTER.test(after)) return { kind: 'loss' };
  if ((after.includes('would') && TURNED_DOWN_AFTER.test(after)) || (SUPPOSITION.test(before) && SUPPOSITION.test(clauseOf(before))) ||
    INVERTED_CONDITION.test(text.slice(sentence.start, start))) return { kind: 'supposed' };
  if (figure.hedgeSpan && /^over$/i.test(text.slice(figure.hedgeSpan.start, figure.hedgeSpan.end)) && isTimeUnit(figure.unit) && !LENGTH_BEFORE.test(before)) return { kind: 'stretch' };
  if ((REFERENCE_LAST.has(last) || /['’]s$/.test(last)) && REFERENCE_BEFORE.test(tail)) return { kind: 'reference' };
  if (figure.unit && sameUnit(figure.unit, 'country')) {
    const action = COUNTED_ACTION.exec(after);
    if (action) return { kind: 'part', action: action[1]!.toLowerCase() };
  }
  if ((figure.value.kind === 'date' || figure.value.kind === 'year') && OTHER_TIME_BEFORE.test(before)) return { kind: 'other-time' };
  if ((REMAINDER_LAST.has(last) && REMAINDER_BEFORE.test(tail)) || (figure.value.kind === 'percent' && REMAINDER_AFTER.test(after))) return { kind: 'remainder' };
  if ((ADDITION_LAST.has(last) && ADDITION_BEFORE.test(tail)) || ADDITION_WORDS.test(lead)) return { kind: 'addition' };
  return null;
}

/** A figure a correction says was wrong, or one a fact check puts to the test. */
function correctionOf(text: string, sentence: Span, start: number): Standing | null {
  const from = Math.max(sentence.start, start - ERRONEOUS_REACH);
  const before = text.slice(from, start);
  if (CORRECTION_BEFORE.test(before.slice(-40))) return null;
  // The error is told in its own clause: "…said 35 countries took part; the correct figure is 30".
  if (ERRONEOUS_BEFORE.test(before.slice(before.lastIndexOf(';') + 1))) return { kind: 'erroneous' };
  if (CORRECTED.test(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 4 * ERRONEOUS_REACH)))) return { kind: 'erroneous' };
  let line = start;
  while (line > from && text.charCodeAt(line - 1) !== 10 && text.charCodeAt(line - 1) !== 13) line--;
  if (line === from && from > 0 && text.charCodeAt(from - 1) !== 10 && text.charCodeAt(from - 1) !== 13) return null;
  return CLAIM_LINE.test(text.slice(line, Math.min(start, line + 40))) ? { kind: 'claimed' } : null;
}

/** The end of `before` after its last clause mark: the figure's clause, as far as it is read. */
function clauseOf(before: string): string {
  let from = before.length;
  while (from > 0 && !isClauseMark(before.charCodeAt(from - 1))) from--;
  return before.slice(from);
}

/**
 * The candidates a figure so standing may still state: a remainder only a fact that is itself
 * the rest of a whole ("25% of Donetsk still held by Ukraine"), an addition only a fact that is
 * one ("at least another two years"), a reference all (it is judged as nobody's); the others none.
 */
export function stillStated(standing: Standing, candidates: Fact[]): Fact[] {
  if (standing.kind === 'remainder') return candidates.filter((f) => REMAINDER_WORDS.test(f.statement));
  if (standing.kind === 'addition') return candidates.filter((f) => ADDITION_WORDS.test(f.statement));
  if (standing.kind === 'reference') return candidates;
  if (standing.kind === 'part') {
    const action = standing.action;
    return candidates.filter((f) => f.statement.toLowerCase().includes(action) || f.quote.text.toLowerCase().includes(action));
  }
  return [];
}
