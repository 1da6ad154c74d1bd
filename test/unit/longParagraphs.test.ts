// A long paragraph with a line break on every line and no blank line (text pasted from a PDF) is
// cut into parts at line breaks that end a sentence, so its parts are checked, cached and
// re-checked one by one; a whole check and an incremental one cut it alike.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../server/src/core/check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { IncrementalChecker, chunksOf, commonPrefix, commonSuffix, rechunk } from '../../server/src/core/incremental';
import { MAX_PARAGRAPH_CHARS, segment, splitSentences } from '../../server/src/core/match/segment';
import type { Finding } from '../../server/src/core/types';

const root = resolve(__dirname, '../..');
const { base } = parseFactBase(parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')));
// The examples are wrapped at ~100 characters: with their blank lines taken out, they read as
// one paragraph broken on every line.
const wrapped = readdirSync(join(root, 'examples'))
  .map((f) => readFileSync(join(root, 'examples', f), 'utf8').replace(/\r\n?/g, '\n'))
  .map((t) => t.split('\n').filter((l) => l.trim() !== '' && !/^\s*(?:#|[-*+]\s|\d+[.)]\s|>|```|~~~)/.test(l)).join('\n'));
const longParagraph = (minChars: number) => {
  let out = '';
  for (let i = 0; out.length < minChars; i++) out += (out ? '\n' : '') + wrapped[i % wrapped.length]!;
  return out;
};

const signature = (fs: Finding[]) => fs.map((f) => `${f.figure.span.start}-${f.figure.span.end} ${f.verdict} ${f.fact?.id ?? ''} ${f.replacements.map((r) => `${r.span.start}:${r.newText}`).join(',')}`);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('a long paragraph', () => {
  const text = longParagraph(5 * MAX_PARAGRAPH_CHARS);

  it('is cut at line breaks that end a sentence, once it is longer than MAX_PARAGRAPH_CHARS', () => {
    const blocks = segment(text).blocks;
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    blocks.forEach((b, i) => {
      expect(b.kind).toBe('paragraph');
      expect(!!b.cut).toBe(i > 0);
      if (i === 0) return;
      const before = text.slice(blocks[i - 1]!.start, blocks[i - 1]!.end);
      expect(before.length).toBeGreaterThanOrEqual(MAX_PARAGRAPH_CHARS);
      expect(text[b.start - 1]).toBe('\n');
      expect(before.trimEnd()).toMatch(/[.!?]["'”’)\]»*_]*$/);
    });
  });

  it('cuts no sentence: the sentences are those of the paragraph read whole', () => {
    const whole = splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
    const cut = segment(text).blocks.flatMap((b) => b.sentences.map((s) => text.slice(s.start, s.end)));
    expect(cut).toEqual(whole);
  });

  it('is not cut after an abbreviation or an initial at the end of a line', () => {
    const line = 'The coalition met again in Paris and the talks went on for hours\n';
    const filler = line.repeat(Math.ceil(MAX_PARAGRAPH_CHARS / line.length));
    for (const end of ['talks with U.S.', 'a letter from J.', 'on Jan.']) {
      const t = `${filler}${end}\nofficials said 30 countries took part\n${filler}`;
      expect(segment(t).blocks).toHaveLength(1);
    }
    expect(segment(`${filler}It ended.\nofficials said 30 countries took part\n${filler}`).blocks).toHaveLength(2);
  });

  it('is not cut before a line that would open a list if read on its own', () => {
    // "2014. The talks…" goes on with the paragraph (only a bullet or "1." starts a list inside
    // one), but the editor reads a part on its own, where it would be a list item, and the
    // figures after it would be read under the part before as a lead-in.
    const line = 'The coalition met again in Paris and the talks went on for hours.\n';
    // Just short of the length at which a cut is due: the line after the next one would be cut.
    const filler = line.repeat(Math.floor((MAX_PARAGRAPH_CHARS - 10) / line.length));
    // "250,000" makes the point a decimal mark: "800.000 troops" are 800, which the Ukrainian
    // military's 800,000 contradicts if the part before were read as a lead-in naming it.
    const t = `${filler}Ukraine's military held the line along the front for another week, officials said.\n2014. In all, 800.000 troops came.\nMore talks.\n${filler}Some 250,000 people marched.`;
    const blocks = segment(t).blocks;
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(blocks.some((b) => t.startsWith('2014.', b.start))).toBe(false);
    expect(blocks.some((b) => t.startsWith('More talks.', b.start))).toBe(true);
    expect(signature(new IncrementalChecker(base).check(t))).toEqual(signature(check(t, base)));
  });

  it('cuts a long list item or quote too, where its lines go on without a marker', () => {
    // Wrapped text puts "2014. The talks…" at a line start: the list item takes in every line after it.
    const body = longParagraph(2 * MAX_PARAGRAPH_CHARS);
    for (const [t, kind] of [[`- ${body}`, 'list-item'], [`2014. ${body}`, 'list-item'], [`> ${body}`, 'quote']] as const) {
      const blocks = segment(t).blocks;
      expect(blocks.length).toBeGreaterThan(1);
      expect(blocks[0]!.kind).toBe(kind);
      expect(blocks.slice(1).every((b) => b.kind === 'paragraph' && b.cut)).toBe(true);
    }
    // Quoted lines that keep their marker are the quote's own; a heading is one line anyway.
    expect(segment(`> ${body.replace(/\n/g, '\n> ')}`).blocks).toHaveLength(1);
  });

  it('is chunked in parts that touch, each a paragraph part', () => {
    const chunks = chunksOf(`# Heading\n\n${text}\n\nThe end.`);
    const parts = chunks.slice(1, -1);
    expect(parts.length).toBe(segment(text).blocks.length);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBe(parts[i - 1]!.end);
  });

  it('gives the same findings checked whole or incrementally, after any sequence of edits', () => {
    const rand = rng(7);
    const inserts = ['A', '.', '.\n', '\n', '\n\n', ' 85% of Donetsk.', '- 32 countries\n', 'U.S.\n', '# Heading\n\n', '\r\n', '! '];
    const checker = new IncrementalChecker(base);
    let t = `# The coalition\n\n${text}\n\nMembers after the Paris meeting:\n\n- 31 countries`;
    expect(check(t, base).length).toBeGreaterThan(10);
    expect(signature(checker.check(t))).toEqual(signature(check(t, base)));
    for (let i = 0; i < 80; i++) {
      const at = Math.floor(rand() * (t.length + 1));
      t = rand() < 0.7
        ? t.slice(0, at) + inserts[Math.floor(rand() * inserts.length)]! + t.slice(at)
        : t.slice(0, at) + t.slice(Math.min(t.length, at + 1 + Math.floor(rand() * 200)));
      expect(signature(checker.check(t))).toEqual(signature(check(t, base)));
    }
  });

  it('re-reads only the part an edit is in', () => {
    const checker = new IncrementalChecker(base);
    const first = checker.check(text);
    const blocks = segment(text).blocks;
    const last = blocks[blocks.length - 1]!;
    // A word typed in the last part: the findings of the parts before it are the same objects.
    const at = text.indexOf(' ', last.start + 10);
    const second = checker.check(`${text.slice(0, at)} x${text.slice(at)}`);
    const kept = first.filter((f) => f.figure.span.end <= last.start);
    expect(kept.length).toBeGreaterThan(5);
    kept.forEach((f, i) => expect(second[i]).toBe(f));
  });
});

describe('re-chunking a draft with long paragraphs', () => {
  // Lines of a few words; some end a sentence. Long enough that paragraphs get cut.
  // Lines that one character turns into a list item, a heading or a quote ("1" -> "1. "),
  // which no paragraph is cut before.
  const line = fc.constantFrom('the talks went on for hours', 'it ended.', 'talks with U.S.', 'officials said so!', 'x', '1', '-', '#', '>');
  const para = fc.array(line, { minLength: 1, maxLength: 400 }).map((ls) => ls.join('\n'));
  const textArb = fc.array(para, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n\n'));
  const insertArb = fc.constantFrom('', 'a', ' ', '.', '. ', '\n', '\n\n', '.\n', '- ', '# h\n');
  const stitch = (was: string, text: string) => {
    const old = chunksOf(was);
    const prefix = commonPrefix(was, text);
    const suffix = commonSuffix(was, text, Math.min(was.length, text.length) - prefix);
    const { head, middle, rest } = rechunk(old, was, text, prefix, suffix);
    const delta = text.length - was.length;
    return [...old.slice(0, head), ...middle, ...old.slice(rest).map((c) => ({ start: c.start + delta, end: c.end + delta, text: c.text }))];
  };

  it('re-scans a cut paragraph from its start when an edit undoes a cut', () => {
    // The part after the cut begins with "-"; a space typed after it makes that line a list item,
    // which is no place to cut a paragraph.
    const filler = 'the talks went on for hours\n'.repeat(Math.ceil(MAX_PARAGRAPH_CHARS / 28));
    const was = `${filler}It ended.\n-\n${filler}`;
    const cut = was.indexOf('-\n');
    expect(chunksOf(was).map((c) => c.start)).toContain(cut);
    const text = `${was.slice(0, cut + 1)} 5 countries${was.slice(cut + 1)}`;
    expect(chunksOf(text).map((c) => c.start)).not.toContain(cut);
    expect(stitch(was, text)).toEqual(chunksOf(text));
  });

  it('gives the chunks a scan of the whole new text gives, after any edit', () => {
    fc.assert(fc.property(textArb, fc.nat(), fc.nat({ max: 300 }), insertArb, (was, at, len, insert) => {
      const from = at % (was.length + 1);
      const text = was.slice(0, from) + insert + was.slice(Math.min(was.length, from + len));
      expect(stitch(was, text)).toEqual(chunksOf(text));
    }), { numRuns: 5_000 });
  });
});
