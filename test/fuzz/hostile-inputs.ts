// Hostile texts for the hostile-input and regex suites. Sizes are fixed (not scaled): each is
// the size the issue names.
import fc from 'fast-check';
import { SEED } from './common';

const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

function binaryJunk(size: number): string {
  const [codes] = fc.sample(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: size, maxLength: size }), { seed: SEED, numRuns: 1 });
  return String.fromCharCode(...(codes ?? []).map((c, i) => (i % 7 === 0 ? 0 : c)));
}

export interface Hostile { name: string; text: string }

/** A 1 MB line of prose with a figure tied to a fact every ~8 KB. */
function sparseLine(size: number): string {
  const filler = 'Officials met again on the question of the border and the guarantees, and the talks went on well into the evening without a result; ';
  let out = '';
  while (out.length < size) out += out.length % 8192 < filler.length ? 'Russia occupies about 85% of Donetsk; ' : filler;
  return out.slice(0, size);
}

/**
 * The hostile inputs. `scale` > 1 (npm run fuzz) grows the inputs whose check time grows
 * with the number of figures; the rest have the size the issue names at every scale.
 */
export function hostileInputs(scale: number): Hostile[] {
  const big = scale > 1;
  const inputs: Hostile[] = [
    { name: '1 MB single line (a figure every 8 KB)', text: sparseLine(1 << 20) },
    { name: '100,000 digits', text: '7'.repeat(100_000) },
    { name: '100,000 digits, grouped', text: repeatTo('123,', 133_332) },
    { name: 'a million commas', text: ','.repeat(1_000_000) },
    { name: '"1,1,1,…" (400 KB)', text: repeatTo('1,', 400_000) },
    { name: '"1.1.1.…"', text: repeatTo('1.', 200_000) },
    { name: '10,000 nested block quotes', text: `${'> '.repeat(10_000)}Russia occupies about 85% of Donetsk.\n` },
    { name: '10,000 nested list markers', text: `${'- '.repeat(10_000)}Russia occupies about 85% of Donetsk.\n` },
    { name: '10,000 list levels', text: Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i % 200)}- level ${i}`).join('\n') },
    { name: 'quote lines, deepening', text: Array.from({ length: big ? 10_000 : 1_000 }, (_, i) => `${'>'.repeat(1 + (i % 100))} 85% of Donetsk`).join('\n') },
    { name: 'NUL and binary junk', text: binaryJunk(100_000) },
    { name: 'NULs', text: '\u0000'.repeat(100_000) },
    { name: 'lone surrogates', text: repeatTo('\ud800 75% \udc00of Donetsk\udbff', big ? 100_000 : 20_000) },
    { name: 'number-word chain', text: repeatTo('one hundred and twenty-three thousand four hundred and fifty-six million ', 200_000) },
    { name: 'hyphenated number words', text: repeatTo('thirty-three-', 100_000) },
    { name: 'only figures, no subjects', text: repeatTo('75% 85% 35 countries 1994 January 6, 2026 15-year 1.5 million 30, 40 or 50 years fourth ', 200_000) },
    { name: 'only figures of facts', text: repeatTo('85% of Donetsk. 35 countries in the Coalition of the Willing. ', big ? 100_000 : 20_000) },
    { name: 'range chain', text: repeatTo('30 to 50 to ', 100_000) },
    { name: 'long word', text: 'a'.repeat(200_000) },
    { name: 'long whitespace', text: ` ${' \t'.repeat(100_000)}75%` },
    { name: 'many blank lines', text: `${'\n'.repeat(200_000)}85% of Donetsk` },
    { name: 'CR line ends only', text: repeatTo('85% of Donetsk\r', big ? 200_000 : 20_000) },
    { name: 'footnote markers', text: repeatTo('[^1]', 100_000) },
    { name: 'backticks and fences', text: repeatTo('```\n~~~\n`', 100_000) },
    { name: 'date-like chain', text: repeatTo('January 6, 2026, ', 200_000) },
    { name: 'ISO dates', text: repeatTo('2024-01-01 ', 200_000) },
    { name: 'percent chain', text: repeatTo('%5', 100_000) },
  ];
  // One sentence dense with figures tied to facts, and a table pasted as lines with no full stop:
  // tying names to figures was quadratic in the figures of a sentence (1 MB of the first took
  // ~100 s) until such sentences were read line by line and in runs of figures (match.ts).
  const dense = 'Russia occupies about 85% of Donetsk, and the Coalition of the Willing counts 35 countries; ';
  inputs.push({ name: '256 KB single line, dense figures', text: repeatTo(dense, 1 << 18) });
  inputs.push({ name: 'a table as lines, no full stops', text: repeatTo('Donetsk | about 85% | Luhansk | 99%\n', big ? 1 << 20 : 1 << 18) });
  if (big) inputs.push({ name: '1 MB single line, dense figures', text: repeatTo(dense, 1 << 20) });
  return inputs;
}
