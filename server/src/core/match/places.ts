import type { Fact, FactBase, Figure, Span } from '../types';

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

const CLAUSE_MARK = /[,;:—–()]/;
// How far a clause is read each way: a stretch without punctuation longer than this is no clause.
const CLAUSE_REACH = 200;
const CAPITALISED = /\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+)?\p{Lu}[\p{L}'’-]*)*/gu;

/** The countries named in the clause around a figure, lower-cased. */
function countriesAround(text: string, sentence: Span, figure: Figure): string[] {
  const from = Math.max(sentence.start, figure.span.start - CLAUSE_REACH);
  const to = Math.min(sentence.end, figure.span.end + CLAUSE_REACH);
  let start = figure.span.start;
  while (start > from && !CLAUSE_MARK.test(text[start - 1]!)) start--;
  let end = figure.span.end;
  while (end < to && !CLAUSE_MARK.test(text[end]!)) end++;
  const clause = text.slice(start, end);
  const names = countryNames();
  const out: string[] = [];
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(clause); m; m = CAPITALISED.exec(clause)) {
    const run = words(m[0].replace(/['’]s$/, '')).trim();
    if (names.has(run)) { out.push(run); continue; }
    for (const word of run.split(/\s+/)) if (names.has(word)) out.push(word);
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
