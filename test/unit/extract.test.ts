import { describe, expect, it } from 'vitest';
import {
  extractFigures, formatNumber, formatOrdinal, numberToWords, ordinalToWords,
} from '../../server/src/core/extract/index';
import type { Figure, FigureForm, FigureValue, Hedge } from '../../server/src/core/types';

// Every sentence here was written for these tests. Each row names the sentence, the figure's
// whole text, and what it must say; valueText and hedgeText default to "the whole figure" and
// "no hedge".

interface Row {
  say: string;
  text: string;
  value: FigureValue;
  unit?: string | null;
  hedge?: Hedge | null;
  valueText?: string;
  hedgeText?: string;
  form?: Partial<FigureForm>;
}

const num = (n: number): FigureValue => ({ kind: 'number', n });
const pct = (n: number): FigureValue => ({ kind: 'percent', n });
const range = (min: number, max: number, percent = false): FigureValue => ({ kind: 'range', min, max, percent });
const set = (...values: number[]): FigureValue => ({ kind: 'set', values });
const ord = (n: number): FigureValue => ({ kind: 'ordinal', n });
const year = (n: number): FigureValue => ({ kind: 'year', n });
const decade = (start: number): FigureValue => ({ kind: 'decade', start });
const date = (month: number, day?: number, y?: number): FigureValue => {
  const v: FigureValue = { kind: 'date', month };
  if (y !== undefined) v.year = y;
  if (day !== undefined) v.day = day;
  return v;
};

function check(row: Row): void {
  const figures = extractFigures(row.say);
  const f = figures.find((x) => x.text === row.text);
  expect(f, `no figure "${row.text}" in: ${figures.map((x) => x.text).join(' | ')}`).toBeDefined();
  const fig = f!;
  expect(row.say.slice(fig.span.start, fig.span.end)).toBe(row.text);
  expect(fig.value).toEqual(row.value);
  expect(fig.unit).toBe(row.unit ?? null);
  expect(fig.hedge).toBe(row.hedge ?? null);
  expect(row.say.slice(fig.valueSpan.start, fig.valueSpan.end)).toBe(row.valueText ?? row.text);
  if (row.hedgeText !== undefined) {
    expect(fig.hedgeSpan).toBeDefined();
    expect(row.say.slice(fig.hedgeSpan!.start, fig.hedgeSpan!.end)).toBe(row.hedgeText);
  } else {
    expect(fig.hedgeSpan).toBeUndefined();
  }
  if (row.form) expect(fig.form).toMatchObject(row.form);
}

const texts = (s: string): string[] => extractFigures(s).map((f) => f.text);

const digits: Row[] = [
  { say: 'The ministry counted 800,000 ballots by dawn.', text: '800,000 ballots', value: num(800000), unit: 'ballot', valueText: '800,000', form: { numeral: 'digits', thousandsSeparator: ',', compound: false } },
  { say: 'A total of 800 000 is planned.', text: '800 000', value: num(800000), form: { thousandsSeparator: ' ' } },
  { say: 'A total of 800\u00a0000 is planned.', text: '800\u00a0000', value: num(800000), form: { thousandsSeparator: '\u00a0' } },
  { say: 'A total of 800\u202f000 is planned.', text: '800\u202f000', value: num(800000), form: { thousandsSeparator: '\u202f' } },
  { say: 'Local papers put the crowd at 800.000 yesterday.', text: '800.000', value: num(800000), form: { thousandsSeparator: '.' } },
  { say: 'Turnout rose by 1.5 points to 1,234,567 voters.', text: '1,234,567 voters', value: num(1234567), unit: 'voter', valueText: '1,234,567' },
  { say: 'The index rose 2.75 overnight.', text: '2.75', value: num(2.75) },
  { say: 'The unit gained 800k subscribers.', text: '800k subscribers', value: num(800000), unit: 'subscriber', valueText: '800k', form: { multiplier: 'k' } },
  { say: 'The fund holds 1.5m in cash.', text: '1.5m', value: num(1500000), form: { multiplier: 'm' } },
  { say: 'Exports reached 2bn last spring.', text: '2bn', value: num(2e9), form: { multiplier: 'bn' } },
  { say: 'They pledged 1.5 million doses.', text: '1.5 million doses', value: num(1500000), unit: 'dose', valueText: '1.5 million', form: { multiplier: ' million' } },
  { say: 'Brussels set aside €150 billion for the scheme.', text: '€150 billion', value: num(150e9), unit: 'euro', valueText: '150 billion' },
  { say: 'A $40 fee applies.', text: '$40', value: num(40), unit: 'dollar', valueText: '40' },
  { say: 'Debt hit 3 trillion yen.', text: '3 trillion yen', value: num(3e12), unit: 'yen', valueText: '3 trillion' },
  { say: 'Only 12 annexes were attached.', text: '12 annexes', value: num(12), unit: 'annex', valueText: '12' },
  { say: 'They printed 800 copies.', text: '800 copies', value: num(800), unit: 'copy', valueText: '800' },
  // a collective noun before "of" says what a bare number counts
  { say: 'Partners must back an army of 800k.', text: '800k', value: num(800000), unit: 'troop', form: { multiplier: 'k' } },
  { say: 'Police put the crowd of 200,000 in the square.', text: '200,000', value: num(200000), unit: 'person' },
  { say: 'A crowd estimated at 20,000 filled the square.', text: '20,000', value: num(20000), unit: 'person' },
  { say: "Ukraine's army numbers 880,000.", text: '880,000', value: num(880000), unit: 'troop' },
  { say: 'The bill was estimated at 20,000.', text: '20,000', value: num(20000), unit: null },
  { say: 'A coalition of 30 met in Paris.', text: '30', value: num(30), unit: 'country' },
  { say: 'A list of 30 was published.', text: '30', value: num(30) },
  // so does a verb of crowds right after it
  { say: 'Some 200,000 marched through Munich.', text: '200,000', value: num(200000), unit: 'person', hedge: 'about', hedgeText: 'Some' },
  { say: 'Half a million rally in Munich.', text: 'Half a million', value: num(500000), unit: 'person' },
  { say: 'Tens of thousands rallied on Sunday.', text: 'Tens of thousands', value: range(20000, 99999), unit: 'person' },
  { say: 'In 2022 protested nobody.', text: '2022', value: year(2022), form: { numeral: 'digits' } },
  { say: 'Of the 30, 12 gathered there.', text: '30', value: num(30) },
  { say: 'Some 5,000 people gathered.', text: '5,000 people', value: num(5000), unit: 'person', valueText: '5,000', hedge: 'about', hedgeText: 'Some' },
  { say: 'In all 32 nations took part.', text: '32 nations', value: num(32), unit: 'country', valueText: '32' },
  { say: 'We need 15 more years.', text: '15 more years', value: num(15), unit: 'year', valueText: '15' },
  { say: 'Delegates from 27 European countries attended.', text: '27 European countries', value: num(27), unit: 'country', valueText: '27' },
  { say: 'All 27 member states agreed.', text: '27 member states', value: num(27), unit: 'country', valueText: '27' },
  { say: 'It took 20 long years.', text: '20 long years', value: num(20), unit: 'year', valueText: '20' },
  { say: 'Over 2000 troops crossed.', text: '2000 troops', value: num(2000), unit: 'troop', valueText: '2000', hedge: 'more-than', hedgeText: 'Over' },
  { say: 'The party won 22 percentage points more.', text: '22 percentage points', value: num(22), unit: 'point', valueText: '22' },
];

