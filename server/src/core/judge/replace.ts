import { baseUnitFold, formatNumber, formatOrdinal } from '../extract';
import type { Fact, FactBase, Figure, FigureForm, Hedge, Replacement, WrongKind } from '../types';
import type { Claim } from '../match/match';
import { SLASH_DATE } from '../extract/dates';
import { partyName, STANCE_VERB } from './message';
import { unitScale } from '../match/units';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// Vague quantities, written back the way the sources put them.
const VAGUE: Array<[number, number, string]> = [[2, 5, 'a few'], [3, 9, 'several'], [24, 99, 'dozens'], [200, 999, 'hundreds'], [2000, 9999, 'thousands'], [20000, 99999, 'tens of thousands']];

const MAX_REPLACEMENTS = 3;
const DIRECTION_WORDS: Partial<Record<Hedge, string>> = {
  'at-least': 'at least', 'more-than': 'more than', 'as-soon-as': 'as soon as', 'up-to': 'up to', 'less-than': 'less than',
};

function valueText(f: Figure): string {
  return f.text.slice(f.valueSpan.start - f.span.start, f.valueSpan.end - f.span.start);
}

const capitalizeLike = (s: string, like: string) => (/^\p{Lu}/u.test(like) ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/** Rewrites the date's components in place, so "Dec. 16, 2025" stays in the draft's format. */
function rewriteDate(text: string, year?: number, month?: number, day?: number): string {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (iso) {
    // "2026-01-25": fields by position, not by the name-based rules below.
    const pad = (n: number) => String(n).padStart(2, '0');
    return [year ?? iso[1], month !== undefined ? pad(month) : iso[2], iso[3] === undefined ? undefined : day !== undefined ? pad(day) : iso[3]]
      .filter((x) => x !== undefined).join('-');
  }
  const slash = SLASH_DATE.exec(text);
  if (slash) {
    // "1/29/2026" or "29/01/2026": the order is the one the figure was read in (a part over 12 is
    // the day); "12/12/2026" shows none, so it is not rewritten in place.
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    if (a === b) return text;
    const dayFirst = a > 12;
    const put = (was: string, n: number | undefined) => (n === undefined ? was : String(n).padStart(was.length, '0'));
    const [d, m] = dayFirst ? [slash[1]!, slash[2]!] : [slash[2]!, slash[1]!];
    const parts = [put(d, day), put(m, month)];
    return `${dayFirst ? parts.join('/') : [parts[1], parts[0]].join('/')}/${year ?? slash[3]}`;
  }
  let out = text;
  if (year !== undefined) out = out.replace(/\b\d{4}\b/, String(year));
  if (month !== undefined) {
    out = out.replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)([a-z]*)(\.?)/i, (_m, abbr: string, rest: string, dot: string) => {
      const name = MONTHS[month - 1]!;
      return rest.length ? name : name.slice(0, abbr.length === 4 && name.length > 4 ? 4 : 3) + dot;
    });
  }
  if (day !== undefined) {
    // "the twenty-third of December", as a script says it: the day in words again.
    if (!/\d/.test(out)) out = out.replace(SPOKEN_DAY, (m) => capitalizeLike(formatOrdinal(day, { numeral: 'words', compound: false }), m));
    else out = out.replace(/\b(\d{1,2})(st|nd|rd|th)?\b(?!\d)/, (_m, _d: string, suffix?: string) => (suffix ? formatOrdinal(day, { numeral: 'digits', compound: false }) : String(day)));
  }
  return out;
}

