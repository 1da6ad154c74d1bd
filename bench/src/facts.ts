// Synthetic fact bases for the benchmark: the bundled base plus generated subjects (a made-up
// place × a news topic), each with aliases, several facts of varied kinds and units, parties and
// attributions, sources, corroborating and conflicting quotes. Built as the raw object a fact file
// decodes to, so timing `parseFactBase` on it includes schema validation, as loading a real file
// would.
//
// Generation is a stream: the n-th subject is the same whatever the base size, so the 10,000-fact
// base is a prefix of the 100,000-fact one and the drafts can name subjects that exist in both.
import { parse } from 'yaml';
import bundledYaml from '../../server/facts/bundled.facts.yaml';
import { Rng } from './rng';

// ---- raw shapes (what factdesk.schema.json admits) -------------------------------------------
export interface RawQuote { source: string; text: string }
export interface RawSource {
  id: string; file?: string | null; url?: string | null; title?: string | null; label?: string;
  outlet?: string | null; author?: string | null; published?: string | null; note?: string | null;
}
export interface RawEntity { id: string; name: string; aliases: string[] }
export interface RawFact {
  id: string;
  kind?: 'number' | 'percent' | 'range' | 'set' | 'ordinal' | 'date' | 'year' | 'decade';
  value: number | string | number[];
  unit?: string | null;
  qualifier?: 'about' | 'nearly' | 'at-least' | 'more-than' | 'up-to' | 'less-than' | 'as-soon-as' | null;
  statement: string;
  subject: string;
  context?: string[][];
  party?: string | null;
  stance?: 'offer' | 'demand' | 'promise' | 'estimate' | 'report' | 'suggest' | null;
  attributionSensitive?: boolean;
  disputed?: boolean;
  occasion?: string | null;
  occasionCues?: string[];
  asOf?: string | null;
  quote: RawQuote;
  alsoIn?: RawQuote[];
  conflicts?: Array<RawQuote & { note: string }>;
  erratum?: { printed: string; note: string } | null;
  note?: string | null;
}
export interface RawFactFile { version: 1; sources: RawSource[]; entities: RawEntity[]; facts: RawFact[] }

export const BASE_SEED = 0xfac7de5c;

/** The bundled base as its YAML decodes, a fresh copy each call. */
export function bundledRaw(): RawFactFile {
  return parse(bundledYaml) as RawFactFile;
}

