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
}

const ATOM = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// Atoms are letter runs (no apostrophes inside) or single characters.
const normAtom = (s: string) => (s === '’' || s === '‘' ? '\'' : s.toLowerCase());

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
export function atomsOf(text: string): Atoms {
  if (lastAtoms?.text !== text) lastAtoms = atomize(text);
  return lastAtoms;
}

/**
 * The keys of the phrases a word of the text may end: the word itself, or the word as an
 * inflected form of the phrase's last word ("guarantees", "offered", "offering", "proposing").
 * Phrase words shorter than three letters are not inflected, so "uses" is not "US". Forms are
 * stripped here rather than stored: 100,000 facts' aliases would otherwise take five entries each.
 */
function endingKeys<K>(ends: Map<string, K[]> | null, word: string): K[] | undefined {
  if (!ends) return undefined;
  let keys = ends.get(word);
  const n = word.length;
  if (n < 4) return keys;
  const last = word.charCodeAt(n - 1);
  // s, d, g: nothing else ends an inflected form.
  if (last !== 115 && last !== 100 && last !== 103) return keys;
  const add = (stem: string) => {
    const more = stem.length >= 3 ? ends.get(stem) : undefined;
    if (more) keys = keys ? union(keys, more) : more;
  };
  if (last === 115) { add(word.slice(0, -1)); if (word.endsWith('es')) add(word.slice(0, -2)); }
  else if (last === 100) { add(word.slice(0, -1)); if (word.endsWith('ed')) add(word.slice(0, -2)); }
  else if (word.endsWith('ing')) { const stem = word.slice(0, -3); add(stem); add(`${stem}e`); }
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

  /** Every hit in text[start, end), in order. */
  find(text: string, start = 0, end = text.length): Array<PhraseHit<K>> {
    const out: Array<PhraseHit<K>> = [];
    if (!this.size) return out;
    const a = atomsOf(text);
    const n = a.norms.length;
    const firstEdges = this.root.spaced, firstEnds = this.root.endsSpaced;
    for (let i = lowerBound(a.starts, start); i < n && a.starts[i]! < end; i++) {
      const w = a.norms[i]!;
      if (!firstEdges?.has(w) && !endingKeys(firstEnds, w)) continue;
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

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
