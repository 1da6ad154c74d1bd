// Synthetic news drafts for the benchmark: paragraphs of varied sentences about the events of the
// bundled fact base (security-guarantee lengths offered and demanded, shares of Donetsk and
// Luhansk, the coalition, Paris, Budapest, Minsk, ...) and about generated subjects of the
// synthetic bases, each with the sourced figure or a wrong one, mixed with figures no fact covers
// (polls, page counts, times, money) and sentences with no figure at all. Seeded: the same draft
// every run.
import { fmtInt, synthesize, type SynthFact } from './facts';
import { Rng } from './rng';

type Template = (r: Rng, wrong: boolean) => string;

const pickWrong = (r: Rng, right: number, wrongs: number[], wrong: boolean) => (wrong ? r.pick(wrongs) : right);
const WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const word = (n: number) => WORDS[n - 2] ?? String(n);

/** Sentences stating a figure the bundled base covers, right or (wrong = true) wrong. */
const BUNDLED: Template[] = [
  (r, w) => `Washington has offered Kyiv a ${pickWrong(r, 15, [10, 12, 20, 25], w)}-year security guarantee, according to officials familiar with the talks.`,
  (r, w) => `The US put a ${pickWrong(r, 15, [10, 20], w)}-year guarantee on the table, ${r.pick(['Axios reported', 'people briefed on the talks said', 'two diplomats said'])}.`,
  (r, w) => `Speaking at the Munich Security Conference, Zelenskyy demanded a minimum ${pickWrong(r, 20, [15, 25, 30], w)}-year security guarantee from the United States.`,
  (r, w) => `In an audio message after meeting Trump at Mar-a-Lago, Zelensky said he would like to consider guarantees of ${w ? '20, 30 or 40' : '30, 40 or 50'} years.`,
  (r, w) => `Zelensky expressed his desire for a guarantee lasting up to ${pickWrong(r, 50, [40, 60, 70], w)} years.`,
  (r, w) => `Moscow currently holds about ${pickWrong(r, 75, [65, 70, 80, 85], w)}% of Donetsk and ${pickWrong(r, 99, [90, 95], w && r.chance(0.5))}% of Luhansk.`,
  (r, w) => `Russian forces control ${pickWrong(r, 99, [89, 94, 97], w)} percent of the Luhansk region, ${r.pick(['analysts say', 'officials in Kyiv concede', 'according to maps published this week'])}.`,
  (r, w) => `The talks in Paris brought together ${pickWrong(r, 30, [26, 32, 35, 40], w)} countries of the Coalition of the Willing.`,
  (r, w) => `On ${w ? r.pick(['January 7, 2026', 'January 9, 2026', 'February 6, 2026']) : 'January 6, 2026'}, after a meeting of the coalition of the willing in Paris, a declaration of intent was signed.`,
  (r, w) => `Ukraine signed the Budapest Memorandum in ${pickWrong(r, 1994, [1991, 1993, 1995, 1996], w)}, giving up the nuclear arsenal it had inherited.`,
  (r, w) => `The Minsk agreements of ${pickWrong(r, 2014, [2013, 2016], w)} and ${pickWrong(r, 2015, [2016, 2017], w)} failed to stop the fighting.`,
  (r, w) => `Russia first invaded Ukraine in ${pickWrong(r, 2014, [2012, 2013, 2015], w)} and annexed Crimea.`,
  (r, w) => `Moscow launched the full-scale invasion in ${pickWrong(r, 2022, [2020, 2021, 2023], w)}.`,
  (r, w) => `Zelensky described the peace plan as ${pickWrong(r, 90, [70, 80, 95], w)} percent agreed.`,
  (r, w) => `Partners must support the ${w ? r.pick(['700,000', '900,000', '1,000,000']) : '800,000'}-strong Ukrainian military, Zelenskyy said.`,
  (r, w) => `The latest round in Miami focused on aligning positions on the ${pickWrong(r, 20, [18, 21, 24], w)}-point plan.`,
  (r, w) => `Negotiators are working on a revised version of the ${pickWrong(r, 22, [19, 25, 28], w)}-point proposal.`,
  (r, w) => `Approximately ${w ? r.pick(['150,000', '250,000', '300,000']) : '200,000'} protesters marched in Munich against the Iranian government.`,
  (r, w) => `European leaders warned that the war could persist for at least another ${word(pickWrong(r, 2, [3, 4, 5], w))} years.`,
  (r, w) => `The conflict, now in its ${w ? r.pick(['third', 'fifth']) : 'fourth'} year, has reshaped European security.`,
  (r, w) => `Ukraine has sought ${word(pickWrong(r, 3, [2, 4, 5], w))}-layered security guarantees, officials said.`,
  (r, w) => `Russia waged a low-intensity war in the eastern Donbas region for ${word(pickWrong(r, 8, [6, 7, 9, 10], w))} years.`,
  (r, w) => `Zelensky told Axios in an interview published on December ${pickWrong(r, 26, [24, 27, 28], w)}, 2025 that the US offer was not enough.`,
  (r, w) => `The war is approaching its ${w ? r.pick(['third', 'fifth']) : 'fourth'} anniversary.`,
  (r, w) => `Some EU officials suggest accession could come as soon as ${pickWrong(r, 2027, [2026, 2028, 2030], w)}.`,
];

