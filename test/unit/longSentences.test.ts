// A "sentence" of hundreds of figures (a table pasted as lines, a data dump, one endless line) is
// read line by line, and a long line in runs of figures, so tying names to figures stays linear.
// These tests hold what that reading finds to what the same lines say on their own.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check } from '../../server/src/core/check';
import { IncrementalChecker } from '../../server/src/core/incremental';
import { parseFactBase } from '../../server/src/core/facts/parse';
import type { Finding } from '../../server/src/core/types';

const root = resolve(__dirname, '../..');
const { base } = parseFactBase(parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')));

const signature = (fs: Finding[], by = 0) => fs.map((f) => `${f.figure.span.start + by} ${f.figure.text} ${f.verdict} ${f.fact?.id ?? ''}`);

/** Findings of each line checked as a text of its own, at their offsets in the whole text. */
function lineByLine(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    out.push(...signature(check(line, base), at));
    at += line.length + 1;
  }
  return out;
}

// No line ends with a full stop, so without a blank line the whole list is one sentence.
const LINES = [
  'Russia holds about 85% of Donetsk',
  'Moscow controls 99% of Luhansk',
  'the Coalition of the Willing has 31 countries',
  'Zelensky wants guarantees for 25 years',
  'no figure here at all',
  'Ukraine gave up its arsenal in 1994 under the Budapest Memorandum',
];

describe('a sentence of many figures', () => {
  it('is read line by line: a 300-line list finds what its lines find alone', () => {
    const text = Array.from({ length: 300 }, (_, i) => LINES[i % LINES.length]).join('\n');
    const whole = signature(check(text, base));
    expect(whole.filter((s) => s.includes(' wrong ')).length).toBeGreaterThan(100);
    expect(whole).toEqual(lineByLine(text));
  });

  it('still reads a short list as the one sentence it is', () => {
    // "31 countries" on its own line takes "the Coalition of the Willing" from the line above.
    const text = 'the Coalition of the Willing\nnow has 31 countries';
    expect(signature(check(text, base))).toEqual(signature(check(text.replace('\n', ' '), base)));
    expect(check(text, base).some((f) => f.verdict === 'wrong')).toBe(true);
  });

  it('reads one endless line in runs of figures, each figure once', () => {
    const unit = 'about 85% of Donetsk, ';
    const text = unit.repeat(500);
    const findings = check(text, base);
    expect(findings.length).toBe(500);
    expect(findings.every((f) => f.verdict === 'wrong' && f.fact?.id === 'russia-holds-75-percent-donetsk')).toBe(true);
    // The hedge before each figure stays with it across a cut.
    expect(findings.every((f) => f.figure.hedge === 'about')).toBe(true);
  });

  it('gives the same findings incrementally', () => {
    const text = `# Lines\n\n${Array.from({ length: 200 }, (_, i) => LINES[(i * 5) % LINES.length]).join('\r\n')}`;
    expect(signature(new IncrementalChecker(base).check(text))).toEqual(signature(check(text, base)));
  });
});