// ---- words -----------------------------------------------------------------------------------
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ONSETS = ['b', 'br', 'd', 'dr', 'h', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'z', 'zh', 'ch', 'sh', 'g', 'gr', 'y', 'sv', 'kh', 'bl'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ya', 'ia', 'ai'];
const ENDINGS = ['ovo', 'sk', 'ka', 'ivka', 'grad', 'yne', 'heim', 'ford', 'ovka', 'ets', 'ny', 'ino', 'opil', 'mir', 'ava', 'ovets', 'itsa', 'burg'];
const FIRST = ['Olena', 'Taras', 'Marta', 'Andriy', 'Iryna', 'Pavlo', 'Sofia', 'Bohdan', 'Lena', 'Marek', 'Anna', 'Tomas', 'Greta', 'Luca', 'Ines', 'Jonas', 'Klara', 'Piotr', 'Elif', 'Nadia'];
const OUTLETS = ['Regional Wire', 'The Evening Ledger', 'Capital Daily', 'Frontline Report', 'Business Desk', 'Public Radio News', null];

function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Distinct invented place names: "Zhelovka", "Brashiheim", ... */
class Names {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  next(): string {
    for (;;) {
      let w = '';
      const n = this.rng.int(1, 2);
      for (let i = 0; i < n; i++) w += this.rng.pick(ONSETS) + this.rng.pick(VOWELS);
      w += this.rng.pick(ENDINGS);
      const name = w[0]!.toUpperCase() + w.slice(1);
      if (name.length < 5 || this.used.has(name)) continue;
      this.used.add(name);
      return name;
    }
  }
}

// ---- value formatting (as a reporter writes them) --------------------------------------------
export function fmtInt(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
export function fmtDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}
const ORD_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
export function fmtOrdinal(n: number): string {
  return ORD_WORDS[n] ?? `${n}th`;
}
function isoDate(rng: Rng, y0: number, y1: number): string {
  const y = rng.int(y0, y1), m = rng.int(1, 12), d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---- topics ----------------------------------------------------------------------------------

/** A generated fact, plus how a draft states it (right or wrong). */
export interface SynthFact {
  raw: RawFact;
  /** Draft sentence stating the fact's value, or a wrong one. */
  sentence: (rng: Rng, wrong: boolean) => string;
}

interface Party { id: string; name: string; aliases: string[]; short: string }

interface FactTemplate {
  key: string;
  make: (rng: Rng, P: string, party: () => Party) => Omit<SynthFact, 'raw'> & { raw: Omit<RawFact, 'id' | 'subject' | 'quote'> & { quoteText: string } };
}

interface Topic {
  key: string;
  name: (P: string) => string;
  aliases: (P: string) => string[];
  facts: FactTemplate[];
}

const near = (rng: Rng, v: number, step: number): number => {
  // A wrong figure a reporter could plausibly type: off by 10-40 %, never equal.
  const f = rng.pick([0.6, 0.7, 0.8, 1.2, 1.3, 1.4]);
  const w = Math.max(step, Math.round((v * f) / step) * step);
  return w === v ? v + step : w;
};

const TOPICS: Topic[] = [
  {
    key: 'grain-terminal',
    name: (P) => `${P} grain terminal`,
    aliases: (P) => [`${P} grain terminal`, `${P} terminal`, `port of ${P}`],
    facts: [
      { key: 'tonnes', make: (rng, P) => {
        const v = rng.int(20, 480) * 10000;
        return { raw: { value: v, unit: 'tonne', qualifier: 'about', context: [['shipped', 'handled', 'exported', 'loaded']],
          statement: `about ${fmtInt(v)} tonnes of grain shipped through the ${P} terminal last season`,
          quoteText: `the ${P} terminal handled about ${fmtInt(v)} tonnes of grain last season` },
        sentence: (r, wrong) => `The ${P} grain terminal shipped about ${fmtInt(wrong ? near(r, v, 10000) : v)} tonnes of grain last season, port officials said.` };
      } },
      { key: 'reopened', make: (rng, P) => {
        const v = isoDate(rng, 2023, 2025);
        return { raw: { kind: 'date', value: v, statement: `${fmtDate(v)} (the ${P} terminal reopened)`, quoteText: `The ${P} terminal reopened on ${fmtDate(v)}` },
          sentence: (r, wrong) => `The ${P} terminal reopened on ${fmtDate(wrong ? `${v.slice(0, 8)}${String(Number(v.slice(8)) % 27 + 1).padStart(2, '0')}` : v)} after months of repairs.` };
      } },
      { key: 'berths', make: (rng, P) => {
        const v = rng.int(4, 24);
        return { raw: { value: v, unit: 'berth', statement: `${v} berths at the port of ${P}`, quoteText: `the port of ${P} operates ${v} berths` },
          sentence: (r, wrong) => `The port of ${P} now operates ${wrong ? v + r.int(1, 5) : v} berths, up from a handful during the blockade.` };
      } },
    ],
  },
  {
    key: 'power-plant',
    name: (P) => `${P} power plant`,
    aliases: (P) => [`${P} power plant`, `${P} plant`, `${P} thermal plant`],
    facts: [
      { key: 'capacity', make: (rng, P) => {
        const v = rng.int(30, 360) * 10;
        return { raw: { value: v, unit: 'megawatt', statement: `${fmtInt(v)} megawatts (capacity of the ${P} power plant)`, quoteText: `the ${P} power plant, with a capacity of ${fmtInt(v)} megawatts` },
          sentence: (r, wrong) => `Before the strikes, the ${P} power plant could generate ${fmtInt(wrong ? near(r, v, 10) : v)} megawatts.` };
      } },
      { key: 'damaged', make: (rng, P) => {
        const v = rng.int(2, 18) * 5;
        return { raw: { kind: 'percent', value: v, qualifier: 'about', statement: `about ${v}% of the ${P} plant damaged`, quoteText: `about ${v}% of the ${P} plant was damaged` },
          sentence: (r, wrong) => `Engineers estimate that about ${wrong ? r.other(v, [10, 20, 35, 50, 65, 80]) : v}% of the ${P} plant was damaged.` };
      } },
      { key: 'built', make: (rng, P) => {
        const v = rng.int(1955, 1992);
        return { raw: { kind: 'year', value: v, statement: `${v} (the ${P} plant was built)`, quoteText: `The ${P} plant was built in ${v}` },
          sentence: (r, wrong) => `The ${P} plant was built in ${wrong ? v + r.int(2, 9) : v} and has never been fully modernised.` };
      } },
    ],
  },
  {
    key: 'bridge',
    name: (P) => `${P} bridge`,
    aliases: (P) => [`${P} bridge`, `${P} crossing`],
    facts: [
      { key: 'length', make: (rng, P) => {
        const v = rng.int(12, 240) * 10;
        return { raw: { value: v, unit: 'metre', statement: `${fmtInt(v)} metres (the ${P} bridge)`, quoteText: `the ${fmtInt(v)}-metre ${P} bridge` },
          sentence: (r, wrong) => `The ${P} bridge spans ${fmtInt(wrong ? near(r, v, 10) : v)} metres across the river.` };
      } },
      { key: 'offer', make: (rng, P, party) => {
        const v = rng.int(4, 90), who = party();
        return { raw: { value: v * 1e6, unit: 'euro', party: who.id, stance: 'offer', attributionSensitive: true,
          statement: `${v} million euros (offered by ${who.short} to rebuild the ${P} bridge)`, quoteText: `${who.short} offered ${v} million euros to rebuild the ${P} bridge` },
        sentence: (r, wrong) => `${who.short} has offered ${wrong ? v + r.int(3, 20) : v} million euros to rebuild the ${P} bridge.` };
      } },
      { key: 'demand', make: (rng, P, party) => {
        const v = rng.int(100, 400), who = party();
        return { raw: { value: v * 1e6, unit: 'euro', party: who.id, stance: 'demand', attributionSensitive: true,
          statement: `${v} million euros (asked for by ${who.short} for the ${P} bridge)`, quoteText: `${who.short} asked for ${v} million euros for the ${P} bridge` },
        sentence: (r, wrong) => `${who.short} asked for ${wrong ? v - r.int(10, 90) : v} million euros for the ${P} crossing.` };
      } },
    ],
  },
  {
    key: 'council-election',
    name: (P) => `${P} council election`,
    aliases: (P) => [`${P} council election`, `${P} election`, `${P} council`, `${P} vote`],
    facts: [
      { key: 'turnout', make: (rng, P) => {
        const v = rng.int(25, 75);
        return { raw: { kind: 'percent', value: v, statement: `${v}% turnout in the ${P} council election`, quoteText: `turnout in the ${P} council election was ${v}%` },
          sentence: (r, wrong) => `Turnout in the ${P} council election was ${wrong ? v + r.int(3, 15) : v} percent, the electoral commission said.` };
      } },
      { key: 'seats', make: (rng, P) => {
        const v = rng.int(21, 61);
        return { raw: { value: v, unit: 'seat', statement: `${v} seats on the ${P} council`, quoteText: `the ${v}-seat ${P} council` },
          sentence: (r, wrong) => `The ${P} council has ${wrong ? v + 2 * r.int(1, 5) : v} seats.` };
      } },
      { key: 'date', make: (rng, P) => {
        const v = isoDate(rng, 2024, 2026);
        return { raw: { kind: 'date', value: v, statement: `${fmtDate(v)} (the ${P} council election)`, quoteText: `the ${P} council election on ${fmtDate(v)}` },
          sentence: (r, wrong) => `The ${P} election was held on ${fmtDate(wrong ? `${Number(v.slice(0, 4)) - 1}${v.slice(4)}` : v)}.` };
      } },
      { key: 'poll', make: (rng, P, party) => {
        const v = rng.int(12, 30), who = party();
        return { raw: { value: v, unit: 'seat', party: who.id, stance: 'estimate', attributionSensitive: true, context: [['win', 'won', 'winning', 'take']],
          statement: `${v} seats (${who.short}'s forecast for the ${P} council)`, quoteText: `${who.short} predicted it would win ${v} seats on the ${P} council` },
        sentence: (r, wrong) => `${who.short} predicted it would win ${wrong ? v + r.int(2, 6) : v} seats on the ${P} council.` };
      } },
    ],
  },
  {
    key: 'hospital',
    name: (P) => `${P} regional hospital`,
    aliases: (P) => [`${P} regional hospital`, `${P} hospital`],
    facts: [
      { key: 'beds', make: (rng, P) => {
        const v = rng.int(12, 90) * 10;
        return { raw: { value: v, unit: 'bed', statement: `${v} beds at the ${P} regional hospital`, quoteText: `the ${P} regional hospital has ${v} beds` },
          sentence: (r, wrong) => `The ${P} regional hospital has ${wrong ? near(r, v, 10) : v} beds, most of them now in the basement.` };
      } },
      { key: 'doctors', make: (rng, P) => {
        const v = rng.int(40, 400);
        return { raw: { value: v, unit: 'doctor', qualifier: 'more-than', statement: `more than ${v} doctors at the ${P} hospital`, quoteText: `more than ${v} doctors work at the ${P} hospital` },
          sentence: (r, wrong) => `More than ${wrong ? v + r.int(20, 90) : v} doctors work at the ${P} hospital.` };
      } },
      { key: 'opened', make: (rng, P) => {
        const v = rng.int(1960, 2015);
        return { raw: { kind: 'year', value: v, statement: `${v} (the ${P} hospital opened)`, quoteText: `The ${P} hospital opened in ${v}` },
          sentence: (r, wrong) => `The ${P} hospital opened in ${wrong ? v - r.int(1, 6) : v}.` };
      } },
    ],
  },
  {
    key: 'summit',
    name: (P) => `${P} summit`,
    aliases: (P) => [`${P} summit`, `${P} talks`, `${P} meeting`],
    facts: [
      { key: 'countries', make: (rng, P) => {
        const v = rng.int(8, 60);
        return { raw: { value: v, unit: 'country', statement: `${v} countries at the ${P} summit`, quoteText: `delegations from ${v} countries attended the ${P} summit` },
          sentence: (r, wrong) => `Delegations from ${wrong ? v + r.int(1, 8) : v} countries attended the ${P} summit.` };
      } },
      { key: 'pages', make: (rng, P) => {
        const v = rng.int(12, 240);
        return { raw: { value: v, unit: 'page', statement: `${v} pages (the ${P} summit communiqué)`, quoteText: `the ${v}-page communiqué of the ${P} summit` },
          sentence: (r, wrong) => `The final communiqué of the ${P} summit runs to ${wrong ? v + r.int(5, 40) : v} pages.` };
      } },
      { key: 'round', make: (rng, P) => {
        const v = rng.int(2, 9);
        return { raw: { kind: 'ordinal', value: v, unit: 'round', statement: `the ${fmtOrdinal(v)} round of the ${P} talks`, quoteText: `the ${fmtOrdinal(v)} round of the ${P} talks` },
          sentence: (r, wrong) => `It was the ${fmtOrdinal(wrong ? r.other(v, [2, 3, 4, 5, 6, 7, 8, 9]) : v)} round of the ${P} talks.` };
      } },
      { key: 'date', make: (rng, P) => {
        const v = isoDate(rng, 2024, 2026);
        return { raw: { kind: 'date', value: v, statement: `${fmtDate(v)} (the ${P} summit opened)`, quoteText: `the ${P} summit opened on ${fmtDate(v)}` },
          sentence: (r, wrong) => `The ${P} summit opened on ${fmtDate(wrong ? `${v.slice(0, 5)}${String(Number(v.slice(5, 7)) % 12 + 1).padStart(2, '0')}${v.slice(7)}` : v)}.` };
      } },
    ],
  },
  {
    key: 'railway',
    name: (P) => `${P} railway`,
    aliases: (P) => [`${P} railway`, `${P} line`, `${P} rail link`],
    facts: [
      { key: 'length', make: (rng, P) => {
        const v = rng.int(4, 90) * 10;
        return { raw: { value: v, unit: 'kilometre', qualifier: 'nearly', statement: `nearly ${v} kilometres (the ${P} railway)`, quoteText: `the ${P} railway runs nearly ${v} kilometres` },
          sentence: (r, wrong) => `The ${P} railway runs nearly ${wrong ? near(r, v, 10) : v} kilometres through the region.` };
      } },
      { key: 'trains', make: (rng, P) => {
        const v = rng.int(6, 48);
        return { raw: { value: v, unit: 'train', context: [['day', 'daily']], statement: `${v} trains a day on the ${P} line`, quoteText: `${v} trains a day run on the ${P} line` },
          sentence: (r, wrong) => `Some ${wrong ? v + r.int(4, 12) : v} trains a day run on the ${P} line.` };
      } },
      { key: 'journey', make: (rng, P) => {
        const lo = rng.int(2, 6), hi = lo + rng.int(2, 4);
        return { raw: { kind: 'range', value: [lo, hi], unit: 'hour', statement: `${lo} to ${hi} hours (a journey on the ${P} rail link)`, quoteText: `a journey on the ${P} rail link takes ${lo} to ${hi} hours` },
          sentence: (r, wrong) => `A journey on the ${P} rail link takes ${wrong ? hi + 2 : lo} to ${wrong ? hi + 5 : hi} hours.` };
      } },
    ],
  },
  {
    key: 'evacuation',
    name: (P) => `Evacuation of ${P}`,
    aliases: (P) => [`${P} evacuation`, `evacuation of ${P}`, `${P} residents`],
    facts: [
      { key: 'people', make: (rng, P) => {
        const v = rng.int(10, 400) * 100;
        return { raw: { value: v, unit: 'person', qualifier: 'about', statement: `about ${fmtInt(v)} people evacuated from ${P}`, quoteText: `about ${fmtInt(v)} people have been evacuated from ${P}` },
          sentence: (r, wrong) => `About ${fmtInt(wrong ? near(r, v, 100) : v)} people have left in the ${P} evacuation so far.` };
      } },
      { key: 'buses', make: (rng, P, party) => {
        const v = rng.int(10, 80), who = party();
        return { raw: { value: v, unit: 'bus', party: who.id, stance: 'promise', attributionSensitive: true,
          statement: `${v} buses (promised by ${who.short} for the ${P} evacuation)`, quoteText: `${who.short} promised ${v} buses for the ${P} evacuation` },
        sentence: (r, wrong) => `${who.short} promised ${wrong ? v + r.int(5, 25) : v} buses for the ${P} evacuation.` };
      } },
      { key: 'hours', make: (rng, P) => {
        const v = rng.pick([24, 36, 48, 72]);
        return { raw: { value: v, unit: 'hour', qualifier: 'up-to', statement: `up to ${v} hours (warning before the evacuation of ${P})`, quoteText: `residents of ${P} were given up to ${v} hours` },
          sentence: (r, wrong) => `${P} residents were given up to ${wrong ? r.other(v, [12, 24, 36, 48, 72, 96]) : v} hours to leave.` };
      } },
    ],
  },
];

// ---- parties ---------------------------------------------------------------------------------
function makeParties(count: number, seed: number): Party[] {
  const rng = new Rng(seed);
  const names = new Names(rng);
  const out: Party[] = [];
  for (let i = 0; i < count; i++) {
    const base = names.next();
    const kind = i % 4;
    let name: string, aliases: string[], short: string;
    if (kind === 0) { short = `Governor ${base}`; name = `${rng.pick(FIRST)} ${base}, regional governor`; aliases = [short, `${name.split(',')[0]!}`]; }
    else if (kind === 1) { short = `${base} Holdings`; name = `${base} Holdings (infrastructure investor)`; aliases = [short, `${base} Group`]; }
    else if (kind === 2) { short = `the ${base}ian government`; name = `Government of ${base}ia`; aliases = [`${base}ia`, `${base}ian government`, `${base}ian officials`]; }
    else { short = `the ${base} Party`; name = `${base} Party`; aliases = [`${base} Party`, `${base} party leaders`]; }
    out.push({ id: `party-${slug(base)}`, name, aliases, short });
  }
  return out;
}

// ---- the stream ------------------------------------------------------------------------------
export interface SynthSubject {
  entity: RawEntity;
  place: string;
  facts: SynthFact[];
}

export interface Synthesis {
  sources: RawSource[];
  parties: Party[];
  subjects: SynthSubject[];
}

const PARTY_COUNT = 1200;

/**
 * The first subjects of the stream until `factCount` facts are made. Same seed, same prefix.
 * Roughly: one place per 7 facts, 2-3 topics per place, 3-4 facts per subject, one source per
 * ~10 facts; 20 % of facts quoted in a second source, 2 % disputed by a third.
 */
export function synthesize(factCount: number, seed = BASE_SEED): Synthesis {
  const rng = new Rng(seed);
  const names = new Names(new Rng(seed ^ 0x5a5a5a5a));
  const parties = makeParties(PARTY_COUNT, seed ^ 0x13579bdf);
  const sources: RawSource[] = [];
  const subjects: SynthSubject[] = [];
  let facts = 0;
  const newSource = (P: string): RawSource => {
    const n = sources.length;
    const s: RawSource = {
      id: `src-${n}-${slug(P)}`,
      file: null,
      url: `https://news.example/${slug(P)}/${n}`,
      title: `${P}: ${rng.pick(['officials count the cost', 'reconstruction begins', 'a region waits', 'what the numbers say', 'the long road back'])}`,
      outlet: rng.pick(OUTLETS),
      author: rng.chance(0.7) ? `${rng.pick(FIRST)} ${names.next()}` : null,
      published: isoDate(rng, 2024, 2026),
      note: null,
    };
    sources.push(s);
    return s;
  };
  while (facts < factCount) {
    const P = names.next();
    const src = newSource(P);
    const topics = rng.shuffle(TOPICS).slice(0, rng.int(2, 3));
    for (const topic of topics) {
      if (facts >= factCount) break;
      const id = `${topic.key}-${slug(P)}`;
      const aliases = topic.aliases(P);
      // The bare place name also names the subject: ambiguous across the place's topics, as in prose.
      if (rng.chance(0.5)) aliases.push(P);
      const entity: RawEntity = { id, name: topic.name(P), aliases };
      const subject: SynthSubject = { entity, place: P, facts: [] };
      for (const t of topic.facts) {
        if (facts >= factCount) break;
        if (rng.chance(0.1)) continue;
        const made = t.make(rng, P, () => rng.pick(parties));
        const { quoteText, ...rest } = made.raw;
        const raw: RawFact = { id: `${id}-${t.key}`, subject: id, ...rest, quote: { source: src.id, text: quoteText } };
        if (rng.chance(0.2)) {
          const other = sources.length > 1 ? rng.pick(sources) : newSource(P);
          raw.alsoIn = [{ source: other.id, text: quoteText }];
        }
        if (rng.chance(0.02)) {
          const other = newSource(P);
          raw.disputed = true;
          raw.conflicts = [{ source: other.id, text: `${quoteText}, though local officials give a different figure`, note: 'Local officials dispute the figure.' }];
        }
        subject.facts.push({ raw, sentence: made.sentence });
        facts++;
      }
      subjects.push(subject);
    }
  }
  return { sources, parties, subjects };
}

/** The bundled base plus synthetic facts, `total` facts in all, as a raw fact file. */
export function syntheticBase(total: number, seed = BASE_SEED): RawFactFile {
  const raw = bundledRaw();
  const syn = synthesize(Math.max(0, total - raw.facts.length), seed);
  const usedParties = new Set(syn.subjects.flatMap((s) => s.facts.map((f) => f.raw.party)).filter((p): p is string => !!p));
  return {
    version: 1,
    sources: [...raw.sources, ...syn.sources],
    entities: [
      ...raw.entities,
      ...syn.parties.filter((p) => usedParties.has(p.id)).map((p): RawEntity => ({ id: p.id, name: p.name, aliases: p.aliases })),
      ...syn.subjects.map((s) => s.entity),
    ],
    facts: [...raw.facts, ...syn.subjects.flatMap((s) => s.facts.map((f) => f.raw))],
  };
}

/** Counts for the report: how varied a base is. */
export function describeBase(raw: RawFactFile): { facts: number; entities: number; aliases: number; sources: number; units: number } {
  return {
    facts: raw.facts.length,
    entities: raw.entities.length,
    aliases: raw.entities.reduce((n, e) => n + e.aliases.length, 0),
    sources: raw.sources.length,
    units: new Set(raw.facts.map((f) => f.unit ?? f.kind ?? 'number')).size,
  };
}
