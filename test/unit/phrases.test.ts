import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseMatcher, PhraseScanner, atomize, atomsOf, stemsFor } from '../../server/src/core/match/phrases';

// The definition the hand-written atomizer must agree with, kept here as the oracle. A word starts
// at a run of letters or digits that no apostrophe glues to letters before it ("region's" is one).
function atomsByRegExp(text: string) {
  const starts: number[] = [], ends: number[] = [], norms: string[] = [], gap: boolean[] = [], wordStarts: number[] = [];
  const paragraphStarts: number[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
    const s = m[0];
    if (prevEnd >= 0 && /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))/.test(text.slice(prevEnd, m.index))) paragraphStarts.push(starts.length);
    starts.push(m.index); ends.push(m.index + s.length);
    norms.push(s === '’' || s === '‘' ? '\'' : s.toLowerCase());
    gap.push(prevEnd >= 0 && m.index > prevEnd);
    prevEnd = m.index + s.length;
    if (/^[\p{L}\p{N}]/u.test(s) && !/[\p{L}\p{N}]['’]+$/u.test(text.slice(0, m.index))) wordStarts.push(m.index);
  }
  return { text, starts, ends, norms, gap, wordStarts, paragraphStarts };
}

describe('atomize', () => {
  it.each([
    ['Moscow holds 75% of Donetsk.'], ['U.S.-backed  plan'], ['Zelenskyy’s “offer”'], ['Київ, 2026 р.'],
    ['emoji 🇺🇦 and 𝐀𝐁 math letters'], ['ÉLYSÉE Straße İstanbul'], ['tab\tnbsp\u00a0thin\u2009ideo\u3000end'],
    ['lone \ud800 surrogate \udc00 x'], ['CR\r\nLF\rCR'], [''], ['   '],
  ])('cuts %j as the Unicode RegExp does', (text) => {
    expect(atomize(text)).toEqual(atomsByRegExp(text));
  });

  it('agrees with the Unicode RegExp on arbitrary text', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }),
      fc.constantFrom('Donetsk', 'ÉTATS', 'Київ', '’s', ' ', '\u00a0', '\r\n', '🇺🇦', '𝐀', '\ud800', '1,000', 'U.S.', '\n', '\r', '\t', '\n \n', '\f'),
    );
    fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(atomize(text)).toEqual(atomsByRegExp(text));
    }), { numRuns: 2000 });
  });
});

const matcher = new PhraseMatcher<string>([
  ['Donetsk', 'donetsk'], ['the Donetsk region', 'donetsk'], ['security guarantee', 'guarantee'],
  ['U.S.', 'us'], ['US', 'us'], ['EU', 'eu'], ['EU officials', 'eu-officials'], ['Mar-a-Lago', 'florida'],
  ['Ukraine\'s president', 'zelensky'], ['Зеленський', 'zelensky'], ['offer', 'offer'], ['propose', 'offer'],
]);
const hits = (text: string) => matcher.find(text).map((h) => [text.slice(h.start, h.end), h.keys.join('+')]);

describe('PhraseMatcher', () => {
  it.each([
    ['Moscow holds the Donetsk region.', [['the Donetsk region', 'donetsk']]],
    ['the donetsk  REGION', [['the donetsk  REGION', 'donetsk']]],
    ['the Donetsk\r\nregion', [['the Donetsk\r\nregion', 'donetsk']]],
    // A blank line ends a paragraph, and no phrase runs across it.
    ['the Donetsk\n\nregion', [['Donetsk', 'donetsk']]],
    ['the Donetsk\r\n \r\nregion', [['Donetsk', 'donetsk']]],
    ['two security\n\t\nguarantees', []],
    ['the Donetsk region’s mines', [['the Donetsk region’s', 'donetsk']]],
    ['two security guarantees', [['security guarantees', 'guarantee']]],
    ['Washington offered and is offering; it proposed', [['offered', 'offer'], ['offering', 'offer'], ['proposed', 'offer']]],
    ['the U.S. plan', [['U.S.', 'us']]],
    ['SAU.S. is not it', []],
    ['it uses and used the tool', []],
    ['EU officials said', [['EU officials', 'eu-officials+eu']]],
    ['talks at Mar-a-Lago', [['Mar-a-Lago', 'florida']]],
    ['Ukraine’s president said', [['Ukraine’s president', 'zelensky']]],
    ['Зеленський сказав', [['Зеленський', 'zelensky']]],
    ['Donetskyi is another word', []],
    ['😀 Donetsk', [['Donetsk', 'donetsk']]],
  ])('%s', (text, want) => {
    expect(hits(text)).toEqual(want);
  });

  it('reports spans inside a window only', () => {
    const text = 'Donetsk and Donetsk';
    expect(matcher.find(text, 1).map((h) => h.start)).toEqual([12]);
    expect(matcher.find(text, 0, 10).map((h) => h.start)).toEqual([0]);
  });

  it('stays linear with many phrases', () => {
    const many = new PhraseMatcher<number>(Array.from({ length: 50_000 }, (_, i) => [`place ${i} hospital`, i] as [string, number]));
    expect(many.find('at place 49999 hospital and place 7 hospital').map((h) => h.keys)).toEqual([[49999], [7]]);
  });
});

