// The editor's incremental checker against a whole check (what `factdesk check` runs), on random
// arrangements of what a draft is made of: headings inside paragraphs, loose lists, quotes, runs
// of blank lines, CRLF and lone CR, datelines, a year and its short form split by a blank line,
// both number conventions. Whatever a whole check reads across a chunk boundary, the chunks must
// be given too. Each draft is checked, then edited three times (an insertion or a deletion).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '../../server/src/core/check';
import { IncrementalChecker, PREVIEW_AFTER, PREVIEW_REST, type Preview } from '../../server/src/core/incremental';
import type { Finding } from '../../server/src/core/types';
import { BASE, FIGURE_SENTENCES, report, scaled, SEED } from './common';

const DRAFTS = scaled(1500);
const LONG_DRAFTS = scaled(40);
const WRAPPED_DRAFTS = scaled(60);

const piece = fc.constantFrom(
  '\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '\r', ' \n \n', '\t\n', '# Coalition of the Willing', '\n# Heading\n', '## Later\n\n',
  '- 31 countries', '\n- 32 countries\n', '* 30 countries', '1. ', '2) ', '> ', '> 35 countries\n', '    code\n',
  'Members after the Paris meeting:', 'Russia holds about 85% of Donetsk', ' 99% of Luhansk', ' Donetsk region’s', ' 250,000 people',
  ' 800.000 troops', ' 1,000', ' on January 6', ', 2026', ' the Coalition of the Willing has 35 countries', ' Zelensky', '.', '!',
  ' demanded a 25-year guarantee', ' offered a 15-year guarantee', ' at the Munich Security Conference', ' in an audio message',
  ' He wants 30, 40, 50 years', '2014', ' and ’15', '–16', 'KYIV, Jan. 7 (Wire) — ', ' he said', ' 20-point plan',
  ' 1994 Budapest Memorandum', ' thousands of troops', ' 1990s', ' U.S.', '[^1]', '“', '”', ' (', ')', ' — ', ';', ':',
);
const editArb = fc.record({ at: fc.nat(), insert: fc.option(piece, { nil: null }), len: fc.integer({ min: 1, max: 30 }) });

const signature = (fs: Finding[]) => fs.map((f) => `${f.figure.span.start}-${f.figure.span.end} ${f.verdict} ${f.fact?.id ?? ''} ${f.replacements.map((r) => r.newText).join(',')}`);

type Counts = { drafts: number; checks: number; findings: number; mismatches: number };

/** Checks a draft whole and incrementally, then again after each edit: the findings must agree. */
function checkedAlike(draft: string, edits: ReadonlyArray<{ at: number; insert: string | null; len: number }>, counts: Counts): void {
  let text = draft;
  const checker = new IncrementalChecker(BASE);
  counts.drafts++;
  for (let e = 0; e <= edits.length; e++) {
    if (e > 0) {
      const { at, insert, len } = edits[e - 1]!;
      const from = at % (text.length + 1);
      text = insert !== null ? text.slice(0, from) + insert + text.slice(from) : text.slice(0, from) + text.slice(Math.min(text.length, from + len));
    }
    const whole = signature(check(text, BASE));
    counts.checks++;
    counts.findings += whole.length;
    const incremental = signature(checker.check(text));
    if (JSON.stringify(incremental) !== JSON.stringify(whole)) counts.mismatches++;
    expect(incremental, JSON.stringify(text)).toEqual(whole);
  }
}

describe('incremental checking of any arrangement', () => {
  it('gives the findings of a whole check, first and after each edit', () => {
    const counts: Counts = { drafts: 0, checks: 0, findings: 0, mismatches: 0 };
    try {
      fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.array(editArb, { minLength: 3, maxLength: 3 }), (pieces, edits) => {
        checkedAlike(pieces.join(''), edits, counts);
      }), { seed: SEED, numRuns: DRAFTS });
    } finally {
      report('arrangements (incremental = whole check)', counts);
    }
  }, 120_000 * Math.max(1, DRAFTS / 1500));
});

