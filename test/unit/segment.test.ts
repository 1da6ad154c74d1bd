// Blocks as segment() reads them: a number at the start of a wrapped line goes on with its
// paragraph, as in CommonMark, where only a list starting at 1 (or a bullet) interrupts one.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../server/src/core/check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { blockKinds, plainParagraphs, segment, SentenceMarks, splitSentences } from '../../server/src/core/match/segment';

const root = resolve(__dirname, '../..');
const { base } = parseFactBase(parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')));
const kinds = (t: string) => segment(t).blocks.map((b) => b.kind);

describe('segment', () => {
  it('reads a wrapped line that starts with a year and a full stop as the paragraph going on', () => {
    expect(kinds('The memorandum was signed in\n1994. The talks went on.')).toEqual(['paragraph']);
    expect(kinds('They met again in\n2025) and talked.')).toEqual(['paragraph']);
  });

  it('starts a list inside a paragraph with a bullet or with 1, and goes on with any number', () => {
    expect(kinds('Members after the Paris meeting:\n- 31 countries')).toEqual(['paragraph', 'list-item']);
    expect(kinds('Steps agreed:\n1. a ceasefire\n2. talks\n3. elections')).toEqual(['paragraph', 'list-item', 'list-item', 'list-item']);
    const [, , second] = segment('Steps agreed:\n1. a ceasefire\n2. talks').blocks;
    expect(second!.leadIn).toEqual({ start: 0, end: 13 });
    // After a blank line a list may start at any number.
    expect(kinds('Steps agreed:\n\n2. talks')).toEqual(['paragraph', 'list-item']);
  });

  it('checks the year at the start of a wrapped line, and reads no lead-in into the sentences after it', () => {
    const wrapped = 'Moscow launched the full-scale invasion in\n2020. Officials said little more.';
    const oneLine = wrapped.replace('\n', ' ');
    const verdicts = (t: string) => check(t, base).map((f) => `${f.figure.text} ${f.verdict} ${f.fact?.id}`);
    expect(verdicts(wrapped)).toEqual(verdicts(oneLine));
    expect(verdicts(wrapped)).toEqual(['2020 wrong full-scale-invasion-2022']);
    // A real list is read under its lead-in; the same words wrapped are one paragraph.
    const list = 'The Coalition of the Willing met in Paris:\n- 51 countries attended';
    expect(verdicts(list).some((v) => v.includes('coalition'))).toBe(true);
    const wrappedList = 'The Coalition of the Willing met in Paris in\n2026. Delegations from 51 countries attended a summit elsewhere.';
    expect(verdicts(wrappedList).filter((v) => v.startsWith('51'))).toEqual([]);
  });
});

describe('segment: table rows', () => {
  const sentences = (t: string) => segment(t).blocks.flatMap((b) => b.sentences.map((s) => t.slice(s.start, s.end)));

  it('reads each row of a table as a sentence of its own, in every line ending', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const t = ['Key dates, as reported.', '| Event | Year |', '|---|---|', '  | Crimea annexed | 2014 |', '| Full-scale invasion | 2022 |', 'Both are disputed. Neither is new.'].join(eol);
      expect(sentences(t)).toEqual(['Key dates, as reported.', '| Event | Year |', '|---|---|', '| Crimea annexed | 2014 |', '| Full-scale invasion | 2022 |', 'Both are disputed.', 'Neither is new.']);
    }
  });

  it('leaves a bar inside a sentence alone', () => {
    expect(sentences('Talks | day two went on. Then | nothing.')).toEqual(['Talks | day two went on.', 'Then | nothing.']);
  });
});

describe('plainParagraphs', () => {
  // Lines made of the characters block markers and blank lines are made of, and prose.
  const piece = fc.constantFrom('#', '# ', '>', '- ', '* ', '+ ', '1. ', '2) ', '```', '~~~', ' ', '   ', '    ', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff',
    '\n', '\r\n', '\r', 'Kyiv', 'Київ', '“quoted”', '😀', '75%', '2014.', 'the talks', '.', 'x');
  const text = fc.array(piece, { minLength: 1, maxLength: 24 }).map((p) => p.join(''));

  it('says yes only of text that segment() reads as paragraphs alone', () => {
    fc.assert(fc.property(text, (t) => {
      if (plainParagraphs(t)) expect(new Set(blockKinds(t))).toEqual(new Set(['paragraph']));
    }), { numRuns: 5000 });
  });

  it('says yes of wrapped prose, in any line ending', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      expect(plainParagraphs(['Moscow holds about 75% of Donetsk,', 'Kyiv says; “the talks” go on 😀', '\u00a0 Київ, in 2014.'].join(nl))).toBe(true);
    }
    for (const t of ['# Talks', 'Talks\n- 75%', 'Talks\n> quoted', 'Signed in\n1994. Then', 'Talks\n \u00a0\nmore', 'Talks\n', '']) expect(plainParagraphs(t)).toBe(false);
  });
});

describe('SentenceMarks', () => {
  // A list of 2,000 items with no full stop before its end: each item is split on its own, and a
  // search that ran to the end for every item made segment() quadratic (40,000 items: 12 s).
  const items = Array.from({ length: 2000 }, (_, i) => `- item ${i} of Donetsk`);
  const text = `${items.join('\n')}\nThe end. Or is it?`;

  it('searches each stretch of a text once when spans are split in order', () => {
    const marks = new SentenceMarks(text);
    let at = 0;
    for (const item of items) {
      expect(splitSentences(text, at + 2, at + item.length, marks)).toEqual([{ start: at + 2, end: at + item.length }]);
      at += item.length + 1;
    }
    expect(marks.searches).toBe(1);
    expect(splitSentences(text, at, text.length, marks).map((s) => text.slice(s.start, s.end))).toEqual(['The end.', 'Or is it?']);
    expect(marks.searches).toBe(2);
  });

  it('answers a span before the last one searched too', () => {
    const marks = new SentenceMarks(text);
    expect(marks.next(text.length - 5)).toBe(text.length - 1);
    expect(marks.next(0)).toBe(text.indexOf('.'));
    expect(marks.next(text.length)).toBe(-1);
  });

  it('splits as a scan of every character would', () => {
    const naive = (t: string) => {
      const out: number[] = [];
      for (let i = 0; i < t.length; i++) if ('.!?'.includes(t[i]!)) out.push(i);
      return out;
    };
    for (const t of [text, 'U.S. officials met on Jan. 6! Did they? Yes.', '...', '', 'no mark at all']) {
      const marks = new SentenceMarks(t);
      const found: number[] = [];
      for (let i = marks.next(0); i >= 0; i = marks.next(i + 1)) found.push(i);
      expect(found).toEqual(naive(t));
    }
  });
});
