import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check } from '../../server/src/core/check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import type { Finding } from '../../server/src/core/types';

const root = resolve(__dirname, '../..');
const { base } = parseFactBase(parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')));

/** The finding whose figure covers the n-th occurrence of `needle` in `text`. */
function findingAt(findings: Finding[], text: string, needle: string, occurrence = 1): Finding | undefined {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  return findings.find((f) => f.figure.span.start < at + needle.length && at < f.figure.span.end);
}

// [draft sentence(s), figure, expected verdict ('silent' = no finding at all), expected fact id]
type Row = [string, string, 'wrong' | 'ok' | 'disputed' | 'silent', string?];

const rows: Row[] = [
  // shares of territory, tied by "of X"; swapped values are wrong
  ['Russian troops control about 75% of Donetsk.', '75%', 'ok', 'russia-holds-75-percent-donetsk'],
  ['Russian troops control roughly 90% of the Donetsk region.', '90%', 'wrong', 'russia-holds-75-percent-donetsk'],
  ['Moscow controls 75% of Luhansk and 99% of Donetsk.', '75%', 'wrong', 'russia-holds-99-percent-luhansk'],
  ['Moscow controls 75% of Luhansk and 99% of Donetsk.', '99%', 'wrong', 'russia-holds-75-percent-donetsk'],
  ['Russia holds about 75% of Donetsk, 99% of Luhansk and roughly a fifth of Ukraine overall.', '99%', 'ok', 'russia-holds-99-percent-luhansk'],
  ['Kremlin forces occupy nearly all of Luhansk.', 'nearly all', 'ok', 'russia-holds-99-percent-luhansk'],
  ['Its army holds three-quarters of Donetsk.', 'three-quarters', 'ok', 'russia-holds-75-percent-donetsk'],
  ['Two-thirds of Donetsk is under Russian control.', 'Two-thirds', 'wrong', 'russia-holds-75-percent-donetsk'],
  ['Nearly 80% of Donetsk is occupied, officials estimate.', '80%', 'ok', 'russia-holds-75-percent-donetsk'],
  ['Russian forces hold about 80% of Donetsk.', '80%', 'wrong', 'russia-holds-75-percent-donetsk'],
  ['Russian forces hold roughly 77% of Donetsk.', '77%', 'ok', 'russia-holds-75-percent-donetsk'],
  ['Russian forces hold roughly 95% of Luhansk.', '95%', 'wrong', 'russia-holds-99-percent-luhansk'],
  ['Russian forces hold about 98% of Luhansk.', '98%', 'ok', 'russia-holds-99-percent-luhansk'],
  ['A survey says 75% of Ukrainians reject concessions.', '75%', 'silent'],
  // what Ukraine still holds is the rest of each region
  ['Roughly a quarter of Donetsk is still in Ukrainian hands.', 'a quarter', 'ok', 'ukraine-holds-25-percent-donetsk'],
  ['Roughly a tenth of Donetsk is still in Ukrainian hands.', 'a tenth', 'wrong', 'ukraine-holds-25-percent-donetsk'],
  ['Russia holds a quarter of Donetsk.', 'a quarter', 'wrong', 'russia-holds-75-percent-donetsk'],
  ['Only 1% of Luhansk remains under Ukrainian control.', '1%', 'ok', 'ukraine-holds-1-percent-luhansk'],
  // guarantee lengths: who offered and who asked matters
  ['The Americans offered a 15-year security pact.', '15-year', 'ok', 'us-offer-15-years'],
  ['Washington has proposed a guarantee of 12 years.', '12 years', 'wrong', 'us-offer-15-years'],
  ['Zelenskyy asked for a 15-year guarantee at Munich.', '15-year', 'wrong', 'zelenskyy-demand-min-20-years'],
  ['In Munich, Kyiv demanded security guarantees lasting at least 20 years.', '20 years', 'ok', 'zelenskyy-demand-min-20-years'],
  ['The US offered a guarantee lasting 20 years.', '20 years', 'wrong', 'us-offer-15-years'],
  ['Zelensky wants a two-decade American commitment.', 'two-decade', 'ok', 'zelenskyy-demand-min-20-years'],
  // counts with distinctive units
  ['The coalition now has 31 member countries.', '31', 'wrong', 'coalition-30-countries'],
  ['A coalition of 30 nations backs the plan.', '30 nations', 'ok', 'coalition-30-countries'],
  ['A 30-page annex lists coalition members.', '30-page', 'silent'],
  ['Partners will back an army of 800,000 troops.', '800,000', 'ok', 'ukraine-military-800000'],
  ['Partners will back a 700,000-strong Ukrainian army.', '700,000-strong', 'wrong', 'ukraine-military-800000'],
  ['Officials printed 800 copies of the plan.', '800', 'silent'],
  ['Kyiv wants five-layered security guarantees.', 'five-layered', 'wrong', 'guarantees-three-layers'],
  ['Some 300,000 protesters marched in Munich.', '300,000', 'wrong', 'munich-protest-200000'],
  ['About 200,000 people rallied in Munich against Tehran.', '200,000', 'ok', 'munich-protest-200000'],
  ['A crowd of 250,000 gathered in Munich against Tehran.', '250,000', 'wrong', 'munich-protest-200000'],
  ['Nearly a quarter of a million people took to the streets of Munich.', 'a quarter of a million', 'wrong', 'munich-protest-200000'],
  ['Partners must support an army of 800k.', '800k', 'ok', 'ukraine-military-800000'],
  ["Ukraine's army numbers 880,000.", '880,000', 'wrong', 'ukraine-military-800000'],
  ['In Munich a crowd estimated at 20,000 marched against Tehran.', '20,000', 'wrong', 'munich-protest-200000'],
  // years: the nearest name decides; coordinated years align with their facts
  ['The Budapest Memorandum was signed in 1995.', '1995', 'wrong', 'budapest-memorandum-1994'],
  ['Ukraine became independent in 1991 and signed the Budapest Memorandum in 1994.', '1991', 'silent'],
  ['The Minsk agreements of 2014 and 2017 collapsed.', '2017', 'wrong', 'minsk-ii-2015'],
  ['The Minsk agreements of 2014 and 2017 collapsed.', '2014', 'ok', 'minsk-i-2014'],
  ['Russia annexed Crimea in 2015.', '2015', 'wrong', 'russia-first-invaded-2014'],
  ['The full-scale invasion began in 2022.', '2022', 'ok', 'full-scale-invasion-2022'],
  ['EU officials say Ukraine could join the bloc as soon as 2030.', '2030', 'wrong', 'eu-accession-as-soon-as-2027'],
  ['Zelenskyy has promised EU membership by 2027.', '2027', 'wrong', 'eu-accession-as-soon-as-2027'],
  // dates and ordinals
  ['Axios published the interview on December 27, 2025.', 'December 27, 2025', 'wrong', 'axios-interview-2025-12-26'],
  ['Axios published the interview on 26 December 2025.', '26 December 2025', 'ok', 'axios-interview-2025-12-26'],
  ['Reuters reported the condition on Jan. 27.', 'Jan. 27', 'ok', 'reuters-report-2026-01-27'],
  ['The war is in its third year.', 'third year', 'wrong', 'war-in-fourth-year'],
  ['The war nears its fourth anniversary.', 'fourth anniversary', 'ok', 'war-approaching-fourth-anniversary'],
  ['He planned to meet European partners and Trump in January 2024.', 'January 2024', 'wrong', 'europe-trump-meeting-january-2026'],
  // datelines are not claims; overlapping names of different subjects are all found
  ['KYIV, Jan. 8 (Wire) — Britain and France signed a declaration of intent on January 6, 2026.', 'Jan. 8', 'silent'],
  ['KYIV, Jan. 8 (Wire) — Britain and France signed a declaration of intent on January 6, 2026.', 'January 6, 2026', 'ok', 'paris-coalition-meeting-2026-01-06'],
  ['KYIV, Jan. 8 (Reuters) - Zelenskiy said Reuters had reported the condition.', 'Jan. 8', 'silent'],
  // durations in neighbouring units, bounds in both directions, precision, labels, clauses
  ['European leaders expect the war to last at least another 18 months.', '18 months', 'wrong', 'war-at-least-two-more-years'],
  ['European leaders expect the war to last at least another 24 months.', '24 months', 'ok', 'war-at-least-two-more-years'],
  ['At Munich, Zelenskyy asked for a guarantee of up to 20 years.', '20 years', 'wrong', 'zelenskyy-demand-min-20-years'],
  ['More than 250,000 protesters marched in Munich.', '250,000', 'wrong', 'munich-protest-200000'],
  ['More than 200,000 protesters marched in Munich.', '200,000', 'ok', 'munich-protest-200000'],
  ['Washington offered guarantees lasting up to 50 years.', '50 years', 'wrong', 'us-offer-15-years'],
  ['The coalition of the willing met in Paris on 7 January.', '7 January', 'wrong', 'paris-coalition-meeting-2026-01-06'],
  ['- Jan. 25: Zelensky says the US guarantee document is ready.', 'Jan. 25', 'wrong', 'us-document-ready-2026-01-22'],
  ['- **Jan. 25** — Zelensky says the US security-guarantee document is ready.', 'Jan. 25', 'wrong', 'us-document-ready-2026-01-22'],
  ['- *Jan. 25*: Zelensky says the US security-guarantee document is ready.', 'Jan. 25', 'wrong', 'us-document-ready-2026-01-22'],
  ['- Jan. 25 - Zelensky says the US security-guarantee document is ready.', 'Jan. 25', 'wrong', 'us-document-ready-2026-01-22'],
  ['- **Jan. 22:** Zelensky says the US security-guarantee document is ready.', 'Jan. 22', 'ok', 'us-document-ready-2026-01-22'],
  // a dash inside a sentence labels nothing
  ['By Jan. 25 - a week of talks later - Zelensky said the US security-guarantee document was ready.', 'Jan. 25', 'silent'],
  ['A poll found 54% of Ukrainians reject ceding Donetsk, while 18 per cent would accept a freeze.', '18 per cent', 'silent'],
  ['He wants at least 25 years, longer than the 15-year pledge the US has offered.', '15-year', 'ok', 'us-offer-15-years'],
  ['At the Munich Security Conference he set a floor of 25 years.', '25 years', 'wrong', 'zelenskyy-demand-min-20-years'],
  ['Senators debated the 15-year guarantee on the Senate floor.', '15-year', 'ok', 'us-offer-15-years'],
  // a speech verb names the speaker, who may cite another party's figure; a stance word names the owner
  ['Zelenskyy told the conference that a 15-year guarantee would not be enough.', '15-year', 'ok', 'us-offer-15-years'],
  ['In Munich, Zelenskyy told reporters that a 25-year guarantee was the minimum.', '25-year', 'wrong', 'zelenskyy-demand-min-20-years'],
  ['At Munich, Zelenskyy demanded a 15-year guarantee.', '15-year', 'wrong', 'zelenskyy-demand-min-20-years'],
  // a list of values takes its subject from the occasion named with it
  ['In the audio message after Mar-a-Lago, Zelensky said he would like Washington to consider 30, 40 or 60 years.', '30, 40 or 60 years', 'wrong', 'zelensky-floated-30-40-50-years'],
  ['In an audio message, Kyiv said it would like Washington to consider three, four or five decades.', 'three, four or five decades', 'ok', 'zelensky-floated-30-40-50-years'],
  ['In the audio message Zelensky said reconstruction would take 10 years.', '10 years', 'silent'],
  ['Zelensky said he would like Washington to consider 30, 40 or 60 years.', '30, 40 or 60 years', 'silent'],
  // "residents" after the name makes the figure about people, but only in the same sentence
  ['Russia holds about 85% of Luhansk\n\nPeople fled west.', '85%', 'wrong', 'russia-holds-99-percent-luhansk'],
  ['Russia holds about 85% of Luhansk. Residents fled west.', '85%', 'wrong', 'russia-holds-99-percent-luhansk'],
  // a date opening its sentence is when the clause happened
  ['On 22 January he said the American guarantee document was ready.', '22 January', 'ok', 'us-document-ready-2026-01-22'],
  ['By Jan. 25 Zelensky was saying the US guarantee document was ready.', 'Jan. 25', 'wrong', 'us-document-ready-2026-01-22'],
  ['In 1995 Ukraine gave up its arsenal under the Budapest Memorandum.', '1995', 'wrong', 'budapest-memorandum-1994'],
  ['On Jan. 25, Zelensky met envoys, but the US guarantee document was ready only later.', 'Jan. 25', 'silent'],
  ['Zelensky said on Jan. 25 that he would travel to Davos, and that the document was ready.', 'Jan. 25', 'silent'],
  // a span of time before "after" is about the event that clause names
  ['The warning comes a day after the UK and France signed a declaration of intent.', 'a day', 'ok', 'zelensky-remarks-day-after-declaration'],
  ['He spoke out three days after Britain and France had signed a declaration.', 'three days', 'wrong', 'zelensky-remarks-day-after-declaration'],
  ['His warning came 48 hours after the UK and France signed a declaration of intent.', '48 hours', 'wrong', 'zelensky-remarks-day-after-declaration'],
  ['His warning came 24 hours after the UK and France signed a declaration of intent.', '24 hours', 'ok', 'zelensky-remarks-day-after-declaration'],
  ['Zelenskyy wants a quarter-century guarantee, he told the Munich conference.', 'a quarter-century', 'wrong', 'zelenskyy-demand-min-20-years'],
  ['He spoke out three days after Britain and France, in Paris, signed a declaration.', 'three days', 'silent'],
  // ... and a date in that sentence is of something else
  ['On January 7, a day after the declaration of intent was signed in Paris, he said no partner had answered.', 'January 7', 'silent'],
  ['- **Jan. 7**: Zelensky warns, a day after the declaration, that no partner has answered.', 'Jan. 7', 'silent'],
  ['On January 7, a day after the declaration of intent was signed in Paris, he said no partner had answered.', 'a day', 'ok', 'zelensky-remarks-day-after-declaration'],
  ['Fighting in the east went on for years before the full-scale invasion of 2022.', '2022', 'ok', 'full-scale-invasion-2022'],
  // a name binds the nearest figure of each kind of fact its subject has
  ['The coalition meeting in Paris on Jan. 6 drew 35 countries.', '35 countries', 'wrong', 'coalition-30-countries'],
  ['The coalition meeting in Paris on Jan. 6 drew 35 countries.', 'Jan. 6', 'ok', 'paris-coalition-meeting-2026-01-06'],
  ['Ukraine became independent in 1991 and signed the Budapest Memorandum in 1994 with three powers.', '1991', 'silent'],
  // a semicolon keeps a name in one statement from a figure in the other
  ['The US document was ready; five days later, Reuters reported new conditions.', 'five days', 'silent'],
  ['A deal is close, Trump said; 90% of voters doubt it.', '90%', 'silent'],
  ['Trump said a deal could take several months; his envoys disagreed.', 'several months', 'wrong', 'trump-deal-several-weeks'],
  // the facilities spared are the complement of those hit
  ['Russian strikes had left barely a third of Ukraine\'s energy facilities unscathed.', 'a third', 'wrong', 'no-energy-facility-spared'],
  ['Russian attacks have damaged about half of Ukraine\'s energy facilities.', 'half', 'wrong', 'no-energy-facility-unscathed'],
  // "earlier" is said of the other figure
  ['Peace plan: twenty points, down from an earlier twenty-two.', 'twenty points', 'ok', 'peace-plan-20-points'],
  // a part of a month dates an event by its month; a month named in passing says nothing
  ['Macron said the Coalition of the Willing would convene in mid-February.', 'mid-February', 'wrong', 'coalition-convenes-early-january-2026'],
  ['Macron said the coalition is scheduled to convene early in January.', 'early in January', 'ok', 'coalition-convenes-early-january-2026'],
  ['Zelensky told Axios in late December that the offer fell short.', 'late December', 'ok', 'axios-interview-2025-12-26'],
  ['Macron said the Coalition of the Willing would convene in February.', 'February', 'silent'],
  // to float a figure is what a side does with its own demand or offer; the reverse overstates
  ['In an audio message, Zelensky floated 30, 40 or 50 years.', '30, 40 or 50 years', 'ok', 'zelensky-floated-30-40-50-years'],
  ['In his audio message after Mar-a-Lago he floated guarantees of 30, 40 or 50 years.', '30, 40 or 50 years', 'ok', 'zelensky-floated-30-40-50-years'],
  ['In an audio message, Zelensky offered 30, 40 or 50 years.', '30, 40 or 50 years', 'wrong', 'zelensky-floated-30-40-50-years'],
  ['Some EU officials promised accession by 2027.', '2027', 'wrong', 'eu-accession-as-soon-as-2027'],
  ['After Mar-a-Lago, Zelensky floated 30, 40 or even 60 years in an audio message.', '30, 40 or even 60 years', 'wrong', 'zelensky-floated-30-40-50-years'],
  // a passive names its agent after the verb
  ['The 15-year pledge floated by Kyiv has not yet won over Washington.', '15-year', 'wrong', 'zelenskyy-demand-min-20-years'],
  ['A 20-year guarantee offered by Washington would satisfy Kyiv.', '20-year', 'wrong', 'us-offer-15-years'],
  ['The 15-year guarantee offered by the United States falls short, Zelensky said.', '15-year', 'ok', 'us-offer-15-years'],
  // a list must reach a sourced bound and stay on its side of it
  ['In an audio message, Zelensky asked for guarantees of 30, 40, 50 or 60 years.', '30, 40, 50 or 60 years', 'wrong', 'zelensky-floated-30-40-50-years'],
  // differences, denials, suppositions, losses, remainders and additions state no fact's value
  ['Zelensky wants a guarantee at least five years longer than the US offer.', 'five years', 'silent'],
  ['Washington offered 15 years, three years short of what Kyiv wanted.', 'three years', 'silent'],
  ['Under the plan the Ukrainian army would shrink by 200,000 troops.', '200,000 troops', 'silent'],
  ['The US offer is not 20 years but 15, Rubio said.', '20 years', 'silent'],
  ['He wants three decades at minimum, not the 15-year guarantee on offer.', '15-year', 'ok', 'us-offer-15-years'],
  ['Zelenskyy said a guarantee of 10 years would be worthless.', '10 years', 'silent'],
  ['If the war lasts another five years, the economy will shrink by a third.', 'five years', 'silent'],
  ['The Ukrainian military lost 5,000 soldiers last month.', '5,000 soldiers', 'silent'],
  ['He called the plan 90 percent agreed; the last 10% of the plan is the hardest.', '10%', 'silent'],
  ['Ukraine still holds the remaining 25% of Donetsk.', '25%', 'ok', 'ukraine-holds-25-percent-donetsk'],
  ['Russia has taken another 5% of Donetsk since the spring.', '5%', 'silent'],
  ['European leaders expect the war to last at least another four years.', 'four years', 'wrong', 'war-at-least-two-more-years'],
  ['Under a Russian proposal the army would shrink by 200,000 troops over five years.', 'five years', 'silent'],
  // a figure compared with is a reference: judged as nobody's
  ['He wants a guarantee that lasts longer than 15 years.', '15 years', 'ok', 'us-offer-15-years'],
  ['Zelensky is seeking more than the 15-year term.', '15-year', 'ok', 'us-offer-15-years'],
  // "offer" after an article or a figure is the noun: the subject of the sentence did not make it
  ['Kyiv rejected the 15-year offer on Saturday.', '15-year', 'ok', 'us-offer-15-years'],
  ['Kyiv rejected the 20-year offer on Saturday.', '20-year', 'wrong', 'us-offer-15-years'],
  // a pronoun before the stance verb hides the name before it; so does a speaker's parenthesis
  ['Zelensky wants a guarantee longer than the US offer, and he floated 30, 40 or 50 years in an audio message.', '30, 40 or 50 years', 'ok', 'zelensky-floated-30-40-50-years'],
  ['European leaders, Zelenskyy noted, expect the war to last at least another four years.', 'four years', 'wrong', 'war-at-least-two-more-years'],
  // another party's claim or estimate is theirs: confirmed when it matches, never contradicted
  ['Witkoff said the plan was 95 percent agreed.', '95 percent', 'silent'],
  ['Witkoff said the plan was 90 percent agreed.', '90 percent', 'ok', 'peace-deal-90-percent'],
  ['Peskov said the plan was 95 percent agreed.', '95 percent', 'silent'],
  ['Officials expect the war to last at least another two years.', 'two years', 'ok', 'war-at-least-two-more-years'],
  ['Officials expect the war to last at least another three years.', 'three years', 'silent'],
  ['Zelensky said the plan was 95 percent agreed.', '95 percent', 'wrong', 'peace-deal-90-percent'],
  ['Putin said the war could go on for another ten years if needed.', 'ten years', 'silent'],
  ["Britain's 18-year pledge has no counterpart in the US offer.", '18-year', 'silent'],
  ['European leaders, he noted, believe the war could go on for at least another four years.', 'four years', 'wrong', 'war-at-least-two-more-years'],
  ['Kyiv, he said, offered a 15-year guarantee.', '15-year', 'wrong', 'us-offer-15-years'],
  ['One European negotiator said a peace deal would take 100 days.', '100 days', 'silent'],
  ['European leaders are preparing for a war that could go on for at least another five years, officials said.', 'five years', 'wrong', 'war-at-least-two-more-years'],
  // a fact's context words stand in the figure's clause
  ['Russian forces hold 95% of Luhansk, which leaves the rest in Ukrainian hands.', '95%', 'wrong', 'russia-holds-99-percent-luhansk'],
  ['Russian forces hold 95% of Luhansk, which leaves Kyiv with about a quarter of Donetsk.', 'a quarter', 'ok', 'ukraine-holds-25-percent-donetsk'],
  ['Kyiv still holds about a quarter of Donetsk and barely 1% of its neighbour.', '1%', 'silent'],
  ['In the Axios interview, which came out on Dec. 27, 2025, he said little.', 'Dec. 27, 2025', 'wrong', 'axios-interview-2025-12-26'],
  // a count of the countries that do something is a part of the coalition, not its size
  ['Of the coalition, 26 countries have pledged troops.', '26 countries', 'silent'],
  ['In the coalition, 4 countries will provide air cover.', '4 countries', 'silent'],
  ['Thirty countries have joined the coalition.', 'Thirty countries', 'ok', 'coalition-30-countries'],
  ['The coalition has 26 countries.', '26 countries', 'wrong', 'coalition-30-countries'],
  // a date in a clause naming a country the sources never mention happened there
  ['Russia invaded Georgia in 2008, six years before it seized Crimea.', '2008', 'silent'],
  ['Croatia joined the EU in 2013.', '2013', 'silent'],
  ['Reuters reported on January 29 that Washington wanted a peace agreement with Russia first.', 'January 29', 'wrong', 'reuters-report-2026-01-27'],
  ['Ukraine signed the Budapest Memorandum in 1995 with Russia, the United States and the United Kingdom.', '1995', 'wrong', 'budapest-memorandum-1994'],
  // "another year" is a figure; a figure in a relative clause is not about a name after it
  ['European leaders believe the war could go on for at least another year.', 'year', 'wrong', 'war-at-least-two-more-years'],
  ['Trump, who left the White House after his first term in 2021, has said he will meet European leaders.', '2021', 'silent'],
  ['The Budapest Memorandum, which Ukraine signed in 1995, failed.', '1995', 'wrong', 'budapest-memorandum-1994'],
  // the date of an earlier event of the same kind
  ['The coalition of the willing held its first meeting in Paris in March 2025.', 'March 2025', 'silent'],
  ['The coalition of the willing met in Paris in March 2025.', 'March 2025', 'wrong', 'paris-coalition-meeting-2026-01-06'],
  // with several occasions named, the one named last before the figure in its clause is its own
  ['Minsk I was signed in 2015 and Minsk II in 2016.', '2015', 'wrong', 'minsk-i-2014'],
  ['Minsk I was signed in 2014 and Minsk II in 2015.', '2015', 'ok', 'minsk-ii-2015'],
  // each table row is a statement of its own
  ['| Event | Year |\n|---|---|\n| Crimea annexed | 2014 |\n| Full-scale invasion | 2022 |', '2014', 'ok', 'russia-first-invaded-2014'],
  ['| Event | Year |\n|---|---|\n| Crimea annexed | 2014 |\n| Full-scale invasion | 2022 |', '2022', 'ok', 'full-scale-invasion-2022'],
  ['| Share of Luhansk held by Russia | 95% |\n| Peace plan agreed | 90 percent |', '95%', 'wrong', 'russia-holds-99-percent-luhansk'],
  // rounding, spans of years, either invasion, a span before an event, outlets' other reports
  ['The talks have run for eleven months.', 'eleven months', 'ok', 'diplomacy-nearly-a-year'],
  ['Some EU officials suggest Ukraine could join between 2027 and 2030.', '2030', 'silent'],
  ['Some EU officials suggest Ukraine could join between 2027 and 2030.', '2027', 'ok', 'eu-accession-as-soon-as-2027'],
  ['Putin ordered the invasion in 2022.', '2022', 'ok', 'full-scale-invasion-2022'],
  ['The Minsk agreements held for less than a year before fighting resumed in Donbas.', 'a year', 'silent'],
  ['Ukraine still holds about 1% of Luhansk.', '1%', 'ok', 'ukraine-holds-1-percent-luhansk'],
  ["CALLER: So Ukraine's still got a quarter of Donetsk?", 'a quarter', 'ok', 'ukraine-holds-25-percent-donetsk'],
  ['Axios reported on January 5 that a deal was close.', 'January 5', 'silent'],
  ['Zelensky told Axios in an interview published on December 28, 2025 that nothing was settled.', 'December 28, 2025', 'wrong', 'axios-interview-2025-12-26'],
  ['Reuters reported on January 29 that Washington wanted a signed peace deal first.', 'January 29', 'wrong', 'reuters-report-2026-01-27'],
  // a bound said after the figure, and who points to it
  ['He pressed Brussels for a timetable, with some in the EU pointing to 2028 as the earliest date.', '2028', 'wrong', 'eu-accession-as-soon-as-2027'],
  ['Some EU officials say Ukraine could join in 2027 at the earliest.', '2027', 'ok', 'eu-accession-as-soon-as-2027'],
  ['Some EU officials say Ukraine could join in 2029 at the earliest.', '2029', 'wrong', 'eu-accession-as-soon-as-2027'],
  ['Brussels has floated 2028 as the earliest date for membership.', '2028', 'wrong', 'eu-accession-as-soon-as-2027'],
  ['At Munich, Zelenskyy asked for guarantees of 20 years or more.', '20 years', 'ok', 'zelenskyy-demand-min-20-years'],
  ['Analysts point to 2014 as the start of the war.', '2014', 'silent'],
  // a crowd counted by what it does, and half a million hyphened
  ['**Half a million rally in Munich against Tehran**', 'Half a million', 'wrong', 'munich-protest-200000'],
  ['Some 200,000 marched in Munich against the regime in Tehran.', '200,000', 'ok', 'munich-protest-200000'],
  ['Partners must back a half-million-strong Ukrainian military.', 'half-million-strong', 'wrong', 'ukraine-military-800000'],
  // a dateline's date is when the story was filed: borne out when it is the sourced date, never wrong
  ['PARIS, Jan 7 (Wire) - Britain and France will set up hubs, Starmer said after the coalition of the willing met.', 'Jan 7', 'silent'],
  // (a dateline names a city, not the meeting held there)
  ['PARIS, Jan. 6, 2026 (Wire) — Ukraine, France and Britain signed a declaration of intent.', 'Jan. 6, 2026', 'silent'],
  // "Paris" alone is a city with a long history: the date is the meeting's when the meeting is told
  ["It was from Paris, in 1966, that Charles de Gaulle announced France was leaving NATO's command.", '1966', 'silent'],
  ['London and Paris have been bound by defence treaties since 2010.', '2010', 'silent'],
  ['The coalition of the willing meets in Paris on January 7, 2026.', 'January 7, 2026', 'wrong', 'paris-coalition-meeting-2026-01-06'],
  ['The coalition of the willing met in Paris on Jan 7 to sign the declaration.', 'Jan 7', 'wrong', 'paris-coalition-meeting-2026-01-06'],
  // an aside is no distance, a comma is some: the figure is who signed, not the coalition it met in
  ['On January 6, after a meeting of the Coalition of the Willing, three countries — Ukraine, France and Britain — signed a declaration of intent.', 'three countries', 'disputed', 'paris-declaration-signed-by-3'],
  ['After a coalition of the willing meeting in Paris, four countries (Ukraine, France, Britain and Germany) sign a declaration of intent.', 'four countries', 'wrong', 'paris-declaration-signed-by-3'],
  ['After the meeting, the Coalition of the Willing now has 35 countries.', '35 countries', 'wrong', 'coalition-30-countries'],
  // a figure that names what it counts is not read under a heading about something else
  ['# The coalition of the willing\n\nSome accounts name two countries; another report lists three signatories, Ukraine included.', 'three signatories', 'silent'],
  // the rest of a share, said after it
  ['Either way, the 10% of the plan not yet agreed is the part that decides who lives where.', '10%', 'silent'],
  ['Zelensky said the plan is 90% agreed, with 10% still open.', '10%', 'silent'],
  ['Zelensky said 10% of the plan was agreed.', '10%', 'wrong', 'peace-deal-90-percent'],
  // a span near the word "talks" is not the length of the talks
  ['Ukraine needs at least 20 years, and after his talks at Mar-a-Lago he mused about 30 to 50 years.', '20 years', 'silent'],
  ['Diplomacy has now run for nearly two years.', 'two years', 'wrong', 'diplomacy-nearly-a-year'],
  ['Nearly two years of talks have yet to end the war.', 'two years', 'wrong', 'diplomacy-nearly-a-year'],
  // "by the numbers": a number that labels its line counts the noun after the dash
  ['- **35** — countries in the Coalition of the Willing', '35', 'wrong', 'coalition-30-countries'],
  ['He said 35 — countries agreed — was a start.', '35', 'silent'],
  // a count of the others is compared with a count of the others; a figure's own noun does not
  // hide the name it is said of when that noun's facts are out of context
  ['Ukraine signed the memorandum with four other powers.', 'four other powers', 'wrong', 'budapest-memorandum-three-other-signatories'],
  ['Under the Budapest Memorandum, signed with four powers, Kyiv gave up its arsenal.', 'four powers', 'wrong', 'budapest-memorandum-three-other-signatories'],
  ['- The memorandum had just two other signatories, Russia and the United States.', 'two other signatories', 'wrong', 'budapest-memorandum-three-other-signatories'],
  ['The Budapest Memorandum had three other signatories: Russia, the US and the UK.', 'three other signatories', 'ok', 'budapest-memorandum-three-other-signatories'],
  ['Its 10-year memorandum of understanding with Washington, signed in 2016, runs out soon.', '2016', 'silent'],
  // a correction tells the error it corrects; a fact check puts a claim to the test
  ['An earlier version of this story, citing a delegate, wrongly put the US offer at 10 years.', '10 years', 'silent'],
  ['Correction: the story said the US offered 12 years; it offered 15 years.', '12 years', 'silent'],
  ['Correction: the story said the US offered 12 years; it offered 15 years.', '15 years', 'ok', 'us-offer-15-years'],
  ["Last week's tracker put Moscow's share of Donetsk at 70%, from an outdated map; we have corrected it.", '70%', 'silent'],
  ['CLAIM: "Russia already controls 90% of Donetsk."', '90%', 'silent'],
  ['**Claim:** Russia already controls 75% of Donetsk.', '75%', 'ok', 'russia-holds-75-percent-donetsk'],
  ['Russia already controls 90% of Donetsk, the claim goes.', '90%', 'wrong', 'russia-holds-75-percent-donetsk'],
  // a gap between two figures is no figure's value; a figure compared with is still its owner's
  ["The distance between Washington's offer and Kyiv's maximum is thus 35 years.", '35 years', 'silent'],
  ["He wants Washington to commit for longer, far beyond Washington's 12-year offer.", '12-year', 'wrong', 'us-offer-15-years'],
  ['Kyiv wants more than the 12-year term.', '12-year', 'silent'],
  // officials who talk of a date suggest it; a line led by a dash is labelled by its date
  ['A: Some EU officials talk of accession as soon as 2030.', '2030', 'wrong', 'eu-accession-as-soon-as-2027'],
  ['— 12 January: Zelenskyy says the US guarantee document is ready.', '12 January', 'wrong', 'us-document-ready-2026-01-22'],
  // a table row is about what its header, the paragraph before it and its heading name; its label says whose
  ['Zelenskyy wants a US security guarantee.\n\n| Position | Length |\n|---|---|\n| US offer | 15 years |\n| Zelenskyy at Munich | at least 25 years |', '25 years', 'wrong', 'zelenskyy-demand-min-20-years'],
  ['Zelenskyy wants a US security guarantee.\n\n| Position | Length |\n|---|---|\n| US offer | 15 years |\n| Zelenskyy at Munich | at least 25 years |', '15 years', 'ok', 'us-offer-15-years'],
  ['Readers answered our survey.\n\n| Question | Answer |\n|---|---|\n| Zelenskyy at Munich | at least 25 years |', '25 years', 'silent'],
  ['ANCHOR: Some EU officials have suggested Ukraine could join as soon as twenty twenty-eight.', 'twenty twenty-eight', 'wrong', 'eu-accession-as-soon-as-2027'],
  ['REPORTER: Ukraine signed the Budapest Memorandum in nineteen ninety-four.', 'nineteen ninety-four', 'ok', 'budapest-memorandum-1994'],
  // "nearly a year" stays under a year; an army of half a million; a line labelled by a force's size or the earliest date
  ['More than a year of US-led diplomacy has produced a plan.', 'a year', 'wrong', 'diplomacy-nearly-a-year'],
  ['More than eleven months of diplomacy have produced a plan.', 'eleven months', 'ok', 'diplomacy-nearly-a-year'],
  ["Partners have to keep backing Ukraine's army, an army of half a million, he says.", 'half a million', 'wrong', 'ukraine-military-800000'],
  ['- **850,000** — the strength of the Ukrainian military that partners must keep supporting, Zelenskyy says.', '850,000', 'wrong', 'ukraine-military-800000'],
  ["- **2028** — the earliest date some EU officials have floated for Ukraine's accession.", '2028', 'wrong', 'eu-accession-as-soon-as-2027'],
  // a counter-protest is not the protest
  ['Some 200,000 demonstrators rallied in Munich, while a counter-protest of about 300 gathered near the hotel.', '300', 'silent'],
  ['Some 200,000 demonstrators rallied in Munich, while a counter-protest of about 300 gathered near the hotel.', '200,000', 'ok', 'munich-protest-200000'],
  // a term a party demands or offers, in a paragraph about the guarantee, is that party's term
  ['A senior US official said Ukraine had demanded 40 years at Munich. Zelenskyy told Axios Washington offered a 15-year guarantee.', '40 years', 'wrong', 'zelenskyy-demand-min-20-years'],
  ['Kyiv wants a guarantee. Ukraine demanded 40 years of reparations.', '40 years', 'silent'],
  ['A senior US official said Ukraine had demanded 40 years at Munich.', '40 years', 'silent'],
  // a party's own words in quotation marks are not a figure it cites: another's quote is misattributed
  ['Trump, who has called the peace plan “90 percent agreed,” was upbeat at Mar-a-Lago.', '90 percent', 'wrong', 'peace-deal-90-percent'],
  ['Zelensky has called the peace plan “90 percent agreed”.', '90 percent', 'ok', 'peace-deal-90-percent'],
  ['Zelenskyy told the conference a “15-year” guarantee would not be enough.', '15-year', 'ok', 'us-offer-15-years'],
  ['Trump said the plan was 90 percent agreed, citing Kyiv.', '90 percent', 'ok', 'peace-deal-90-percent'],
  // a condition without "if"; all of one unit
  ['Had Washington offered 25 years, this page would be cheering.', '25 years', 'silent'],
  ['Were the offer 25 years, Kyiv would sign.', '25 years', 'silent'],
  ['Washington offered 25 years, officials said.', '25 years', 'wrong', 'us-offer-15-years'],
  ['Russia then fought a low-intensity war in Donbas for a full decade before the full-scale invasion.', 'a full decade', 'wrong', 'donbas-war-eight-years'],
  // nothing in the sources
  ['The session starts at 10:30 a.m. on page 7 of the agenda.', '10:30', 'silent'],
  ['The F-16 jets arrived under Resolution 2202.', '16', 'silent'],
];

describe('check: figures judged in context', () => {
  it.each(rows)('%s [%s] -> %s', (text, figure, verdict, factId) => {
    const f = findingAt(check(text, base), text, figure);
    if (verdict === 'silent') {
      expect(f?.verdict === 'wrong' || f?.verdict === 'ok' ? f.fact?.id : undefined).toBeUndefined();
      return;
    }
    expect(f?.verdict).toBe(verdict);
    expect(f?.fact?.id).toBe(factId);
  });
});

// Figures the sources say nothing about, next to names the fact base knows: all must stay silent.
const unrelated: Array<[string, string]> = [
  ['A 2019 poll found 60% of Ukrainians wanted to join the EU by 2030.', '2030'],
  ['The coalition will meet again in two weeks. The 27-member EU has pledged €50 billion.', '27-member'],
  ['Ukraine first applied to join the EU in 2022.', '2022'],
  ['The first Minsk talks took 12 hours. Zelensky has been president since 2019, five years before his Munich speech.', 'five years'],
  ['Some 40% of Donetsk residents have fled.', '40%'],
  ['Ukraine hopes to join the EU by 2030.', '2030'],
  ['The guarantee would be reviewed every five years.', 'five years'],
  ['Around 60% of the Donetsk region\'s coal mines are closed.', '60%'],
  ['Kyiv says it has trained 50,000 troops this year.', '50,000 troops'],
  // a figure with a name of its own after "of" is about that name
  ['Russia holds about 75% of Donetsk, 99% of Luhansk and roughly a fifth of Ukraine overall.', 'a fifth'],
  ['Moscow holds 75% of Donetsk and 99% of Luhansk, and a fifth of Ukraine.', 'a fifth'],
  // a limit is not a size
  ['Under the US draft, Ukraine\'s military would be capped at 600,000 troops.', '600,000 troops'],
  ['The plan sets a ceiling of 600,000 on Ukraine\'s armed forces.', '600,000'],
  // "signatories" alone does not name the Paris declaration
  ['The Budapest Memorandum itself had four signatories: Ukraine, Russia, the US and the UK.', 'four signatories'],
  // a span of years before a noun is that noun's period
  ['EU officials say the 2028–2034 budget leaves room for Ukraine\'s accession.', '2028'],
  ['EU officials say the 2028–2034 budget leaves room for Ukraine\'s accession.', '2034'],
  ['Some EU officials say the bloc\'s 2028-2034 spending plan could fund accession.', '2034'],
];

describe('check: no false alarms on unrelated figures', () => {
  it.each(unrelated)('%s [%s]', (text, figure) => {
    const f = findingAt(check(text, base), text, figure);
    expect(f?.verdict).not.toBe('wrong');
  });
});

describe('check: messages and replacements', () => {
  it('names the sourced value and the source', () => {
    const text = 'Russia holds about 85% of Donetsk.';
    const f = findingAt(check(text, base), text, '85%')!;
    expect(f.message).toContain('about 75% of Donetsk');
    expect(f.message).toContain('Zelensky Says He Has No Clear Security Guarantees from Allies');
    expect(f.kind).toBe('wrong-value');
  });

  it.each([
    ['Russia holds about 85 percent of Donetsk.', '85 percent', '75 percent'],
    ['Partners back a 900,000-strong army.', '900,000-strong', '800,000-strong'],
    ['The war could last another three years, European leaders predicted.', 'three years', 'two years'],
    ['The interview appeared in Axios on Dec. 16, 2025.', 'Dec. 16, 2025', 'Dec. 26, 2025'],
    ['The war nears its fifth anniversary.', 'fifth anniversary', 'fourth anniversary'],
    ['His remarks came two days after the declaration of intent was signed.', 'two days', 'one day'],
    ['Zelensky said the peace plan was now 95-percent agreed.', '95-percent', 'now 90-percent agreed'],
    ['Zelensky said the peace plan was now 95-per-cent agreed.', '95-per-cent', 'now 90-per-cent agreed'],
    ['Russia broke Minsk I and II, signed in 2014 and 2016.', '2016', 'in 2014 and 2015'],
    ['Reuters reported on 1/29/2026 that the US wants a deal signed first.', '1/29/2026', '1/27/2026'],
    ['Reuters reported on 29/01/2026 that the US wants a deal signed first.', '29/01/2026', '27/01/2026'],
    // a unit folded into the value is written again, never dropped or kept with its article
    ['Washington offered a guarantee lasting two decades.', 'two decades', 'lasting 15 years.'],
    ['Washington offered a guarantee of half a century.', 'half a century', 'of 15 years.'],
    ['European leaders expect the war to last at least another half a decade.', 'half a decade', 'another two years.'],
    ['At Munich, Zelenskyy asked for a guarantee of no less than two and a half decades.', 'two and a half decades', 'no less than 20 years.'],
    ['European leaders believe the war could go on for at least another year.', 'year', 'at least another two years.'],
    ['Some EU officials say Ukraine could join in 2029 at the earliest.', '2029', 'in 2027 at the earliest.'],
    ['Zelensky told Axios in an interview published on the twenty-third of December that nothing was settled.', 'twenty-third of December', 'on the twenty-sixth of December that'],
  ])('%s: fix keeps the draft style', (text, figure, expected) => {
    const f = findingAt(check(text, base), text, figure)!;
    expect(f.verdict).toBe('wrong');
    const r = f.replacements.find((x) => x.preferred)!;
    const fixed = text.slice(0, r.span.start) + r.newText + text.slice(r.span.end);
    expect(fixed).toContain(expected);
    // the edit stays inside the figure
    expect(r.span.start).toBeGreaterThanOrEqual(f.figure.span.start);
    expect(r.span.end).toBeLessThanOrEqual(f.figure.span.end);
  });

  it.each([
    ['The coalition of the willing met in Paris on 2026-01-07.', '2026-01-07', '2026-01-06', 'January 6, 2026'],
    ['Axios ran the interview on 25 December 2025.', '25 December 2025', '26 December 2025', 'December 26, 2025'],
    ['He planned to meet European partners and Trump in January 2024.', 'January 2024', 'January 2026', 'January 2026'],
  ])('%s: a wrong date is offered in the draft\'s format first, then as the sources write it', (text, figure, draftStyle, sourceStyle) => {
    const f = findingAt(check(text, base), text, figure)!;
    expect(f.verdict).toBe('wrong');
    expect(f.replacements[0]!.newText).toBe(draftStyle);
    expect(f.replacements.map((r) => r.newText)).toContain(sourceStyle);
  });

  it('adds no year to a date that gives none, except as the second choice', () => {
    const text = 'The coalition of the willing met in Paris on 7 January.';
    const f = findingAt(check(text, base), text, '7 January')!;
    expect(f.replacements.map((r) => [r.newText, r.preferred])).toEqual([['6 January', true], ['January 6, 2026', false]]);
    const us = 'The coalition of the willing met in Paris on Jan. 7.';
    expect(findingAt(check(us, base), us, 'Jan. 7')!.replacements.map((r) => r.newText)).toEqual(['Jan. 6', 'January 6, 2026']);
    // a month alone gets no day and no year it did not have
    const month = 'The coalition of the willing met in Paris in February to sign the declaration.';
    for (const r of findingAt(check(month, base), month, 'February')?.replacements ?? []) expect(r.newText).not.toMatch(/\d/);
  });

  it('checks a date that ends its sentence on its own, and fixes only the date', () => {
    // The date used to take the next sentence's "20" for its hour: "January 7, 2026. 20" matched
    // no fact, and the wrong day went unflagged.
    for (const text of ['The Coalition of the Willing met in Paris on January 7, 2026. 20 leaders came.', 'The Coalition of the Willing met in Paris on January 7, 2026.\n20 leaders came.']) {
      const f = findingAt(check(text, base), text, 'January 7, 2026');
      expect(f?.verdict).toBe('wrong');
      expect(f!.figure.text).toBe('January 7, 2026');
      expect(f!.replacements.map((r) => [text.slice(r.span.start, r.span.end), r.newText])).toEqual([['January 7, 2026', 'January 6, 2026']]);
    }
  });

  it('offers the party\'s own figures for a misattributed duration', () => {
    const text = 'After meeting Trump at Mar-a-Lago, Zelensky said in an audio message that he wants a 15-year guarantee.';
    const f = findingAt(check(text, base), text, '15-year')!;
    expect(f.verdict).toBe('wrong');
    expect(f.replacements[0]!.newText).toBe('30, 40, 50');
    expect(f.message).toContain('US offer');
  });

  it('names the verb when the party is right and the verb is not', () => {
    const text = 'In an audio message, Zelensky offered 30, 40 or 50 years.';
    const f = findingAt(check(text, base), text, '30, 40 or 50 years')!;
    expect(f.kind).toBe('wrong-attribution');
    expect(f.message).toMatch(/^Sources say Volodymyr Zelenskyy \(Ukraine\) asked for 30, 40 or 50 years .*, not offered it/);
  });

  it('reports a disputed matter as disputed, not ok', () => {
    const text = 'Two countries signed the declaration of intent in Paris.';
    expect(findingAt(check(text, base), text, 'Two countries')?.verdict).toBe('disputed');
  });

  it('never throws on hostile text', () => {
    for (const text of ['', '\u0000\ud800 12 %', '9'.repeat(100000), ','.repeat(100000), '1,'.repeat(50000), '# \n- \n> '.repeat(1000)]) {
      expect(() => check(text, base)).not.toThrow();
    }
  });
});
