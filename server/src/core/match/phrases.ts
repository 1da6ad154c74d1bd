/**
 * Finds every occurrence of a set of phrases in prose: whole words, case-insensitive, any run of
 * whitespace between words, curly and straight apostrophes alike, plural and inflected forms of
 * the last word included. Phrases are looked up word by word in hash tables, so the cost is linear
 * in the text and does not grow with the number of phrases: one RegExp alternation of all aliases
 * (the first design) took 0.4 s per 250 words with 14,000 aliases and could not be compiled with
 * 120,000 (bench/, issue 6).
 */
export interface PhraseHit<K> {
  start: number;
  end: number;
  /** Everything the phrase (or a shorter phrase it begins with) stands for. */
  keys: K[];
  phrase: string;
}

/**
 * A text cut into atoms: maximal runs of letters and digits, and single other non-space
 * characters. `gap[i]` says whether whitespace separates atom i from atom i - 1, because
 * "U.S." and "U. S." are different spellings but "security  guarantee" and "security\nguarantee"
 * are the same phrase.
 */
interface Atoms {
  text: string;
  starts: number[];
  ends: number[];
  /** Lower-cased, apostrophes straightened. */
  norms: string[];
  gap: boolean[];
}

const ATOM = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHES = /[’‘]/g;

const normAtom = (s: string) => s.toLowerCase().replace(APOSTROPHES, '\'');

function atomize(text: string): Atoms {
  const starts: number[] = [], ends: number[] = [], norms: string[] = [], gap: boolean[] = [];
  let prevEnd = -1;
  ATOM.lastIndex = 0;
  for (let m = ATOM.exec(text); m; m = ATOM.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    norms.push(normAtom(m[0]));
    gap.push(prevEnd >= 0 && m.index > prevEnd);
    prevEnd = m.index + m[0].length;
  }
  return { text, starts, ends, norms, gap };
}

// The four matchers of a lexicon all read the same text in one check: cut it once.
let lastAtoms: Atoms | undefined;
function atomsOf(text: string): Atoms {
  if (lastAtoms?.text !== text) lastAtoms = atomize(text);
  return lastAtoms;
}

/** The phrase's atoms joined as the text's would be: one space where whitespace was. */
function phraseKey(phrase: string): string {
  const a = atomize(phrase);
  let key = '';
  for (let i = 0; i < a.norms.length; i++) key += (a.gap[i] ? ' ' : '') + a.norms[i];
  return key;
}

/**
 * The forms a phrase's last word may take in prose: "guarantees", "offered", "offering",
 * "proposing". Words shorter than three letters are not inflected, so "uses" is not "US".
 */
function baseForms(word: string): string[] {
  const out = [word];
  const strip = (suffix: string, add = '') => {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length) + add);
  };
  strip('s'); strip('es'); strip('d'); strip('ed'); strip('ing'); strip('ing', 'e');
  return out;
}

/** Whether one of the last few hits (the only ones that can contain this one) already names it. */
function containedInRecent<K>(out: Array<PhraseHit<K>>, hit: PhraseHit<K>): boolean {
  for (let i = out.length - 1; i >= 0 && i >= out.length - 4; i--) {
    const o = out[i]!;
    if (o.end >= hit.end && hit.keys.every((k) => o.keys.includes(k))) return true;
  }
  return false;
}

const isBreak = (c: string) => c === ' ' || c === '-' || c === '\'' || c === '.';

export class PhraseMatcher<K> {
  private readonly keysByPhrase = new Map<string, K[]>();
  /** Every phrase key cut after one of its atoms: where a walk through the text may go on. */
  private readonly prefixes = new Set<string>();
  /** First atoms of the phrases, and the inflected forms of one-word phrases. */
  private readonly firsts = new Set<string>();