const percents: Row[] = [
  { say: 'Approval stands at 75% today.', text: '75%', value: pct(75), form: { percentStyle: '%', numeral: 'digits' } },
  { say: 'Approval stands at 75 percent today.', text: '75 percent', value: pct(75), form: { percentStyle: ' percent' } },
  { say: 'Approval stands at 75 per cent today.', text: '75 per cent', value: pct(75), form: { percentStyle: ' per cent' } },
  { say: 'A 75-percent share was sold.', text: '75-percent', value: pct(75), valueText: '75', form: { compound: true } },
  { say: 'A 75-per-cent share was sold.', text: '75-per-cent', value: pct(75), valueText: '75', form: { compound: true } },
  { say: 'Roughly 12.5% abstained.', text: '12.5%', value: pct(12.5), hedge: 'about', hedgeText: 'Roughly' },
  { say: 'Only thirty percent agreed.', text: 'thirty percent', value: pct(30), form: { numeral: 'words', percentStyle: ' percent' } },
  { say: 'It has a 60-percent stake.', text: '60-percent', value: pct(60), valueText: '60', form: { compound: true } },
];

const words: Row[] = [
  { say: 'The army wants eight hundred thousand recruits.', text: 'eight hundred thousand recruits', value: num(800000), unit: 'recruit', valueText: 'eight hundred thousand', form: { numeral: 'words' } },
  { say: 'He waited thirty days.', text: 'thirty days', value: num(30), unit: 'day', valueText: 'thirty' },
  { say: 'Twenty-five envoys signed.', text: 'Twenty-five envoys', value: num(25), unit: 'envoy', valueText: 'Twenty-five' },
  { say: 'Two hundred and fifty mayors came.', text: 'Two hundred and fifty mayors', value: num(250), unit: 'mayor', valueText: 'Two hundred and fifty' },
  { say: 'A dozen aides resigned.', text: 'A dozen aides', value: num(12), unit: 'aide', valueText: 'A dozen' },
  { say: 'Half a million residents fled.', text: 'Half a million residents', value: num(500000), unit: 'resident', valueText: 'Half a million' },
  { say: 'It could last half a century.', text: 'half a century', value: num(50), unit: 'year' },
  { say: 'It fuelled half a dozen years of war.', text: 'half a dozen years', value: num(6), unit: 'year', valueText: 'half a dozen' },
  { say: 'A quarter of a million residents fled.', text: 'A quarter of a million residents', value: num(250000), unit: 'resident', valueText: 'A quarter of a million' },
  { say: 'Nearly a quarter of a million people rallied.', text: 'a quarter of a million people', value: num(250000), unit: 'person', valueText: 'a quarter of a million', hedge: 'nearly', hedgeText: 'Nearly' },
  { say: 'Three-quarters of a million voted.', text: 'Three-quarters of a million', value: num(750000) },
  { say: 'One country withdrew.', text: 'One country', value: num(1), unit: 'country', valueText: 'One' },
  { say: 'One year on, little changed.', text: 'One year', value: num(1), unit: 'year', valueText: 'One' },
  { say: 'The two sides met.', text: 'two sides', value: num(2), unit: 'side', valueText: 'two' },
  { say: 'It lasted two and a half years.', text: 'two and a half years', value: num(2.5), unit: 'year', valueText: 'two and a half' },
  { say: 'The ceasefire began a day after the vote.', text: 'a day', value: num(1), unit: 'day', form: { multiplier: ' day' } },
  { say: 'It took a year to draft.', text: 'a year', value: num(1), unit: 'year' },
  { say: 'Talks dragged on for nearly a year.', text: 'a year', value: num(1), unit: 'year', hedge: 'nearly', hedgeText: 'nearly' },
  { say: 'The plan covers a decade and a half.', text: 'a decade and a half', value: num(15), unit: 'year' },
  // "another" is the unit's article; the figure is the unit, so the hedge and "another" stay before it
  { say: 'The war could last at least another year.', text: 'year', value: num(1), unit: 'year', hedge: 'at-least', hedgeText: 'at least' },
  { say: 'It may take another decade.', text: 'decade', value: num(10), unit: 'year' },
  { say: 'Kyiv wants a quarter-century guarantee.', text: 'a quarter-century', value: num(25), unit: 'year' },
  { say: 'Kyiv wants a guarantee of a quarter century.', text: 'a quarter century', value: num(25), unit: 'year' },
  { say: 'The plan covers a decade.', text: 'a decade', value: num(10), unit: 'year', form: { multiplier: ' decade' } },
  { say: 'The plan covers two decades.', text: 'two decades', value: num(20), unit: 'year', form: { multiplier: ' decades' } },
  { say: 'It is a two-decade promise.', text: 'two-decade', value: num(20), unit: 'year', form: { compound: true, multiplier: '-decade' } },
  { say: 'Output rose threefold.', text: 'threefold', value: num(3), unit: 'fold', valueText: 'three', form: { compound: true } },
  { say: 'They announced a three-layered shield.', text: 'three-layered', value: num(3), unit: 'layer', valueText: 'three', form: { compound: true } },
  { say: 'They want half an hour.', text: 'half an hour', value: num(0.5), unit: 'hour' },
];