/** Figures no fact covers: polls, page counts, times, money, sport, weather. */
const UNRELATED: Template[] = [
  (r) => `A poll of ${fmtInt(r.int(800, 2400))} adults found ${r.int(30, 70)}% support for continuing the talks.`,
  (r) => `The draft agreement runs to ${r.int(12, 60)} pages, with ${word(r.int(2, 6))} annexes.`,
  (r) => `The session resumed at ${r.int(8, 11)}:${r.pick(['00', '15', '30', '45'])} a.m. local time and lasted ${word(r.int(2, 7))} hours.`,
  (r) => `Trains between Lviv and Kyiv ran ${r.int(10, 90)} minutes late on ${r.pick(['Tuesday', 'Wednesday', 'Friday'])}.`,
  (r) => `The package is worth $${r.int(1, 9)}.${r.int(1, 9)} billion, spread over ${word(r.int(2, 5))} budget years.`,
  (r) => `The city council approved ${r.int(4, 30)} new bus routes and ${r.int(2, 12)} night services.`,
  (r) => `Temperatures fell to minus ${r.int(5, 20)} degrees overnight, and ${fmtInt(r.int(1000, 90000))} homes lost power.`,
  (r) => `About ${r.int(2, 9)}${r.pick(['0', '5'])} journalists crowded into a room built for ${r.int(20, 40)}.`,
  (r) => `The briefing, the ${r.pick(['third', 'fifth', 'seventh', '12th'])} this month, ended after ${r.int(20, 55)} minutes.`,
  (r) => `Shares in European defence companies rose ${r.int(1, 6)}.${r.int(0, 9)}% on the news.`,
  (r) => `Of the ${r.int(120, 450)} questions submitted, ${r.int(10, 40)} were answered.`,
  (r) => `The ${r.int(1, 2)}${r.int(0, 9)}-kilometre convoy took ${word(r.int(2, 9))} hours to cross the border on ${r.pick(['March', 'April', 'May'])} ${r.int(1, 28)}.`,
  (r) => `A survey by the Kyiv International Institute of Sociology put trust in the army at ${r.int(70, 95)} percent, with a margin of error of ${r.int(2, 4)} points.`,
];

/** Sentences with no figure. */
const FILLER: string[] = [
  'Officials declined to comment further.',
  'The talks are expected to continue next week.',
  'Diplomats in Brussels were cautious about the outcome.',
  'The Kremlin did not respond to a request for comment.',
  '“We are not there yet,” one European diplomat said.',
  'Ukrainian negotiators have repeatedly said that any settlement must be backed by firm guarantees.',
  'Critics say the proposal leaves too many questions open.',
  'The statement gave no further details about the timetable.',
  'Analysts warned that the front line could shift again before winter.',
  'The White House said the president would review the proposals.',
  'Residents queued for water as repair crews worked through the night.',
  'The opposition called the deal premature.',
];

