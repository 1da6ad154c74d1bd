import { describe, expect, it } from 'vitest';
import { applyChanges, eolOf, planCitation, sentenceEnd, type CitationStyle } from '../../server/src/core/cite';
import type { Fact, FactBase, Source } from '../../server/src/core/types';

// Own fixtures: a two-source base independent of the bundled one, so these tests pin the
// citation format rather than the curated data.
const wire: Source = {
  id: 'wire', file: '900_wire.txt', url: null, title: 'Officials Outline Front Line [Analysis]', label: 'Wire analysis',
  outlet: 'Sample Wire', author: 'Dana Reyes', published: '2026-01-07', note: null,
};
const untitled: Source = {
  id: 'memo', file: '901_memo.txt', url: 'https://example.org/memo (draft)', title: null, label: 'Briefing memo (untitled)',
  outlet: null, author: null, published: null, note: null,
};

function fact(id: string, source: string, quote: string): Fact {
  return {
    id, value: { kind: 'percent', n: 70 }, unit: null, qualifier: 'about', statement: 'about 70% of the eastern region',
    subject: 'region', context: [], party: null, stance: null, attributionSensitive: false, disputed: false,
    occasion: null, occasionCues: [], asOf: null, quote: { source, text: quote }, alsoIn: [], conflicts: [], erratum: null, note: null,
  };
}

const share = fact('region-share-70', 'wire', 'troops now hold about 70%\nof the eastern region');
const memoFact = fact('memo-share', 'memo', 'roughly 70 percent');
const base: FactBase = { sources: new Map([['wire', wire], ['memo', untitled]]), entities: new Map(), facts: [share, memoFact] };
const DEF = '[^region-share-70]: Officials Outline Front Line \\[Analysis\\], Sample Wire, Dana Reyes, 2026-01-07: “troops now hold about 70% of the eastern region”';

/** Cites the fact for the first occurrence of `figure` and returns the new text. */
function cite(text: string, figure: string, style: CitationStyle = 'footnote', f: Fact = share): string {
  const at = text.indexOf(figure);
  if (at < 0) throw new Error(`${figure} not in text`);
  return applyChanges(text, planCitation(text, { start: at, end: at + figure.length }, f, base, style));
}