const shares: Row[] = [
  { say: 'Rebels hold three-quarters of the valley.', text: 'three-quarters', value: pct(75) },
  { say: 'Rebels hold about two-thirds of the valley.', text: 'two-thirds', value: pct(66.67), hedge: 'about', hedgeText: 'about' },
  { say: 'Rebels hold nine-tenths of the valley.', text: 'nine-tenths', value: pct(90) },
  { say: 'Rebels hold a quarter of the valley.', text: 'a quarter', value: pct(25) },
  { say: 'Rebels hold two fifths of the valley.', text: 'two fifths', value: pct(40) },
  { say: 'Rebels hold more than half of the valley.', text: 'half', value: pct(50), hedge: 'more-than', hedgeText: 'more than' },
  { say: 'One in five voters stayed home.', text: 'One in five', value: pct(20), form: { numeral: 'words' } },
  { say: 'Just 1 in 4 voters stayed home.', text: '1 in 4', value: pct(25), form: { numeral: 'digits' } },
  { say: 'Nine out of ten voters stayed home.', text: 'Nine out of ten', value: pct(90) },
  { say: 'Rebels hold nearly all of the valley.', text: 'nearly all', value: range(90, 100, true) },
  { say: 'Rebels hold most of the valley.', text: 'most', value: range(50, 100, true) },
];

const compounds: Row[] = [
  { say: 'They back an 800,000-strong army.', text: '800,000-strong', value: num(800000), unit: 'strong', valueText: '800,000', form: { compound: true, thousandsSeparator: ',' } },
  { say: 'She offered a 20-year lease.', text: '20-year', value: num(20), unit: 'year', valueText: '20', form: { compound: true } },
  { say: 'The 22-point memo leaked.', text: '22-point', value: num(22), unit: 'point', valueText: '22' },
  { say: 'A 30-nation group met.', text: '30-nation', value: num(30), unit: 'country', valueText: '30' },
  { say: 'A 30-country group met.', text: '30-country', value: num(30), unit: 'country', valueText: '30' },
  { say: 'A 25-minute call followed.', text: '25-minute', value: num(25), unit: 'minute', valueText: '25' },
  { say: 'A 40-page report followed.', text: '40-page', value: num(40), unit: 'page', valueText: '40' },
  { say: 'A 3-fold rise followed.', text: '3-fold', value: num(3), unit: 'fold', valueText: '3' },
  { say: 'Kyiv asked for a minimum 20-year pledge.', text: '20-year', value: num(20), unit: 'year', valueText: '20', hedge: 'at-least', hedgeText: 'a minimum' },
  { say: 'A 19-year-old was held.', text: '19-year-old', value: num(19), unit: 'year-old', valueText: '19' },
  { say: 'Kyiv dealt with four nuclear powers.', text: 'four nuclear powers', value: num(4), unit: 'power', valueText: 'four' },
  { say: 'It had three other signatories.', text: 'three other signatories', value: num(3), unit: 'signatory', valueText: 'three' },
  { say: 'Partners must back a half-million-strong army.', text: 'half-million-strong', value: num(500000), unit: 'strong', valueText: 'half-million' },
  { say: 'By now 50+ groups signed.', text: '50+ groups', value: num(50), unit: 'group', valueText: '50', hedge: 'at-least', hedgeText: '+' },
];

