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
export interface Atoms {
  text: string;
  starts: number[];
  ends: number[];
  /** Lower-cased, apostrophes straightened. */
  norms: string[];
  gap: boolean[];
  /**
   * Where each word starts, for counting words between a name and a figure: a word is a letter
   * or digit and what follows it of letters, digits and apostrophes ("region's" is one word).
   */
  wordStarts: number[];
  /** Atoms a blank line stands before: no phrase runs across one, as no figure or sentence does. */
  paragraphStarts: number[];
}

const isApostropheCode = (c: number) => c === 39 || c === 0x2019;

/** Whether the letters at `at` continue a word through apostrophes ("region" + "'" + "s"). */
function continuesWord(text: string, at: number): boolean {
  let i = at - 1;
  if (i < 0 || !isApostropheCode(text.charCodeAt(i))) return false;
  while (i >= 0 && isApostropheCode(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  // A letter outside the BMP ends in a low surrogate: test the whole pair.
  const c = text.charCodeAt(i), h = text.charCodeAt(i - 1);
  const pair = c >= 0xdc00 && c <= 0xdfff && h >= 0xd800 && h <= 0xdbff;
  return LETTER_OR_DIGIT.test(pair ? text.slice(i - 1, i + 1) : text[i]!);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/uy;
const SPACE_CHAR = /\s/y;

/**
 * Cuts text into atoms in one pass over its char codes: ASCII (nearly all of English prose) is
 * classified by comparison, other characters by a sticky Unicode test at their position. The
 * RegExp this replaces, /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu, spent a fifth of a 1 MB check.
 */
export function atomize(text: string): Atoms {
  const starts: number[] = [], ends: number[] = [], norms: string[] = [], gap: boolean[] = [], wordStarts: number[] = [];
  const paragraphStarts: number[] = [];
  const n = text.length;
  let prevEnd = -1;
  let i = 0;
  // A blank line is a line break, spaces or tabs, and a line break (CRLF being one), as
  // incremental.ts cuts chunks.
  let lineBreak = false, blankLine = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { if (lineBreak) blankLine = true; lineBreak = true; }
        else if (c !== 32 && c !== 9 && c !== 13) lineBreak = false;
        i++;
        continue;
      }
      word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) { const d = text.charCodeAt(i + 1); if (d >= 0xdc00 && d <= 0xdfff) width = 2; }
      SPACE_CHAR.lastIndex = i;
      if (SPACE_CHAR.test(text)) { lineBreak = false; i += width; continue; }
      WORD_CHAR.lastIndex = i;
      word = WORD_CHAR.test(text);
    }
    const start = i;
    if (!word) {
      i += width;
      const s = width === 1 ? text[start]! : text.slice(start, i);
      norms.push(s === '’' || s === '‘' ? '\'' : s.toLowerCase());
    } else {
      // Runs of ASCII lower case and digits are their own norm; anything else is lowered.
      let plain = c < 128 && (c < 65 || c > 90);
      i += width;
      for (;;) {
        if (i >= n) break;
        const d = text.charCodeAt(i);
        if (d < 128) {
          if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) { i++; continue; }
          if (d >= 65 && d <= 90) { plain = false; i++; continue; }
          break;
        }
        let w = 1;
        if (d >= 0xd800 && d <= 0xdbff && i + 1 < n) { const e = text.charCodeAt(i + 1); if (e >= 0xdc00 && e <= 0xdfff) w = 2; }
        WORD_CHAR.lastIndex = i;
        if (!WORD_CHAR.test(text)) break;
        plain = false;
        i += w;
      }
      const s = text.slice(start, i);
      norms.push(plain ? s : s.toLowerCase());
      if (!continuesWord(text, start)) wordStarts.push(start);
    }
    if (blankLine && starts.length) paragraphStarts.push(starts.length);
    lineBreak = blankLine = false;
    starts.push(start);
    ends.push(i);
    gap.push(prevEnd >= 0 && start > prevEnd);
    prevEnd = i;
  }
  return { text, starts, ends, norms, gap, wordStarts, paragraphStarts };
}