  constructor(entries: Iterable<[phrase: string, key: K]>) {
    for (const [phrase, key] of entries) {
      const p = phraseKey(phrase);
      if (!p) continue;
      const keys = this.keysByPhrase.get(p);
      if (!keys) this.keysByPhrase.set(p, [key]);
      else if (!keys.includes(key)) keys.push(key);
    }
    // A phrase also stands for the shorter phrases it starts with ("EU officials" names the EU
    // too), because at each position only the longest phrase is reported.
    for (const [long, keys] of this.keysByPhrase) {
      for (let i = 1; i < long.length; i++) {
        if (!isBreak(long[i]!)) continue;
        const shorter = this.keysByPhrase.get(long.slice(0, i));
        if (shorter) for (const k of shorter) if (!keys.includes(k)) keys.push(k);
      }
    }
    for (const p of this.keysByPhrase.keys()) {
      const a = atomize(p);
      let key = '';
      for (let i = 0; i < a.norms.length; i++) {
        key += (a.gap[i] ? ' ' : '') + a.norms[i];
        this.prefixes.add(key);
      }
      const first = a.norms[0]!;
      this.firsts.add(first);
      // The inverse of baseForms, so that a word of the text is tested with one lookup.
      if (a.norms.length === 1 && first.length >= 3) {
        for (const suffix of ['s', 'es', 'd', 'ed', 'ing']) this.firsts.add(first + suffix);
        if (first.endsWith('e')) this.firsts.add(`${first.slice(0, -1)}ing`);
      }
    }
  }

  /** Every hit in text[start, end), in order. */
  find(text: string, start = 0, end = text.length): Array<PhraseHit<K>> {
    const out: Array<PhraseHit<K>> = [];
    if (!this.keysByPhrase.size) return out;
    const a = atomsOf(text);
    const n = a.norms.length;
    for (let i = lowerBound(a.starts, start); i < n && a.starts[i]! < end; i++) {
      if (!this.firsts.has(a.norms[i]!)) continue;
      // A phrase begins a word: not right after a letter or digit ("SAU.S." holds no "U.S.").
      const before = a.starts[i]! > 0 ? text[a.starts[i]! - 1]! : '';
      if (before && LETTER_OR_DIGIT.test(before)) continue;
      const hit = this.longestAt(a, i, end);
      if (hit && !containedInRecent(out, hit)) out.push(hit);
    }
    return out;
  }


  /** The longest phrase that starts at atom i and ends before `limit`, with its keys. */
  private longestAt(a: Atoms, i: number, limit: number): PhraseHit<K> | null {
    let prefix = '';
    let best: { j: number; keys: K[] } | null = null;
    for (let j = i; j < a.norms.length && a.ends[j]! <= limit; j++) {
      if (j > i && a.gap[j]) prefix += ' ';
      const word = a.norms[j]!;
      // The last word may be inflected; a phrase never ends inside a word, and atoms are whole
      // words, so the atom's end is a word boundary.
      const keys = this.lookupEndingWith(prefix, word);
      if (keys) best = { j, keys };
      prefix += word;
      if (!this.prefixes.has(prefix)) break;
    }
    if (!best) return null;
    const from = a.starts[i]!;
    let to = a.ends[best.j]!;
    // "the Donetsk region's": the possessive belongs to the hit, the matcher reads it.
    const k = best.j;
    if (k + 2 < a.norms.length && a.norms[k + 1] === '\'' && a.norms[k + 2] === 's' && !a.gap[k + 1] && !a.gap[k + 2] && a.ends[k + 2]! <= limit) {
      to = a.ends[k + 2]!;
    }
    return { start: from, end: to, keys: best.keys, phrase: a.text.slice(from, to) };
  }

  private lookupEndingWith(prefix: string, word: string): K[] | undefined {
    let keys: K[] | undefined;
    for (const form of baseForms(word)) {
      const more = this.keysByPhrase.get(prefix + form);
      if (!more) continue;
      // "security guarantees" is both a phrase of its own and the plural of "security
      // guarantee": it stands for the keys of every form it can be read as.
      keys = keys ? [...keys, ...more.filter((k) => !keys!.includes(k))] : more;
    }
    return keys;
  }
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
