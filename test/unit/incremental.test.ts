import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../server/src/core/check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { IncrementalChecker, chunksOf, commonPrefix, commonSuffix, rechunk } from '../../server/src/core/incremental';
import type { Finding } from '../../server/src/core/types';

const root = resolve(__dirname, '../..');
const { base } = parseFactBase(parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')));
const examples = readdirSync(join(root, 'examples')).map((f) => readFileSync(join(root, 'examples', f), 'utf8'));

const signature = (fs: Finding[]) => fs.map((f) => `${f.figure.span.start}-${f.figure.span.end} ${f.verdict} ${f.fact?.id ?? ''} ${f.replacements.map((r) => `${r.span.start}:${r.newText}`).join(',')}`);

/** A deterministic pseudo-random sequence, so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('incremental checking', () => {
  it('gives the same findings as a whole check, after any sequence of edits', () => {
    const rand = rng(42);
    const inserts = ['A', '\n\n', ' 85% of Donetsk', '# Heading\n\n', '- 32 countries\n', 'x', ' the Coalition of the Willing has 31 countries.', '\r\n'];
    let edits = 0;
    for (const original of examples) {
      const checker = new IncrementalChecker(base);
      let text = original;
      expect(signature(checker.check(text))).toEqual(signature(check(text, base)));
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(rand() * (text.length + 1));
        text = rand() < 0.7
          ? text.slice(0, at) + inserts[Math.floor(rand() * inserts.length)]! + text.slice(at)
          : text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 20)));
        expect(signature(checker.check(text))).toEqual(signature(check(text, base)));
        edits++;
      }
    }
    expect(edits).toBe(examples.length * 60);
  });

  it('re-checks every paragraph when occasion words come or go anywhere in the draft', () => {
    // "Munich" in another paragraph makes the Munich demand the fact the 25-year figure is judged by.
    const claim = 'Zelensky demanded a 25-year security guarantee from the United States.';
    const versions = [`${claim}\n\nHe spoke later.`, `${claim}\n\nHe spoke at the Munich Security Conference.`, `${claim}\n\nHe spoke later.`];
    const factOf = (fs: Finding[]) => fs[0]?.fact?.id;
    expect(new Set(versions.map((t) => factOf(check(t, base)))).size).toBe(2);
    const checker = new IncrementalChecker(base);
    for (const text of versions) expect(signature(checker.check(text))).toEqual(signature(check(text, base)));
  });

  it('judges a paragraph by occasion words that come only later, on a first check', () => {
    // Paragraphs are read in order, but judged only once the whole draft's cue words are counted.
    const text = 'Zelensky demanded a 25-year security guarantee from the United States.\n\nHe spoke at the Munich Security Conference.';
    const whole = check(text, base);
    expect(whole[0]?.fact?.id).not.toBe(check(text.split('\n\n')[0]!, base)[0]?.fact?.id);
    expect(signature(new IncrementalChecker(base).check(text))).toEqual(signature(whole));
  });

  it('reads a list item with its lead-in and heading, as a whole check does', () => {
    const text = '# The coalition\n\nMembers after the Paris meeting:\n\n- 31 countries\n\n- 35 countries\n\n# Later\n\n- 32 countries';
    const whole = check(text, base);
    expect(whole.length).toBeGreaterThan(0);
    expect(signature(new IncrementalChecker(base).check(text))).toEqual(signature(whole));
  });

  it('reads numbers by the whole draft\'s convention, which one paragraph can change', () => {
    // "250,000" anywhere makes the point a decimal mark everywhere: "800.000 troops" is 800 then.
    const army = 'Ukraine has an army of 800.000 troops.';
    const versions = [army, `Some 250,000 people marched.\n\n${army}`, `Some 250 people marched.\n\n${army}`, `Some 250,000 people marched.\n\n${army}`];
    const verdictOf = (fs: Finding[]) => fs.find((f) => f.figure.text.startsWith('800'))?.verdict;
    expect(versions.map((t) => verdictOf(check(t, base)))).toEqual(['ok', 'wrong', 'ok', 'wrong']);
    const checker = new IncrementalChecker(base);
    for (const text of versions) expect(signature(checker.check(text))).toEqual(signature(check(text, base)));
  });

  it('reads a list under the lead-in and heading a whole check gives it, wherever they stand', () => {
    const texts = [
      // A loose list: every item is led in by the paragraph before the first.
      'Members of the Coalition of the Willing:\n\n- 35 countries\n\n- 31 countries',
      // A quote between the lead-in and the list does not take its place.
      'Members of the Coalition of the Willing:\n\n> They met in Paris.\n- 31 countries',
      // A heading inside a paragraph's lines still heads what follows.
      'Notes from the week\n# Coalition of the Willing\n\n- 31 countries',
      // Runs of blank lines, and blank lines before the first line.
      '\n\n# Coalition of the Willing\n\n\n\n- 31 countries',
    ];
    for (const text of texts) {
      const whole = check(text, base);
      expect(whole.some((f) => f.figure.text === '31 countries' && f.verdict === 'wrong'), text).toBe(true);
      expect(signature(new IncrementalChecker(base).check(text)), text).toEqual(signature(whole));
    }
  });

  it('reads a table under the paragraph introducing it, and an answer under its question, as a whole check does', () => {
    const intro = 'Zelenskyy wants a US security guarantee.';
    const table = '| Position | Length |\n|---|---|\n| Zelenskyy at Munich | at least 25 years |';
    const led = [
      [`${intro}\n\n${table}`, '25 years', 'wrong'],
      [`**Q: What has the United States offered?**\n\nA: A security guarantee of a dozen years.`, 'a dozen years', 'wrong'],
      [`Q: What has the United States offered?\r\n\r\nA: A security guarantee of a dozen years.`, 'a dozen years', 'wrong'],
      // Q and A in one paragraph
      [`Q: What has the United States offered?\nA: A security guarantee of a dozen years.`, 'a dozen years', 'wrong'],
    ] as const;
    const notLed = [
      // the paragraph before is no chunk of its own, or another table, or the answer comes later
      [`# Notes\n${intro}\n\n${table}`, '25 years'],
      [`Readers answered our survey.\n\n${table}`, '25 years'],
      [`**Q: What has the United States offered?**\n\nNobody knows.\n\nA: A security guarantee of a dozen years.`, 'a dozen years'],
    ] as const;
    for (const [text, figure, verdict] of led) {
      const whole = check(text, base);
      expect(whole.find((f) => f.figure.text === figure)?.verdict, text).toBe(verdict);
      expect(signature(new IncrementalChecker(base).check(text)), text).toEqual(signature(whole));
    }
    for (const [text, figure] of notLed) {
      const whole = check(text, base);
      expect(whole.find((f) => f.figure.text === figure)?.verdict ?? 'silent', text).not.toBe('wrong');
      expect(signature(new IncrementalChecker(base).check(text)), text).toEqual(signature(whole));
    }
    // An edit of the question re-reads the answer.
    const inc = new IncrementalChecker(base);
    const qa = 'Q: What has the United States offered?\n\nA: A security guarantee of a dozen years.';
    expect(inc.check(qa).find((f) => f.figure.text === 'a dozen years')?.verdict).toBe('wrong');
    const asked = qa.replace('What has the United States offered?', 'What does the plan say?');
    expect(signature(inc.check(asked))).toEqual(signature(check(asked, base)));
    expect(inc.check(asked).find((f) => f.figure.text === 'a dozen years')?.verdict ?? 'silent').not.toBe('wrong');
  });

  it('re-uses the findings of untouched paragraphs', () => {
    const checker = new IncrementalChecker(base);
    const text = 'Russia holds about 85% of Donetsk.\n\nThe coalition has 30 countries.';
    const first = checker.check(text);
    const second = checker.check(`${text}\n\nA new paragraph.`);
    expect(second[0]).toBe(first[0]);
  });

  it('moves a kept paragraph\'s findings, replacements and all, when text before it changes', () => {
    // The draft's first paragraph is judged at offset 0, where a replacement covers the very span
    // object of its figure: moved in place, that span must move once.
    const wrong = 'Russia holds about 85% of Donetsk.';
    const text = `${wrong}\n\nThe coalition has 30 countries.\n\n${wrong} 😀 Київ`;
    for (const edit of [(t: string) => `Intro.\n\n${t}`, (t: string) => `\r\n\r\n${t}`, (t: string) => `A${t}`]) {
      const checker = new IncrementalChecker(base);
      const first = checker.check(text);
      expect(first[0]!.replacements.length).toBeGreaterThan(0);
      let now = text;
      for (let k = 0; k < 3; k++) {
        now = edit(now);
        const moved = checker.check(now);
        expect(signature(moved)).toEqual(signature(check(now, base)));
        for (const f of moved) for (const r of f.replacements) expect(now.slice(r.span.start, r.span.end)).toMatch(/\d/);
      }
    }
  });
});

describe('re-chunking an edited draft', () => {
  // Blank lines cut chunks, so the alphabet is mostly line breaks and blanks.
  const piece = fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', 'a', 'b.', '\n\n', ' \n \n', '# h\n\n', 'x y');
  const textArb = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
  it('gives the chunks a scan of the whole new text gives, after any edit', () => {
    fc.assert(fc.property(textArb, fc.nat(), fc.nat({ max: 12 }), textArb, (was, at, len, insert) => {
      const from = at % (was.length + 1);
      const text = was.slice(0, from) + insert.slice(0, 6) + was.slice(Math.min(was.length, from + len));
      const old = chunksOf(was);
      const prefix = commonPrefix(was, text);
      const suffix = commonSuffix(was, text, Math.min(was.length, text.length) - prefix);
      const { head, middle, rest } = rechunk(old, was, text, prefix, suffix);
      const delta = text.length - was.length;
      const stitched = [
        ...old.slice(0, head),
        ...middle,
        ...old.slice(rest).map((c) => ({ start: c.start + delta, end: c.end + delta, text: c.text })),
      ];
      expect(stitched).toEqual(chunksOf(text));
    }), { numRuns: 20_000 });
  });
});
