import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../server/src/core/match/phrases';

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