describe('PhraseScanner', () => {
  const places = new PhraseMatcher<string>([['Donetsk', 'donetsk'], ['the Donetsk region', 'donetsk'], ['US', 'us'], ['use', 'use-place']]);
  const verbs = new PhraseMatcher<number>([['offer', 1], ['offered to', 2], ['region', 3], ['use', 4], ['Donetsk region', 5]]);
  const scanner = new PhraseScanner([places, verbs, matcher]);
  // What find() must give, tried at every atom with no table of first words to skip any: the
  // longest phrase of each matcher at each word start, before the next blank line, less hits
  // that a hit just before already names.
  function everywhere<K>(m: PhraseMatcher<K>, text: string, from: number): unknown[] {
    const a = atomsOf(text);
    const out: Array<{ start: number; end: number; keys: K[]; phrase: string }> = [];
    for (let i = 0; i < a.starts.length; i++) {
      if (a.starts[i]! < from) continue;
      if (a.starts[i]! > 0 && /[\p{L}\p{N}]/u.test(text[a.starts[i]! - 1]!)) continue;
      const next = a.paragraphStarts.find((p) => p > i);
      const hit = m.longestAt(a, i, next === undefined ? text.length : a.ends[next - 1]!);
      if (hit && !out.slice(-4).some((o) => o.end >= hit.end && hit.keys.every((k) => o.keys.includes(k)))) out.push(hit);
    }
    return out;
  }

  it('skips only words that start no phrase, whatever their case or inflection', () => {
    const words = fc.constantFrom('the', 'The', 'THE', 'Donetsk', 'DONETSK', 'region', 'Regions', 'US', 'Uses', 'USING', 'offered', 'Offering',
      'OFFERS', 'to', 'EU', 'officials', 'U.S.', 'Mar-a-Lago', '’s', ',', '\n\n', 'SAU.S.', 'security', 'Guarantees', 'Зеленський', 'ЗЕЛЕНСЬКИЙ',
      'proposing', 'Proposed', 'İstanbul', 'ÉLYSÉE', 'useing', 'offerings');
    fc.assert(fc.property(fc.array(words, { maxLength: 30 }), fc.nat(), (parts, cut) => {
      const text = parts.join(' ');
      const from = cut % (text.length + 1);
      const [a, b, c] = scanner.find(text, from);
      expect(a).toEqual(everywhere(places, text, from));
      expect(b).toEqual(everywhere(verbs, text, from));
      expect(c).toEqual(everywhere(matcher, text, from));
    }), { numRuns: 1000 });
  });

  it('finds, in one pass, exactly what each matcher finds on its own', () => {
    const words = fc.constantFrom('the', 'Donetsk', 'region', 'regions', 'US', 'uses', 'using', 'offered', 'offering', 'to', 'EU', 'officials',
      'U.S.', 'Mar-a-Lago', '’s', ',', ' ', '  ', '\n', 'SAU.S.', 'security', 'guarantees', 'Зеленський');
    fc.assert(fc.property(fc.array(words, { maxLength: 30 }), fc.nat(), (parts, cut) => {
      const text = parts.join(' ');
      const from = cut % (text.length + 1);
      const [a, b, c] = scanner.find(text, from);
      expect(a).toEqual(places.find(text, from));
      expect(b).toEqual(verbs.find(text, from));
      expect(c).toEqual(matcher.find(text, from));
    }), { numRuns: 1000 });
  });
});

describe('stems of inflected words', () => {
  // The rules as they were first written, closure and all: the written-out version must agree.
  const reference = (word: string): string[] => {
    const out: string[] = [];
    const n = word.length;
    if (n < 4) return out;
    const last = word.charCodeAt(n - 1);
    const stem = (s: string) => { if (s.length >= 3) out.push(s); };
    if (last === 115) { stem(word.slice(0, -1)); if (word.endsWith('es')) stem(word.slice(0, -2)); }
    else if (last === 100) { stem(word.slice(0, -1)); if (word.endsWith('ed')) stem(word.slice(0, -2)); }
    else if (last === 103 && word.endsWith('ing')) { const s = word.slice(0, -3); stem(s); stem(`${s}e`); }
    return out;
  };
  it('are the stems the rules give, for any word', () => {
    const word = fc.array(fc.constantFrom('a', 'e', 's', 'd', 'i', 'n', 'g', 'x', 'é', 'ing', 'es', 'ed'), { maxLength: 8 }).map((xs) => xs.join(''));
    fc.assert(fc.property(word, (w) => { expect(stemsFor(w)).toEqual(reference(w)); }), { numRuns: 5000 });
    for (const w of ['uses', 'offered', 'offering', 'proposing', 'sing', 'xing', 'ring', 'bed', 'eds', 'guarantees']) expect(stemsFor(w)).toEqual(reference(w));
  });
});