const HEADINGS = ['Guarantees', 'The front line', 'Diplomacy', 'History', 'Reconstruction', 'Local elections', 'Infrastructure', 'What comes next'];

export interface DraftSpec {
  name: string;
  /** Stop when the draft has this many words… */
  words?: number;
  /** …or this many UTF-8 bytes (never more). */
  bytes?: number;
}

export const DRAFTS: DraftSpec[] = [
  { name: '250 words', words: 250 },
  { name: '3,000 words', words: 3000 },
  { name: '100 KB', bytes: 100_000 },
  { name: '1 MB', bytes: 1_000_000 },
];

export interface Draft {
  name: string;
  text: string;
  words: number;
  bytes: number;
  /** Sentences with a sourced figure stated right / wrong, figures no fact covers, no figure. */
  mix: { right: number; wrong: number; unrelated: number; filler: number; synthetic: number };
}

const countWords = (s: string) => (s.match(/\S+/g) ?? []).length;

/**
 * A draft of paragraphs (3-7 sentences) under occasional Markdown headings. Of the sentences,
 * about 40 % state a sourced figure (one in three of them wrong), a third of those about
 * generated subjects that only the synthetic bases know; 35 % carry figures no fact covers;
 * the rest carry none.
 */
export function makeDraft(spec: DraftSpec, seed: number): Draft {
  const r = new Rng(seed);
  // The generated subjects the drafts talk about: the first ones of the stream, present in the
  // 10,000- and 100,000-fact bases (unknown to the bundled one, where they are unrelated figures).
  const synthetic: SynthFact[] = synthesize(2000).subjects.flatMap((s) => s.facts);
  const mix = { right: 0, wrong: 0, unrelated: 0, filler: 0, synthetic: 0 };
  const paragraphs: string[] = [];
  let words = 0, bytes = 0;
  const full = () => (spec.words !== undefined && words >= spec.words);
  for (;;) {
    const sentences: string[] = [];
    const n = r.int(3, 7);
    for (let i = 0; i < n; i++) {
      const roll = r.next();
      let s: string;
      if (roll < 0.4) {
        const wrong = r.chance(1 / 3);
        if (r.chance(1 / 3)) { s = r.pick(synthetic).sentence(r, wrong); mix.synthetic++; }
        else s = r.pick(BUNDLED)(r, wrong);
        if (wrong) mix.wrong++; else mix.right++;
      } else if (roll < 0.75) { s = r.pick(UNRELATED)(r, false); mix.unrelated++; }
      else { s = r.pick(FILLER); mix.filler++; }
      sentences.push(s[0]!.toUpperCase() + s.slice(1));
    }
    let para = sentences.join(' ');
    if (paragraphs.length > 0 && r.chance(0.15)) para = `## ${r.pick(HEADINGS)}\n\n${para}`;
    const add = Buffer.byteLength(para, 'utf8') + (paragraphs.length ? 2 : 0);
    if (spec.bytes !== undefined && bytes + add > spec.bytes) break;
    paragraphs.push(para);
    bytes += add;
    words += countWords(para);
    if (full()) break;
  }
  let text = paragraphs.join('\n\n');
  if (spec.bytes !== undefined) {
    // Pad to the exact size with figure-free filler, so "1 MB" is 1,000,000 bytes.
    const pad = spec.bytes - Buffer.byteLength(text, 'utf8');
    if (pad > 2) text += `\n\n${'Officials declined to comment further. '.repeat(Math.ceil(pad / 39)).slice(0, pad - 2)}`;
  }
  return { name: spec.name, text, words: countWords(text), bytes: Buffer.byteLength(text, 'utf8'), mix };
}