describe('sentenceEnd', () => {
  const endAfter = (text: string, figure: string) => {
    const at = text.indexOf(figure);
    return text.slice(0, sentenceEnd(text, { start: at, end: at + figure.length }).end);
  };

  it.each([
    ['The army holds 64% of the region. Talks resume Monday.', '64%', 'The army holds 64% of the region.'],
    ['The U.S. offered 12 years on Jan. 9 in Rome. It was rejected.', '12 years', 'The U.S. offered 12 years on Jan. 9 in Rome.'],
    ['Output rose 1.5% last year! Analysts disagree.', '1.5%', 'Output rose 1.5% last year!'],
    ['She said: “It is 64%.” Nobody objected.', '64%', 'She said: “It is 64%.”'],
    ['Approx. 300 people marched, approx. 20 were detained. Later…', '300', 'Approx. 300 people marched, approx. 20 were detained.'],
    ['A line that wraps\nholds 64% of it\nand ends here. Next.', '64%', 'A line that wraps\nholds 64% of it\nand ends here.'],
    ['- first item with 64% share\n- second item', '64%', '- first item with 64% share'],
    ['# Heading with 64% in it\nBody text.', '64%', '# Heading with 64% in it'],
    ['Trailing figure 64%   ', '64%', 'Trailing figure 64%'],
    ['Paragraph with 64%\n\nNext paragraph.', '64%', 'Paragraph with 64%'],
    ['| region | 64% share | x |\n|---|---|---|', '64%', '| region | 64% share'],
  ])('%j', (text, figure, expected) => {
    expect(endAfter(text, figure)).toBe(expected);
  });

  it('places a new marker after markers already at the sentence end', () => {
    const text = 'It holds 64%.[^a][^b] Next.';
    const r = sentenceEnd(text, { start: 9, end: 12 });
    expect(text.slice(0, r.end)).toBe('It holds 64%.');
    expect(text.slice(0, r.insertAt)).toBe('It holds 64%.[^a][^b]');
  });

  it('ends at the figure\'s line when no sentence end comes within 2,000 characters', () => {
    // A table pasted as lines: read on to the end, every figure's citation scanned the whole rest.
    const text = 'Donetsk | about 85% | Luhansk | 99%\n'.repeat(200);
    expect(endAfter(text, '85%')).toBe('Donetsk | about 85% | Luhansk | 99%');
    // Within reach, a wrapped sentence still ends where it ends.
    expect(endAfter('A line that wraps\nholds 64% of it\nand ends here. Next.', '64%')).toBe('A line that wraps\nholds 64% of it\nand ends here.');
  });

  it('is linear and safe on long unpunctuated input', () => {
    const text = `${'9'.repeat(200_000)} of the region`;
    const t0 = performance.now();
    expect(sentenceEnd(text, { start: 0, end: 5 }).end).toBe(text.length);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('planCitation: Markdown footnotes', () => {
  it('adds a marker after the sentence and a definition after a blank line', () => {
    const text = 'Troops hold about 64% of the eastern region. Talks resume Monday.\n';
    expect(cite(text, '64%')).toBe(`Troops hold about 64% of the eastern region.[^region-share-70] Talks resume Monday.\n\n${DEF}\n`);
  });

  it('keeps the marker after a closing quote', () => {
    const text = 'The general said “we hold 64% of it.” Then he left.';
    expect(cite(text, '64%')).toBe(`The general said “we hold 64% of it.”[^region-share-70] Then he left.\n\n${DEF}`);
  });

  it('is idempotent: citing twice changes nothing the second time', () => {
    const once = cite('Troops hold about 70% of the eastern region.\n', '70%');
    const at = once.indexOf('70%');
    expect(planCitation(once, { start: at, end: at + 3 }, share, base, 'footnote')).toEqual([]);
    expect(once.match(/\[\^region-share-70\]:/g)).toHaveLength(1);
    expect(once.match(/\[\^region-share-70\](?!:)/g)).toHaveLength(1);
  });

  it('reuses an existing definition and adds only the marker in another sentence', () => {
    const text = `First, 70% of the region.[^region-share-70] Second, about 70% again.\n\n${DEF}\n`;
    const at = text.indexOf('70%', text.indexOf('Second'));
    const changes = planCitation(text, { start: at, end: at + 3 }, share, base, 'footnote');
    expect(changes).toEqual([{ span: { start: text.indexOf(' again.') + 7, end: text.indexOf(' again.') + 7 }, newText: '[^region-share-70]' }]);
  });

  it('puts a new definition directly under existing definitions', () => {
    const text = 'Some 70% of the region, a memo says.\n\n[^other]: Another source.\n';
    expect(cite(text, '70%')).toBe(`Some 70% of the region, a memo says.[^region-share-70]\n\n[^other]: Another source.\n${DEF}\n`);
  });

  it('keeps CRLF line breaks in a CRLF document', () => {
    const text = 'Line one.\r\nTroops hold 70% of the region.\r\n';
    const out = cite(text, '70%');
    expect(out).toBe(`Line one.\r\nTroops hold 70% of the region.[^region-share-70]\r\n\r\n${DEF}\r\n`);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('does not add a final newline to a document without one', () => {
    expect(cite('Troops hold 70% of the region.', '70%')).toBe(`Troops hold 70% of the region.[^region-share-70]\n\n${DEF}`);
  });

  it('cites a figure ending the document without punctuation: marker first, then definition', () => {
    expect(cite('Troops hold 70%', '70%')).toBe(`Troops hold 70%[^region-share-70]\n\n${DEF}`);
  });

  it('counts offsets in UTF-16 past emoji and Cyrillic', () => {
    const text = '🇺🇦 Київ: 😀 troops hold 70% of the region. Далі.';
    expect(cite(text, '70%')).toBe(`🇺🇦 Київ: 😀 troops hold 70% of the region.[^region-share-70] Далі.\n\n${DEF}`);
  });

  it('uses the label when a source has no title, and never writes null parts', () => {
    const out = cite('A memo puts it at roughly 70 percent.', '70 percent', 'footnote', memoFact);
    expect(out).toContain('[^memo-share]: Briefing memo (untitled): “roughly 70 percent”');
    expect(out).not.toContain('null');
  });

  it('detects the document EOL', () => {
    expect(eolOf('a\r\nb')).toBe('\r\n');
    expect(eolOf('a\nb\r\n')).toBe('\n');
    expect(eolOf('a\rb')).toBe('\r');
    expect(eolOf('one line')).toBe('\n');
  });
});

describe('planCitation: parenthetical and inline', () => {
  it('adds a parenthetical after the sentence, once', () => {
    const once = cite('Troops hold 70% of the region. Talks resume.', '70%', 'parenthetical');
    expect(once).toBe('Troops hold 70% of the region. (Source: Officials Outline Front Line [Analysis], Sample Wire, 2026-01-07) Talks resume.');
    const at = once.indexOf('70%');
    expect(planCitation(once, { start: at, end: at + 3 }, share, base, 'parenthetical')).toEqual([]);
  });

  it('links the source inline when it has a URL, escaping the link', () => {
    const out = cite('A memo puts it at roughly 70 percent.', '70 percent', 'inline', memoFact);
    expect(out).toBe('A memo puts it at roughly 70 percent. ([Briefing memo (untitled)](https://example.org/memo%20%28draft%29))');
  });

  it('falls back to the parenthetical form inline when there is no URL', () => {
    expect(cite('Troops hold 70% of the region.', '70%', 'inline')).toContain(' (Source: Officials Outline Front Line \\[Analysis\\], Sample Wire, 2026-01-07)');
  });
});