const rangesAndSets: Row[] = [
  { say: 'Estimates run 30 to 50 countries.', text: '30 to 50 countries', value: range(30, 50), unit: 'country', valueText: '30 to 50' },
  { say: 'He floated 30, 40 or even 60 years.', text: '30, 40 or even 60 years', value: set(30, 40, 60), unit: 'year', valueText: '30, 40 or even 60' },
  { say: 'He floated 30, 40, even 60 years.', text: '30, 40, even 60 years', value: set(30, 40, 60), unit: 'year', valueText: '30, 40, even 60' },
  { say: 'Envoys of 20 or perhaps 25 countries came.', text: '20 or perhaps 25 countries', value: set(20, 25), unit: 'country', valueText: '20 or perhaps 25' },
  { say: 'Estimates run 30–50 countries.', text: '30–50 countries', value: range(30, 50), unit: 'country', valueText: '30–50' },
  { say: 'Estimates run 30-50 countries.', text: '30-50 countries', value: range(30, 50), unit: 'country', valueText: '30-50' },
  { say: 'Support is 30–50% in polls.', text: '30–50%', value: range(30, 50, true), form: { percentStyle: '%' } },
  { say: 'Support is 30% to 50% in polls.', text: '30% to 50%', value: range(30, 50, true) },
  { say: 'Support is between 30 and 50 percent.', text: 'between 30 and 50 percent', value: range(30, 50, true), valueText: '30 and 50 percent' },
  { say: 'It may last between 10 and 15 years.', text: 'between 10 and 15 years', value: range(10, 15), unit: 'year', valueText: '10 and 15' },
  { say: 'Costs of 1.5 to 2 million euros were cited.', text: '1.5 to 2 million euros', value: range(1.5e6, 2e6), unit: 'euro', valueText: '1.5 to 2 million' },
  { say: 'It could take two to three weeks.', text: 'two to three weeks', value: range(2, 3), unit: 'week', valueText: 'two to three' },
  { say: 'He mentioned 30, 40, 50 years.', text: '30, 40, 50 years', value: set(30, 40, 50), unit: 'year', valueText: '30, 40, 50' },
  { say: 'He mentioned 30, 40 or 50 years.', text: '30, 40 or 50 years', value: set(30, 40, 50), unit: 'year', valueText: '30, 40 or 50' },
  { say: 'Give it two or three decades.', text: 'two or three decades', value: set(20, 30), unit: 'year', valueText: 'two or three' },
  { say: 'He asked for “30, 40, 50 years” of cover.', text: '30, 40, 50 years', value: set(30, 40, 50), unit: 'year', valueText: '30, 40, 50' },
];

const vague: Row[] = [
  { say: 'Talks may need several weeks.', text: 'several weeks', value: range(3, 9), unit: 'week', valueText: 'several' },
  { say: 'Talks may need a few days.', text: 'a few days', value: range(2, 5), unit: 'day', valueText: 'a few' },
  { say: 'Paris could send thousands of troops.', text: 'thousands of troops', value: range(2000, 9999), unit: 'troop', valueText: 'thousands' },
  { say: 'Paris could send dozens of jets.', text: 'dozens of jets', value: range(24, 99), unit: 'jet', valueText: 'dozens' },
  { say: 'Tens of thousands of marchers came.', text: 'Tens of thousands of marchers', value: range(20000, 99999), unit: 'marcher', valueText: 'Tens of thousands' },
  { say: 'Hundreds of thousands of people fled.', text: 'Hundreds of thousands of people', value: range(200000, 999999), unit: 'person', valueText: 'Hundreds of thousands' },
  { say: 'Several thousand marched.', text: 'Several thousand', value: range(3000, 9000), unit: 'person' },
  { say: 'Thousands of Ukrainians rallied.', text: 'Thousands', value: range(2000, 9999) },
  { say: 'They sent hundreds of the drones.', text: 'hundreds of the drones', value: range(200, 999), unit: 'drone', valueText: 'hundreds' },
];

const ordinals: Row[] = [
  { say: 'It marks the fourth anniversary.', text: 'fourth anniversary', value: ord(4), unit: 'anniversary', valueText: 'fourth', form: { numeral: 'words' } },
  { say: 'The blockade is in its fifth year.', text: 'fifth year', value: ord(5), unit: 'year', valueText: 'fifth' },
  { say: 'It is the fifth consecutive year of cuts.', text: 'fifth consecutive year', value: ord(5), unit: 'year', valueText: 'fifth' },
  { say: 'He came 4th overall.', text: '4th', value: ord(4), form: { numeral: 'digits' } },
  { say: 'It was the 21st summit.', text: '21st summit', value: ord(21), unit: 'summit', valueText: '21st' },
  { say: 'A twenty-first century war.', text: 'twenty-first century', value: ord(21), unit: 'century', valueText: 'twenty-first' },
  { say: 'The first anniversary passed quietly.', text: 'first anniversary', value: ord(1), unit: 'anniversary', valueText: 'first' },
  { say: 'A second round is due.', text: 'second round', value: ord(2), unit: 'round', valueText: 'second' },
  { say: 'The third tranche arrived.', text: 'third tranche', value: ord(3), unit: 'tranche', valueText: 'third' },
];

