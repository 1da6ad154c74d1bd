import { describe, expect, it } from 'vitest';
import { WordIndex } from '../../server/src/core/match/context';

/** Word starts as the old regex counted them: a letter or digit, then letters, digits, apostrophes. */
function regexStarts(text: string): number[] {
  const out: number[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

function indexStarts(text: string): number[] {
  const w = new WordIndex(text);
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (w.between(i, i + 1) === 1) out.push(i);
  return out;
}

describe('WordIndex', () => {
  it.each([
    'the Donetsk region\'s mines', 'rock\'n\'roll and x\'\'y \' \'a', 'Зеленський сказав 75% — ’tis',
    'U.S.-led 30-nation 😀 F-16 it’s', 'a\'', '\'a', '9\'9 a’’b', '',
  ])('counts words as whole runs of letters, digits and apostrophes: %j', (text) => {
    expect(indexStarts(text)).toEqual(regexStarts(text));
  });

  it('agrees with the regex on 3,000 random strings', () => {
    let r = 42;
    const rand = () => ((r = (r * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ['a', 'b', '\'', '’', ' ', '9', '-', '\n', 'é', '😀', '.', 'Ж'];
    for (let k = 0; k < 3000; k++) {
      let t = '';
      const n = Math.floor(rand() * 30);
      for (let i = 0; i < n; i++) t += alphabet[Math.floor(rand() * alphabet.length)];
      expect([t, indexStarts(t)]).toEqual([t, regexStarts(t)]);
    }
  });
});