const SPOKEN_DAY = /\b(?:(?:twenty|thirty)[-\u2010\u2011 ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b/i;

function numberText(figure: Figure, n: number): string {
  return capitalizeLike(formatNumber(n, styleFor(figure.form, n)), valueText(figure));
}

/**
 * The draft's style, except that numbers from 10 up are written in digits, as wire style has it:
 * "two decades" becomes "15 years", "half a million" becomes "200,000", "three" becomes "two".
 */
function styleFor(form: FigureForm, n: number): FigureForm {
  if (form.numeral !== 'words' || Math.abs(n) < 10) return form;
  // A unit folded into the value is written in its base unit, or "two decades" would become a bare "15".
  return { ...form, numeral: 'digits', multiplier: baseUnitFold(form.multiplier), thousandsSeparator: form.thousandsSeparator || ',' };
}

/** The fact's value written in the figure's style; null when it cannot be said in place. */
function styled(figure: Figure, fact: Fact): string | null {
  const v = fact.value, old = valueText(figure);
  switch (v.kind) {
    case 'date': case 'year': {
      const year = v.kind === 'year' ? v.n : v.year;
      if (figure.value.kind === 'year' || figure.value.kind === 'decade') return year === undefined ? null : String(year);
      if (figure.value.kind !== 'date') return null;
      return rewriteDate(old, figure.value.year !== undefined ? year : undefined, figure.value.month !== undefined && v.kind === 'date' ? v.month : undefined,
        figure.value.day !== undefined && v.kind === 'date' ? v.day : undefined);
    }
    case 'ordinal': return capitalizeLike(formatOrdinal(v.n, figure.form), old);
    case 'percent': {
      // formatNumber writes the draft's percent style ("%", " percent") itself.
      if (figure.form.percentStyle) return formatNumber(v.n, { ...figure.form, numeral: 'digits' });
      // "95-percent", "95-per-cent": the number is the value, the word after it stays.
      if (figure.form.compound && figure.value.kind === 'percent') return String(v.n);
      return `${v.n}%`;
    }
    case 'number': return numberText(figure, v.n);
    case 'set': {
      // Written as the source lists it ("30, 40, 50"), so the fix reads as the quote does.
      return capitalizeLike(v.values.map((n) => formatNumber(n, styleFor(figure.form, n))).join(', '), old);
    }
    case 'range': {
      const word = VAGUE.find(([a, b]) => a === v.min && b === v.max)?.[2];
      return capitalizeLike(word ?? `${formatNumber(v.min, figure.form)} to ${formatNumber(v.max, figure.form)}`, old);
    }
    case 'decade': return `${v.start}s`;
  }
}

const singular = (n: number | undefined) => n === 1;
const firstNumber = (f: Figure | Fact['value']): number | undefined => {
  const v = 'value' in f ? f.value : f;
  return v.kind === 'number' || v.kind === 'percent' || v.kind === 'ordinal' ? v.n : undefined;
};

/** One edit for one fact: the figure's value, widened to its unit only when "days" must become "day". */
function replacementFor(claim: Claim, fact: Fact, preferred: boolean): Replacement | null {
  const figure = claim.figure;
  const text = styled(figure, fact);
  if (text === null) return null;
  let span = figure.valueSpan, newText = text;
  const hedgeNow = figure.hedgeSpan && figure.hedge !== fact.qualifier && fact.qualifier && DIRECTION_WORDS[fact.qualifier];
  // Only a bound said before the figure is rewritten with it; "20 years or more" keeps its words.
  if (hedgeNow && figure.hedgeSpan && figure.hedgeSpan.end <= figure.span.start && figure.hedge && DIRECTION_WORDS[figure.hedge]) {
    // "up to 20 years" against "at least 20 years": the bound is what is wrong.
    span = { start: figure.hedgeSpan.start, end: figure.valueSpan.end };
    newText = `${hedgeNow} ${text}`;
    return { title: `Replace with the sourced figure: ${newText} (${fact.statement})`, span, newText, fact, preferred };
  }
  const unitText = figure.text.slice(figure.valueSpan.end - figure.span.start);
  if (figure.unit && fact.unit && figure.unit !== fact.unit && (unitScale(figure.unit, fact.unit) ?? 1) !== 1) {
    // "18 months" against "two years": the unit is rewritten with the number.
    const word = singular(firstNumber(fact.value)) || figure.form.compound ? fact.unit : `${fact.unit}s`;
    return { title: `Replace with the sourced figure: ${text} ${word} (${fact.statement})`, span: figure.span, newText: `${text}${figure.form.compound ? '-' : ' '}${word}`, fact, preferred };
  }
  if (!figure.form.compound && /^\s+\p{L}+$/u.test(unitText) && singular(firstNumber(figure)) !== singular(firstNumber(fact.value))) {
    const word = unitText.trim();
    const unit = singular(firstNumber(fact.value)) ? word.replace(/(?<=[^s])s$/, '') : /s$/.test(word) ? word : `${word}s`;
    span = figure.span;
    newText = `${text} ${unit}`;
  }
  if (newText === valueText(figure) && span === figure.valueSpan) return null;
  return { title: `Replace with the sourced figure: ${newText} (${fact.statement})`, span, newText, fact, preferred };
}

function attributionFor(base: FactBase, claim: Claim, fact: Fact): Replacement | null {
  if (!fact.party || !fact.stance) return null;
  const who = partyName(base, fact.party);
  const text = valueText(claim.figure);
  const newText = `${text} (as ${who} ${STANCE_VERB[fact.stance]})`;
  return { title: `Attribute to the source: ${text} is what ${who} ${STANCE_VERB[fact.stance]}`, span: claim.figure.valueSpan, newText, fact, preferred: true };
}

/**
 * "2026-01-06" or "6 January 2026" keep the draft's format; a reporter copying from the source
 * may want its form too ("January 6, 2026"). So may one whose draft gives a day without its year
 * ("on 5 January"): the sourced date is offered whole, as the second choice.
 */
function sourceFormDate(claim: Claim, fact: Fact): Replacement | null {
  const f = claim.figure.value, v = fact.value;
  if (f.kind !== 'date' || v.kind !== 'date' || v.year === undefined || v.month === undefined) return null;
  // Only a date whose day is in digits: "the seventh of January" would become "the January 6, 2026".
  if (f.year === undefined && (f.day === undefined || v.day === undefined || !/\d/.test(valueText(claim.figure)))) return null;
  const day = f.day !== undefined ? v.day : undefined;
  const newText = `${MONTHS[v.month - 1]}${day !== undefined ? ` ${day},` : ''} ${v.year}`;
  return { title: `Replace with the date as the sources write it: ${newText} (${fact.statement})`, span: claim.figure.valueSpan, newText, fact, preferred: false };
}

export function replacementsFor(base: FactBase, claim: Claim, kind: WrongKind, ranked: Fact[]): Replacement[] {
  if (kind === 'wrong-attribution') {
    const r = attributionFor(base, claim, ranked[0]!);
    return r ? [r] : [];
  }
  const out: Replacement[] = [];
  for (const fact of ranked) {
    for (const r of [replacementFor(claim, fact, out.length === 0), sourceFormDate(claim, fact)]) {
      if (r && out.length < MAX_REPLACEMENTS && r.newText !== valueText(claim.figure) && !out.some((o) => o.newText === r.newText)) out.push(r);
    }
    if (out.length === MAX_REPLACEMENTS) break;
  }
  return out;
}