const hedged: Row[] = [
  { say: 'Officials said about 30 died.', text: '30', value: num(30), hedge: 'about', hedgeText: 'about' },
  { say: 'Officials said approximately 30 died.', text: '30', value: num(30), hedge: 'about', hedgeText: 'approximately' },
  { say: 'Officials said around 30 died.', text: '30', value: num(30), hedge: 'about', hedgeText: 'around' },
  { say: 'Officials said an estimated 30 died.', text: '30', value: num(30), hedge: 'about', hedgeText: 'an estimated' },
  { say: 'Officials said almost 30 died.', text: '30', value: num(30), hedge: 'nearly', hedgeText: 'almost' },
  { say: 'Officials said close to 30 died.', text: '30', value: num(30), hedge: 'nearly', hedgeText: 'close to' },
  { say: 'Officials said just under 30 died.', text: '30', value: num(30), hedge: 'nearly', hedgeText: 'just under' },
  { say: 'Officials said at least 30 died.', text: '30', value: num(30), hedge: 'at-least', hedgeText: 'at least' },
  { say: 'Officials said a minimum of 30 died.', text: '30', value: num(30), hedge: 'at-least', hedgeText: 'a minimum of' },
  { say: 'Officials said no fewer than 30 died.', text: '30', value: num(30), hedge: 'at-least', hedgeText: 'no fewer than' },
  { say: 'Officials said more than 30 died.', text: '30', value: num(30), hedge: 'more-than', hedgeText: 'more than' },
  { say: 'Officials said upwards of 30 died.', text: '30', value: num(30), hedge: 'more-than', hedgeText: 'upwards of' },
  { say: 'Officials said up to 30 died.', text: '30', value: num(30), hedge: 'up-to', hedgeText: 'up to' },
  { say: 'Officials said as many as 30 died.', text: '30', value: num(30), hedge: 'up-to', hedgeText: 'as many as' },
  { say: 'Officials said fewer than 30 died.', text: '30', value: num(30), hedge: 'less-than', hedgeText: 'fewer than' },
  { say: 'Officials said less than 30% voted.', text: '30%', value: pct(30), hedge: 'less-than', hedgeText: 'less than' },
  { say: 'Accession could come as soon as 2028.', text: '2028', value: year(2028), hedge: 'as-soon-as', hedgeText: 'as soon as' },
  { say: 'Accession could come as early as mid-2028.', text: 'mid-2028', value: year(2028), valueText: '2028', hedge: 'as-soon-as', hedgeText: 'as early as' },
  // A bound said after the figure
  { say: 'Accession could come in 2028 at the earliest.', text: '2028', value: year(2028), hedge: 'as-soon-as', hedgeText: 'at the earliest' },
  { say: 'Some pointed to 2028 as the earliest date.', text: '2028', value: year(2028), hedge: 'as-soon-as', hedgeText: 'as the earliest date' },
  { say: 'Kyiv wants guarantees of 20 years or more.', text: '20 years', value: num(20), unit: 'year', valueText: '20', hedge: 'at-least', hedgeText: 'or more' },
  { say: 'Kyiv wants guarantees for three decades at minimum.', text: 'three decades', value: num(30), unit: 'year', valueText: 'three decades', hedge: 'at-least', hedgeText: 'at minimum', form: { multiplier: ' decades' } },
  { say: 'It took a week or so.', text: 'a week', value: num(1), unit: 'week', hedge: 'about', hedgeText: 'or so' },
  { say: 'The talks may take two months at most.', text: 'two months', value: num(2), unit: 'month', valueText: 'two', hedge: 'up-to', hedgeText: 'at most' },
  { say: 'It costs 20 euros or less, sellers say.', text: '20 euros', value: num(20), unit: 'euro', valueText: '20', hedge: 'up-to', hedgeText: 'or less' },
  // not a bound: a list, and a phrase across a line break
  { say: 'Kyiv wants 20 or 30 years.', text: '20 or 30 years', value: set(20, 30), unit: 'year', valueText: '20 or 30' },
  { say: 'Kyiv wants 20 years\nor more money.', text: '20 years', value: num(20), unit: 'year', valueText: '20' },
  { say: 'The levy stays for at least another two months.', text: 'two months', value: num(2), unit: 'month', valueText: 'two', hedge: 'at-least', hedgeText: 'at least' },
  { say: 'Roughly three-quarters agreed.', text: 'three-quarters', value: pct(75), hedge: 'about', hedgeText: 'Roughly' },
  { say: 'The deal is almost 90 percent done.', text: '90 percent', value: pct(90), hedge: 'nearly', hedgeText: 'almost' },
];

