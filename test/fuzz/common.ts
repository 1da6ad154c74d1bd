// Shared pieces of the fuzz suites: scale, seeds, the bundled fact base, text generators, a
// reference line model (independent of vscode-languageserver-textdocument) and count reports.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import fc from 'fast-check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import type { FactBase } from '../../server/src/core/types';

/** `npm test` runs at scale 1; `npm run fuzz` sets FUZZ_SCALE (default 20 there). */
export const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? '1') || 1);
/** Fixed seeds, so any failure reproduces; FUZZ_SEED overrides for exploration. */
export const SEED = Number(process.env.FUZZ_SEED ?? '20261122');
export const scaled = (n: number) => Math.round(n * SCALE);

const root = resolve(__dirname, '../..');
export const BASE: FactBase = parseFactBase(parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8'))).base;

/** Prints one suite's counts in a fixed format, so CI logs can be grepped. */
export function report(suite: string, counts: Record<string, number | string>): void {
  const body = Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ');
  process.stdout.write(`[fuzz] ${suite} (scale ${SCALE}, seed ${SEED}): ${body}\n`);
}

// ---- text ---------------------------------------------------------------------------------

/** Sentences that tie figures to bundled facts, some right and some wrong. */
export const FIGURE_SENTENCES = [
  'Moscow currently holds about 75% of Donetsk and 99% of Luhansk.',
  "Russia's army now occupies about 85% of Donetsk, a senior official said.",
  'The Coalition of the Willing now counts 35 countries.',
  'The Coalition of the Willing, which has 30 countries, met in Paris.',
  'Zelensky says the peace plan is 95 percent agreed.',
  'The US put a 15-year guarantee on the table.',
  'Zelenskyy asked for at least 25 years of guarantees at the Munich Security Conference.',
  'The war is now in its fourth year.',
  'Britain and France signed a declaration of intent on January 6, 2026.',
  'Ukraine gave up its nuclear arsenal under the Budapest Memorandum of 1994.',
  'The ministry released a 40-page report on the talks.',
  'Some 800,000 people marched, roughly 1.5 million by another count.',
  'Prices rose 3.2 per cent in two decades; thirty-five of them, a third.',
];

const PIECES = [
  ...FIGURE_SENTENCES,
  '# Heading', '## Front-line briefing', '- item 12', '* 7 points', '1. first', '> quoted 45%', '```', '~~~', '[^1]', '[^1]: Source.',
  '**bold 20%**', '_em_', '`code 9`', '[link](http://example.com)', '<b>html</b>', '| a | 5 |',
  '😀', '👩‍👩‍👧‍👦', '🇺🇦', '𝟙𝟚𝟛', 'e\u0301', '5\u0301', '\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066', '\ufeff',
  'Донецк 75%', 'Россия занимает 85 процентов', 'тридцать', '\u00a0', '\u2009', '—', '–', '…',
  ' ', ' ', ' ', '\n', '\n\n', '\r\n', '\r', '\r\n\r\n', '\t',
];

/** A random draft: prose with figures, Markdown, emoji, combining marks, invisible marks, Cyrillic, mixed line ends. */
export const draftArb: fc.Arbitrary<string> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map((n) => ` ${n.toLocaleString('en-US')} `) },
  ),
  { maxLength: 40 },
).map((parts) => parts.join(''));

/** Text typed by an edit. */
export const insertArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES, '', '', '8', '0', '%', ',', '.', 'Donetsk', ' of ', 'a') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

// ---- reference line model -----------------------------------------------------------------

export interface Pos { line: number; character: number }

/** Offsets where lines start; "\r\n", "\r" and "\n" each end a line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; starts.push(i + 1); } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

export function posOf(starts: readonly number[], offset: number): Pos {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= offset) lo = mid; else hi = mid - 1; }
  return { line: lo, character: offset - starts[lo]! };
}

/** Offset of a position, or null when the position is outside the document or inside a line break. */
export function offsetOf(text: string, starts: readonly number[], p: Pos): number | null {
  if (p.line < 0 || p.line >= starts.length || p.character < 0) return null;
  const start = starts[p.line]!;
  let end = p.line + 1 < starts.length ? starts[p.line + 1]! : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r') && p.line + 1 < starts.length) end--;
  return start + p.character <= end ? start + p.character : null;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when `offset` falls between the two halves of a surrogate pair. */
export const splitsPair = (text: string, offset: number) =>
  offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
/** True when `offset` falls between "\r" and "\n". */
export const splitsCrlf = (text: string, offset: number) =>
  offset > 0 && offset < text.length && text[offset - 1] === '\r' && text[offset] === '\n';
