import type { Fact, FactBase, Figure, Span } from '../types';
import { isClauseMark } from './segment';

// "Russia invaded Georgia in 2008, six years before it seized Crimea": a date in a clause that
// names a country the sources never mention is the date of something that happened there. The
// country names come from the platform (Intl.DisplayNames, in browsers and Node alike), not
// from a list kept here.

/** Lower-cased words between single spaces, with a space at each end, for whole-word lookups. */
const words = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

// A table of the platform's, computed once: the same in every fact base.
let countries: ReadonlySet<string> | null = null;

/** Country and region names in English, lower-cased. Empty where the platform has no region names. */
export function countryNames(): ReadonlySet<string> {
  if (countries) return countries;
  const out = new Set<string>();
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const name = names.of(String.fromCharCode(a, b));
        if (name && !/unknown/i.test(name)) out.add(words(name).trim());
      }
    }
  } catch {
    // No region data in this runtime: no date is set aside for naming a country.
  }
  countries = out;
  return out;
}

const mentions = new WeakMap<FactBase, string>();

/**
 * Everything the base's records say, lower-cased: quotes, statements, names. A country any of
 * them names is part of the story ("a peace agreement with Russia" beside a Reuters date); one
 * none names ("Georgia", "Croatia") is somewhere else.
 */
function mentioned(base: FactBase): string {
  let text = mentions.get(base);
  if (text === undefined) {
    const parts: string[] = [];
    for (const e of base.entities.values()) parts.push(e.name, ...e.aliases);
    for (const f of base.facts) {
      parts.push(f.quote.text, f.statement, f.occasion ?? '', ...f.alsoIn.map((q) => q.text), ...f.conflicts.map((q) => q.text), ...f.context.flat());
    }
    text = words(parts.join(' '));
    mentions.set(base, text);
  }
  return text;
}

// How far a clause is read each way: a stretch without punctuation longer than this is no clause.
const CLAUSE_REACH = 120;
const CAPITALISED = /\p{Lu}[\p{L}'’-]*/gu;

// Names of more than one word, by their first word: "united" -> ["united kingdom", "united states", …].
let longNames: ReadonlyMap<string, string[]> | null = null;
function namesByFirstWord(): ReadonlyMap<string, string[]> {
  if (longNames) return longNames;
  const out = new Map<string, string[]>();
  for (const name of countryNames()) {
    const space = name.indexOf(' ');
    if (space < 0) continue;
    const first = name.slice(0, space);
    out.set(first, [...(out.get(first) ?? []), name]);
  }
  longNames = out;
  return out;
}

/** The countries named in the clause around a figure, lower-cased. */
function countriesAround(text: string, sentence: Span, figure: Figure): string[] {
  const from = Math.max(sentence.start, figure.span.start - CLAUSE_REACH);
  const to = Math.min(sentence.end, figure.span.end + CLAUSE_REACH);
  let start = figure.span.start;
  while (start > from && !isClauseMark(text.charCodeAt(start - 1))) start--;
  let end = figure.span.end;
  while (end < to && !isClauseMark(text.charCodeAt(end))) end++;
  const clause = text.slice(start, end);
  const names = countryNames();
  const out: string[] = [];
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(clause); m; m = CAPITALISED.exec(clause)) {
    const word = m[0].replace(/['’]s$/, '').toLowerCase();
    const longer = namesByFirstWord().get(word);
    const rest = longer ? words(clause.slice(m.index, m.index + 60)) : '';
    const long = longer?.find((name) => rest.startsWith(` ${name} `));
    if (long) { out.push(long); CAPITALISED.lastIndex = m.index + long.length; continue; }
    if (names.has(word)) out.push(word);
  }
  return out;
}

/** The candidates of a dated figure, unless its clause names a country no record of the base mentions. */
export function sameCountries(base: FactBase, text: string, sentence: Span, figure: Figure, candidates: Fact[]): Fact[] {
  const kind = figure.value.kind;
  if (kind !== 'date' && kind !== 'year' && kind !== 'decade') return candidates;
  const named = countriesAround(text, sentence, figure);
  if (!named.length) return candidates;
  const known = mentioned(base);
  return named.every((c) => known.includes(` ${c} `)) ? candidates : [];
}