const dates: Row[] = [
  { say: 'It was signed on January 6, 2026 in Paris.', text: 'January 6, 2026', value: date(1, 6, 2026) },
  { say: 'It was signed on 6 January 2026 in Paris.', text: '6 January 2026', value: date(1, 6, 2026) },
  { say: 'It was signed on Jan. 6 in Paris.', text: 'Jan. 6', value: date(1, 6) },
  { say: 'The interview ran on Dec. 16, 2025, online.', text: 'Dec. 16, 2025', value: date(12, 16, 2025) },
  { say: 'It was signed on the 6th of January.', text: '6th of January', value: date(1, 6) },
  { say: 'The mission began in January 2024.', text: 'January 2024', value: { kind: 'date', year: 2024, month: 1 } },
  { say: 'They met on Saturday, March 14 at 10:30 a.m. sharp.', text: 'March 14', value: date(3, 14) },
  { say: 'Results are due by November 3.', text: 'November 3', value: date(11, 3) },
  { say: 'Filed on 2026-01-06 by the clerk.', text: '2026-01-06', value: date(1, 6, 2026) },
  { say: 'Talks ran from January 22 to January 29.', text: 'January 29', value: date(1, 29) },
  // day and month in digits, when the order is plain
  { say: 'Reuters reported on 1/29/2026 that talks stalled.', text: '1/29/2026', value: date(1, 29, 2026) },
  { say: 'Reuters reported on 29/01/2026 that talks stalled.', text: '29/01/2026', value: date(1, 29, 2026) },
  { say: 'It was filed on 12/12/2025.', text: '12/12/2025', value: date(12, 12, 2025) },
  // a part of a month: the month is the value, the part is not compared
  { say: 'The coalition convenes in mid-February.', text: 'mid-February', value: date(2), valueText: 'February' },
  { say: 'The coalition convenes in mid February.', text: 'mid February', value: date(2), valueText: 'February' },
  { say: 'It is scheduled to convene early in January.', text: 'early in January', value: date(1), valueText: 'January' },
  { say: 'Late March is when it ends.', text: 'Late March', value: date(3), valueText: 'March' },
  { say: 'It began in early January 2024.', text: 'January 2024', value: { kind: 'date', year: 2024, month: 1 } },
];

const years: Row[] = [
  { say: 'The memorandum was signed in 1994 in Budapest.', text: '1994', value: year(1994), form: { numeral: 'digits' } },
  // years as they are spoken
  { say: 'She could join as soon as twenty twenty-eight.', text: 'twenty twenty-eight', value: year(2028), hedge: 'as-soon-as', hedgeText: 'as soon as' },
  { say: 'OWEN: Nineteen ninety-four.', text: 'Nineteen ninety-four', value: year(1994) },
  { say: 'It was built in twenty oh five.', text: 'twenty oh five', value: year(2005) },
  { say: 'Some twenty people came.', text: 'twenty people', value: num(20), unit: 'person', hedge: 'about', hedgeText: 'Some', valueText: 'twenty' },
  { say: 'The 1994 memorandum failed.', text: '1994', value: year(1994) },
  { say: 'The accords of 2014 and ’15 collapsed.', text: '’15', value: year(2015) },
  { say: "The accords of 2014 and '15 collapsed.", text: "'15", value: year(2015) },
  { say: 'The 2014–15 season ended.', text: '15', value: year(2015) },
  { say: 'A policy from the 1990s returned.', text: '1990s', value: decade(1990) },
  { say: 'A policy from the ’90s returned.', text: '’90s', value: decade(1990) },
  { say: 'Growth resumed by mid-2025.', text: 'mid-2025', value: year(2025), valueText: '2025' },
  { say: 'Around 2014 the mood shifted.', text: '2014', value: year(2014), hedge: 'about', hedgeText: 'Around' },
  { say: 'More than 2000 died.', text: '2000', value: num(2000), hedge: 'more-than', hedgeText: 'More than' },
  { say: 'Some 2000 troops and 1500 police were sent.', text: '1500 police', value: num(1500), unit: 'police', valueText: '1500' },
];

describe('extractFigures: what it finds', () => {
  const tables: Array<[string, Row[]]> = [
    ['digits', digits], ['percents', percents], ['number words', words], ['shares', shares], ['compounds', compounds],
    ['ranges and sets', rangesAndSets], ['vague amounts', vague], ['ordinals', ordinals], ['hedges', hedged],
    ['dates', dates], ['years', years],
  ];
  for (const [name, rows] of tables) {
    describe(name, () => {
      it.each(rows.map((r) => [r.say, r] as const))('%s', (_say, row) => check(row));
    });
  }
});