// The four matchers of a lexicon all read the same text in one check: cut it once.
let lastAtoms: Atoms | undefined;
export function atomsOf(text: string): Atoms {
  if (lastAtoms?.text !== text) lastAtoms = atomize(text);
  return lastAtoms;
}

/**
 * The stems a word of the text may be an inflected form of (put into STEMS; their number is
 * returned), for phrases whose last word is that stem ("guarantees", "offered", "offering",
 * "proposing"). Only stems of three letters or more, so "uses" is not "US"; s, d and g end every
 * form stripped here. Forms are stripped at lookup
 * rather than stored: 100,000 facts' aliases would otherwise take five entries each.
 */
function stemsOf(word: string): number {
  // Written out, with no closure or array per call: the phrase walk asks this of most words.
  const n = word.length;
  if (n < 4) return 0;
  const last = word.charCodeAt(n - 1);
  let k = 0;
  if (last === 115 || last === 100) { // -s, -es; -d, -ed
    STEMS[k++] = word.slice(0, -1);
    if (word.charCodeAt(n - 2) === 101 && n >= 5) STEMS[k++] = word.slice(0, -2);
  } else if (last === 103 && word.endsWith('ing')) {
    const s = word.slice(0, -3);
    if (s.length >= 3) STEMS[k++] = s;
    if (s.length >= 2) STEMS[k++] = `${s}e`;
  }
  return k;
}

/** Where stemsOf puts the stems of the last word it was asked about (at most two). */
const STEMS: string[] = ['', ''];

/** The keys of the phrases a word of the text may end: the word itself or one of its stems. */
function endingKeys<K>(ends: Map<string, K[]> | null, word: string): K[] | undefined {
  if (!ends) return undefined;
  let keys = ends.get(word);
  const n = stemsOf(word);
  for (let i = 0; i < n; i++) {
    const more = ends.get(STEMS[i]!);
    if (more) keys = keys ? union(keys, more) : more;
  }
  return keys;
}

/** Whether one of the last few hits (the only ones that can contain this one) already names it. */
function containedInRecent<K>(out: Array<PhraseHit<K>>, hit: PhraseHit<K>): boolean {
  for (let i = out.length - 1; i >= 0 && i >= out.length - 4; i--) {
    const o = out[i]!;
    if (o.end >= hit.end && hit.keys.every((k) => o.keys.includes(k))) return true;
  }
  return false;
}

/**
 * One word of a phrase trie. Edges are split by whether whitespace precedes the next atom, and
 * a phrase's last word is looked up in `ends`, which also holds its inflected forms, so a walk
 * costs one hash lookup per word of the text (atoms' hashes are cached by the engine, and the
 * four matchers of a lexicon read the same atoms).
 */
interface TrieNode<K> {
  spaced: Map<string, TrieNode<K>> | null;
  joined: Map<string, TrieNode<K>> | null;
  endsSpaced: Map<string, K[]> | null;
  endsJoined: Map<string, K[]> | null;
}

const newNode = <K>(): TrieNode<K> => ({ spaced: null, joined: null, endsSpaced: null, endsJoined: null });

function addKey<K>(map: Map<string, K[]>, word: string, key: K): void {
  const have = map.get(word);
  if (!have) map.set(word, [key]);
  else if (!have.includes(key)) have.push(key);
}

/** `a` followed by what `b` adds; `a` itself when `b` adds nothing (arrays are shared, never mutated). */
function union<K>(a: K[], b: readonly K[]): K[] {
  let out = a;
  for (const k of b) if (!out.includes(k)) { if (out === a) out = [...a]; out.push(k); }
  return out;
}

export class PhraseMatcher<K> {
  private readonly root: TrieNode<K> = newNode();
  private readonly size: number;