describe('the preview of a long draft of any arrangement', () => {
  it('shows only findings the whole check gives, as it gives them, all before where the preview ends', () => {
    const counts = { drafts: 0, checks: 0, findings: 0, mismatches: 0 };
    // Distinct filler paragraphs between two random halves: the second half, read after the
    // preview, may hold the occasion words that rank the facts of figures in the first.
    const filler = (i: number) => `Report ${i}: Moscow holds about 85% of Donetsk, officials said. The brief ran to ${i + 2} pages.`;
    const half = fc.array(fc.array(piece, { maxLength: 40 }), { minLength: 10, maxLength: 40 }).map((ps) => ps.map((p) => p.join('')).join('\n\n'));
    try {
      fc.assert(fc.property(half, half, (first, second) => {
        let text = first;
        let i = 0;
        while (text.length < PREVIEW_AFTER + 4096) text += `\n\n${filler(i++)}`;
        text += `\n\n${second}`;
        while (text.length < PREVIEW_AFTER + PREVIEW_REST + 4096) text += `\n\n${filler(i++)}`;
        counts.drafts++;
        const previews: Preview[] = [];
        const steps = new IncrementalChecker(BASE).steps(text);
        let r = steps.next();
        for (; !r.done; r = steps.next()) if (r.value) previews.push(r.value);
        const whole = check(text, BASE);
        counts.checks++;
        counts.findings += whole.length;
        expect(signature(r.value)).toEqual(signature(whole));
        expect(previews).toHaveLength(1);
        const [preview] = previews as [Preview];
        const shown = new Map(whole.map((f) => [`${f.figure.span.start}-${f.figure.span.end}`, f]));
        const wrong = preview.findings.filter((f) => f.figure.span.end > preview.end || JSON.stringify(f) !== JSON.stringify(shown.get(`${f.figure.span.start}-${f.figure.span.end}`)));
        if (wrong.length) counts.mismatches++;
        expect(wrong, JSON.stringify(text.slice(0, preview.end))).toEqual([]);
      }), { seed: SEED, numRuns: LONG_DRAFTS });
    } finally {
      report('long arrangements (preview within the whole check)', counts);
    }
  }, 120_000 * Math.max(1, LONG_DRAFTS / 40));
});

// Words of prose, no line breaks: wrapped into lines, they make paragraphs longer than the 4 KB at
// which a paragraph is cut (segment.ts, MAX_PARAGRAPH_CHARS), as text pasted from a PDF is.
const inline = fc.constantFrom(
  'Russia holds about 85% of Donetsk', ' 99% of Luhansk', ' Donetsk region’s', ' 250,000 people', ' 800.000 troops', ' 1,000',
  ' on January 6', ', 2026', ' the Coalition of the Willing has 35 countries', ' Zelensky', '.', '!', ' demanded a 25-year guarantee',
  ' offered a 15-year guarantee', ' at the Munich Security Conference', ' in an audio message', ' He wants 30, 40, 50 years', ' 2014',
  ' and ’15', '–16', ' he said', ' 20-point plan', ' 1994 Budapest Memorandum', ' thousands of troops', ' 1990s', ' U.S.', '“', '”',
  ' (', ')', ' — ', ';', ':', ' in January', '. 2026 was', ' - ', ' # of', ' 1. ', ' > ', ' more than', ' nearly', ' people',
  ' met in Paris on January 7, 2026.', ' 20 leaders came.', ' on Jan. 6', ' at 10:30 a.m.',
  ...FIGURE_SENTENCES.map((t) => ` ${t}`),
);
/** Breaks a line at the first space after `width` characters, as a PDF's lines break. */
function wrap(text: string, width: number, nl: string): string {
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === ' ' && column >= width) { out += nl; column = 0; continue; }
    out += ch;
    column++;
  }
  return out;
}

describe('incremental checking of long wrapped paragraphs', () => {
  it('gives the findings of a whole check where paragraphs are cut for length, first and after each edit', () => {
    const counts = { drafts: 0, checks: 0, findings: 0, mismatches: 0 };
    const paragraph = fc.array(inline, { minLength: 200, maxLength: 700 }).map((ps) => ps.join('').trim());
    try {
      fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 3 }), fc.integer({ min: 40, max: 120 }), fc.constantFrom('\n', '\r\n'),
        fc.array(editArb, { minLength: 3, maxLength: 3 }), (paragraphs, width, nl, edits) => {
          checkedAlike(paragraphs.map((p) => wrap(p, width, nl)).join(nl + nl), edits, counts);
        }), { seed: SEED, numRuns: WRAPPED_DRAFTS, endOnFailure: true });
    } finally {
      report('long wrapped paragraphs (incremental = whole check)', counts);
    }
  }, 120_000 * Math.max(1, WRAPPED_DRAFTS / 60));
});