// Sentences and the exact figures they hold, in order (nothing more).
const exact: Array<[string, string[]]> = [
  ['Coordinated years stay apart: 2014 and 2015.', ['2014', '2015']],
  // No figure reaches across a blank line: not a year's short form, not a date.
  ['The accords of 2014\n\nand ’15 collapsed.', ['2014', '15']],
  ['They met on January 6\n\n20 countries came.', ['January 6', '20 countries']],
  // Nor does a date reach into the next sentence, or take a bare number after its year for the
  // hour: the number is the next figure.
  ['They met on January 6, 2026. 20 people came.', ['January 6, 2026', '20 people']],
  ['They met on January 6, 2026.\r\n20-point plan talks went on.', ['January 6, 2026', '20-point']],
  ['They met on January 6.\n20 people came.', ['January 6', '20 people']],
  ['Was it January 6? 20 people said yes.', ['January 6', '20 people']],
  ['They met on January 6, 2026\n20 people came.', ['January 6, 2026', '20 people']],
  ['They met on January 6 2026, 20 soldiers came.', ['January 6 2026', '20 soldiers']],
  ['Talks opened Jan. 6, 2026, at 10:30 a.m. 20 people came.', ['Jan. 6, 2026', '20 people']],
  ['Accords were signed in 2014 and 2016, then dropped.', ['2014', '2016']],
  ['From 2014 to 2016 it held.', ['2014', '2016']],
  ['The tally was 311 to 12.', ['311', '12']],
  ['Prices rose from 30 to 50.', ['30', '50']],
  ['On day 3, 20 soldiers left.', ['3', '20 soldiers']],
  ['It happened on Saturday.', []],
  ['It happens on Monday or next week, unlike last year.', []],
  ['Hold until 07:15 CET.', []],
  ['The session opens at 10:30 a.m. and closes at 6pm or 7 p.m.', []],
  ['Call +44 161 496 0321 or (0161) 496 0321 or 555-123-4567.', []],
  // A phone number ends with its line: the next line's "(99% …)" is a figure of its own.
  ['Call (0161) 496 0321\n(99% of calls are answered)', ['99%']],
  ['See page 7 and Article 5, Section 3, Chapter 2, No. 10, #4 and Resolution 2202.', []],
  ['It flies F-16, S-400, MiG-29 and Su-35 jets; COVID-19 and G7/G20 too.', []],
  ['H2O and x86_64 and v1.2 and version 1.2.3 are names.', []],
  ['Read https://example.org/2024/05/report-30 first.', []],
  ['A claim.[^1] Another.[2] A third.[3, 4]', []],
  ['1. First point\n2. Second point\n3) Final point', []],
  ['> 4. quoted list item', []],
  ['In May, troops may 10 times have tried.', ['10 times']],
  // "all but 1 per cent" states the other 99
  ['Russia holds all but 1 per cent of Luhansk.', []],
  // a date whose order is not plain is not read; nor are paths and longer chains
  ['Reuters reported on 01/02/2026 that talks stalled.', []],
  ['See 2026/1/29/3 and 1/29/2026/4.', []],
  // a month named in passing is not a figure; nor is a part of one across a blank line or lower-case
  ['They meet in February and again in March.', []],
  ['It came early\n\nJanuary was cold.', []],
  ['the late may lilies and early march winds', []],
  ['an early-March meeting', []],
  ['No one came; one of them left.', []],
  ['In one case, at one point, one official spoke.', []],
  ['Text © 2026 Harbour Press, reuse by licence.', []],
  ['It was the first step, and a second later it ended.', []],
  ['Once a year and twice a day they meet.', []],
  ['Thousands marched, and hundreds more waited.', []],
  ['A 24/7 ratio of 3:1.', []],
  ['The 1990’s were calm.', ['1990’s']],
];

describe('extractFigures: exact figure lists', () => {
  it.each(exact)('%s', (say, expected) => {
    expect(texts(say)).toEqual(expected);
  });
});

describe('offsets are string indices (UTF-16)', () => {
  const cases: Array<[string, string, string]> = [
    ['CRLF', 'First line.\r\nSecond line has 32 countries.\r\n\r\nThird has 15 years.', '15 years'],
    ['emoji', '🇺🇦🙂 Kyiv 😀 wants 20 years of cover.', '20 years'],
    ['Cyrillic', 'Київ і Москва: 30 країн. Then 25 nations met.', '25 nations'],
    ['curly quotes', '“He wants ‘30, 40, 50 years’,” she said.', '30, 40, 50 years'],
    ['NBSP', 'An army of 800\u00a0000 soldiers.', '800\u00a0000 soldiers'],
    ['narrow NBSP', 'An army of 800\u202f000 soldiers.', '800\u202f000 soldiers'],
    ['astral before date', '𝒜 note — signed 6 January 2026.', '6 January 2026'],
  ];
  it.each(cases)('%s', (_name, say, text) => {
    const f = extractFigures(say).find((x) => x.text === text);
    expect(f).toBeDefined();
    expect(say.slice(f!.span.start, f!.span.end)).toBe(text);
    expect(say.indexOf(text)).toBe(f!.span.start);
  });

  it('finds every figure after CRLF lines, with the same values as with LF', () => {
    const lf = 'A 12-step plan.\n\nAbout 90,000 marchers.\nOn January 6, 2026 they met.';
    const crlf = lf.replace(/\n/g, '\r\n');
    const strip = (fs: Figure[]) => fs.map((f) => [f.text, f.value, f.unit, f.hedge]);
    expect(strip(extractFigures(crlf))).toEqual(strip(extractFigures(lf)));
  });
});

describe('figures are ordered and do not overlap', () => {
  const draft = [
    '# Briefing',
    '',
    'Roughly 180,000 marchers gathered on 14 February 2026, demanding a 20-year guarantee. ',
    'Officials offered 15 years; three-quarters of the region and nearly all of the south are held. ',
    '1. An 800,000-strong army',
    '2. A 30-country coalition, between 30 and 50 percent funded',
    '',
    'The siege, in its fourth year, could last several weeks more, or another two years. In 1994 and 2014 ',
    'the accords (see page 7) failed; call +44 161 496 0321 before 07:15.',
  ].join('\n');

  it('sorted by start, disjoint, hedges outside spans', () => {
    const fs = extractFigures(draft);
    expect(fs.length).toBeGreaterThan(10);
    let end = -1;
    for (const f of fs) {
      const start = Math.min(f.span.start, f.hedgeSpan?.start ?? f.span.start);
      expect(start).toBeGreaterThanOrEqual(end);
      expect(f.valueSpan.start).toBeGreaterThanOrEqual(f.span.start);
      expect(f.valueSpan.end).toBeLessThanOrEqual(f.span.end);
      if (f.hedgeSpan) expect(f.hedgeSpan.end <= f.span.start || f.hedgeSpan.start >= f.valueSpan.end).toBe(true);
      expect(draft.slice(f.span.start, f.span.end)).toBe(f.text);
      end = f.span.end;
    }
  });
});