  constructor(entries: Iterable<[phrase: string, key: K]>) {
    let size = 0;
    for (const [phrase, key] of entries) {
      const a = atomize(phrase);
      if (!a.norms.length) continue;
      this.insert(a, key);
      size++;
    }
    this.size = size;
  }

  private insert(a: Atoms, key: K): void {
    let node = this.root;
    const last = a.norms.length - 1;
    for (let i = 0; i < last; i++) {
      const joined = i > 0 && !a.gap[i];
      let edges = joined ? node.joined : node.spaced;
      if (!edges) { edges = new Map(); if (joined) node.joined = edges; else node.spaced = edges; }
      let next = edges.get(a.norms[i]!);
      if (!next) { next = newNode(); edges.set(a.norms[i]!, next); }
      node = next;
    }
    const joined = last > 0 && !a.gap[last];
    let ends = joined ? node.endsJoined : node.endsSpaced;
    if (!ends) { ends = new Map(); if (joined) node.endsJoined = ends; else node.endsSpaced = ends; }
    addKey(ends, a.norms[last]!, key);
  }

  private scanner: PhraseScanner<[PhraseMatcher<K>]> | undefined;

  /** Every hit in text[start, end), in order. */
  find(text: string, start = 0, end = text.length): Array<PhraseHit<K>> {
    if (!this.size) return [];
    this.scanner ??= new PhraseScanner([this]);
    return this.scanner.find(text, start, end)[0];
  }

  /** The words a phrase may begin with, and the single words a phrase may be (inflectable). */
  firstWords(): { edges: Iterable<string>; ends: Iterable<string> } {
    return { edges: this.root.spaced?.keys() ?? [], ends: this.root.endsSpaced?.keys() ?? [] };
  }

  /** The longest phrase that starts at atom i and ends before `limit`, with its keys. */
  longestAt(a: Atoms, i: number, limit: number): PhraseHit<K> | null {
    let node: TrieNode<K> | undefined = this.root;
    let bestJ = -1;
    let bestKeys: K[] | undefined;
    // A phrase also stands for the shorter phrases it starts with, up to a space, hyphen,
    // apostrophe or full stop ("EU officials" names the EU too), because only the longest phrase
    // at a position is reported: the keys of shorter ones met on the way are carried along.
    let shorter: K[] | undefined;
    let previous: K[] | undefined;
    for (let j = i; node && j < a.norms.length && a.ends[j]! <= limit; j++) {
      const joined = j > i && !a.gap[j];
      const word = a.norms[j]!;
      if (previous && (!joined || word === '-' || word === '\'' || word === '.')) shorter = shorter ? union(shorter, previous) : previous;
      // Atoms are whole words, so a phrase that ends here ends at a word boundary.
      // "security guarantees" is both a phrase of its own and the plural of "security
      // guarantee": it stands for the keys of every phrase it can be read as.
      const keys = endingKeys(joined ? node.endsJoined : node.endsSpaced, word);
      if (keys) { bestJ = j; bestKeys = shorter ? union(keys, shorter) : keys; }
      previous = keys;
      node = (joined ? node.joined : node.spaced)?.get(word);
    }
    if (!bestKeys) return null;
    const from = a.starts[i]!;
    let to = a.ends[bestJ]!;
    // "the Donetsk region's": the possessive belongs to the hit, the matcher reads it.
    const k = bestJ;
    if (k + 2 < a.norms.length && a.norms[k + 1] === '\'' && a.norms[k + 2] === 's' && !a.gap[k + 1] && !a.gap[k + 2] && a.ends[k + 2]! <= limit) {
      to = a.ends[k + 2]!;
    }
    return { start: from, end: to, keys: bestKeys, phrase: a.text.slice(from, to) };
  }
}