describe('robustness', () => {
  const nasty: Array<[string, string]> = [
    ['NUL bytes', '\u0000\u0000 30 countries \u0000'],
    ['lone surrogates', '\ud800 30 \udc00 countries \ud83d'],
    ['100,000 digits', '9'.repeat(100_000)],
    ['a million commas', ','.repeat(1_000_000)],
    ['digit groups forever', `1${',000'.repeat(100_000)}`],
    ['dots and digits', '1.'.repeat(100_000)],
    ['month names only', 'January '.repeat(20_000)],
    ['dates back to back', 'January 6, '.repeat(5_000)],
    ['empty', ''],
  ];
  it.each(nasty)('%s: returns quickly without throwing', (_name, text) => {
    const t = performance.now();
    const fs = extractFigures(text);
    expect(Array.isArray(fs)).toBe(true);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('returns nothing for a non-string', () => {
    expect(extractFigures(undefined as unknown as string)).toEqual([]);
  });
});

describe('formatting a sourced value in the draft style', () => {
  const like = (say: string, text: string): FigureForm => {
    const f = extractFigures(say).find((x) => x.text === text);
    if (!f) throw new Error(`no figure ${text}`);
    return f.form;
  };
  const rows: Array<[string, string, string, number, string]> = [
    // sentence, figure text, kind of writer, new value, expected replacement of the valueSpan
    ['We saw three years of war.', 'three years', 'words', 2, 'two'],
    ['We counted 250,000 ballots.', '250,000 ballots', 'comma', 200000, '200,000'],
    ['We counted 250 000 ballots.', '250 000 ballots', 'space', 200000, '200 000'],
    ['We counted 250\u00a0000 ballots.', '250\u00a0000 ballots', 'nbsp', 1200000, '1\u00a0200\u00a0000'],
    ['A 900,000-strong army.', '900,000-strong', 'compound', 800000, '800,000'],
    ['It is 95 percent agreed.', '95 percent', 'percent word', 90, '90 percent'],
    ['It is 95% agreed.', '95%', 'percent sign', 90, '90%'],
    ['It is 95 per cent agreed.', '95 per cent', 'per cent', 66.67, '66.67 per cent'],
    ['They pledged 1.5 million doses.', '1.5 million doses', 'scale word', 2e6, '2 million'],
    ['They pledged 800k doses.', '800k doses', 'scale suffix', 750000, '750k'],
    ['They pledged 800k doses.', '800k doses', 'scale suffix, odd value', 123456, '123,456'],
    ['A 1 million-strong army.', '1 million-strong', 'scale word, under one of it', 800000, '800,000'],
    ['The plan covers two decades.', 'two decades', 'decades', 30, 'three decades'],
    ['The plan covers two decades.', 'two decades', 'decades to years', 15, 'fifteen years'],
    ['It is a two-decade promise.', 'two-decade', 'compound decade', 15, 'fifteen-year'],
    ['It took a year.', 'a year', 'a year', 2, 'two years'],
    ['It took nearly a decade.', 'a decade', 'a decade', 20, 'two decades'],
    // the article belongs to "half"; a century is a hundred years
    ['It took half a century.', 'half a century', 'half a century', 15, 'fifteen years'],
    ['It took half a decade.', 'half a decade', 'half a decade', 2, 'two years'],
    ['Eight hundred thousand recruits.', 'Eight hundred thousand recruits', 'big words', 900000, 'nine hundred thousand'],
  ];
  it.each(rows)('%s -> %s (%s, %d)', (say, text, _kind, n, expected) => {
    expect(formatNumber(n, like(say, text))).toBe(expected);
  });

  it('writes ordinals as words or digits', () => {
    expect(formatOrdinal(4, { numeral: 'words', compound: false })).toBe('fourth');
    expect(formatOrdinal(21, { numeral: 'words', compound: false })).toBe('twenty-first');
    expect(formatOrdinal(4, { numeral: 'digits', compound: false })).toBe('4th');
    expect(formatOrdinal(11, { numeral: 'digits', compound: false })).toBe('11th');
    expect(formatOrdinal(22, { numeral: 'digits', compound: false })).toBe('22nd');
    expect(formatOrdinal(103, { numeral: 'digits', compound: false })).toBe('103rd');
  });

  it.each([
    [0, 'zero'], [3, 'three'], [25, 'twenty-five'], [100, 'one hundred'], [250, 'two hundred fifty'],
    [800000, 'eight hundred thousand'], [1500000, 'one million five hundred thousand'], [2.5, 'two and a half'],
  ] as Array<[number, string]>)('numberToWords(%d) = %s', (n, w) => {
    expect(numberToWords(n)).toBe(w);
  });

  it.each([[1, 'first'], [2, 'second'], [12, 'twelfth'], [20, 'twentieth'], [33, 'thirty-third'], [100, 'one hundredth']] as Array<[number, string]>)(
    'ordinalToWords(%d) = %s', (n, w) => {
      expect(ordinalToWords(n)).toBe(w);
    },
  );

  it('round-trips: words written by numberToWords are read back', () => {
    for (const n of [7, 19, 42, 300, 1200, 65000, 800000]) {
      const f = extractFigures(`They counted ${numberToWords(n)} ballots.`)[0];
      expect(f?.value).toEqual(num(n));
    }
  });
});