type HitsOf<T extends ReadonlyArray<PhraseMatcher<unknown>>> = { [I in keyof T]: T[I] extends PhraseMatcher<infer K> ? Array<PhraseHit<K>> : never };

/**
 * Runs several matchers over a text in one pass. Which matchers a word may start a phrase of is
 * looked up once per word, in one table (bit i: matcher i), instead of once per matcher: the four
 * matchers of a lexicon read every word of a draft, and most words start no phrase of any.
 */
export class PhraseScanner<T extends ReadonlyArray<PhraseMatcher<unknown>>> {
  /** Words that start a phrase or are a one-word phrase, as written in the phrases. */
  private readonly exact = new Map<string, number>();
  /** One-word phrases of three letters or more: the stems an inflected word is looked up by. */
  private readonly stems = new Map<string, number>();

  constructor(private readonly matchers: T) {
    if (matchers.length > 30) throw new RangeError('PhraseScanner: at most 30 matchers');
    matchers.forEach((m, b) => {
      const bit = 1 << b;
      const { edges, ends } = m.firstWords();
      for (const w of edges) this.exact.set(w, (this.exact.get(w) ?? 0) | bit);
      for (const w of ends) {
        this.exact.set(w, (this.exact.get(w) ?? 0) | bit);
        if (w.length >= 3) this.stems.set(w, (this.stems.get(w) ?? 0) | bit);
      }
    });
  }

  /**
   * Masks of the words seen so far: prose repeats its words, and a remembered mask spares the
   * stem lookups (and the sliced strings) of inflected words. Bounded in count and word length,
   * since any text may come.
   */
  private readonly seen = new Map<string, number>();

  /** The matchers whose phrases may start with this word, as written or inflected. */
  private maskOf(word: string): number {
    // Long "words" (hashes, base64, hostile text) are not remembered: they would pin memory.
    if (word.length > 40) return this.computeMask(word);
    let m = this.seen.get(word);
    if (m === undefined) {
      if (this.seen.size >= 50_000) this.seen.clear();
      m = this.computeMask(word);
      this.seen.set(word, m);
    }
    return m;
  }

  private computeMask(word: string): number {
    let m = this.exact.get(word) ?? 0;
    if (this.stems.size) for (let i = 0, n = stemsOf(word); i < n; i++) m |= this.stems.get(STEMS[i]!) ?? 0;
    return m;
  }

  /** Every matcher's hits in text[start, end), each list in order. */
  find(text: string, start = 0, end = text.length): HitsOf<T> {
    const out = this.matchers.map(() => []) as Array<Array<PhraseHit<unknown>>>;
    const a = atomsOf(text);
    const n = a.norms.length;
    let i = lowerBound(a.starts, start);
    // The next blank line after atom i: phrases end before it.
    let p = lowerBound(a.paragraphStarts, i + 1);
    for (; i < n && a.starts[i]! < end; i++) {
      const mask = this.maskOf(a.norms[i]!);
      if (!mask) continue;
      while (p < a.paragraphStarts.length && a.paragraphStarts[p]! <= i) p++;
      const limit = p < a.paragraphStarts.length ? Math.min(end, a.ends[a.paragraphStarts[p]! - 1]!) : end;
      // A phrase begins a word: not right after a letter or digit ("SAU.S." holds no "U.S.").
      const before = a.starts[i]! > 0 ? text[a.starts[i]! - 1]! : '';
      if (before && LETTER_OR_DIGIT.test(before)) continue;
      for (let b = 0; b < this.matchers.length; b++) {
        if (!(mask & (1 << b))) continue;
        const hit = this.matchers[b]!.longestAt(a, i, limit);
        const hits = out[b]!;
        if (hit && !containedInRecent(hits, hit)) hits.push(hit);
      }
    }
    return out as HitsOf<T>;
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

/** The stems stemsOf finds, as a list (for tests). */
export const stemsFor = (word: string): string[] => STEMS.slice(0, stemsOf(word));
