import { type Doc, isCapitalised, spacedWord } from './lexer';

// What a number counts. Known nouns map to one canonical singular so that callers compare
// "32 nations" with "30 countries"; any other noun is kept, singularised, so they can still compare
// like with like. The hard part is saying no: "30 were killed", "20 in Kyiv", "15 more".

/** Canonical unit, and the factor the number is multiplied by ("two decades" = 20 years). */
interface UnitDef {
  unit: string;
  scale: number;
}

const KNOWN = new Map<string, UnitDef>();
function known(unit: string, words: string[], scale = 1): void {
  for (const w of words) KNOWN.set(w, { unit, scale });
}
known('year', ['year', 'years', 'yr', 'yrs']);
known('year', ['decade', 'decades'], 10);
known('month', ['month', 'months']);
known('week', ['week', 'weeks']);
known('day', ['day', 'days']);
known('hour', ['hour', 'hours', 'hrs']);
known('minute', ['minute', 'minutes', 'mins']);
known('second', ['seconds']);
known('fortnight', ['fortnight', 'fortnights']);
known('century', ['century', 'centuries']);
known('country', ['country', 'countries', 'nation', 'nations', 'states']);
known('point', ['point', 'points']);
known('layer', ['layer', 'layers', 'layered']);
known('tier', ['tier', 'tiers', 'tiered']);
known('fold', ['fold']);
known('strong', ['strong']);
known('protester', ['protester', 'protesters', 'protestor', 'protestors', 'demonstrator', 'demonstrators']);
known('troop', ['troop', 'troops', 'soldier', 'soldiers']);
known('person', ['person', 'persons', 'people']);
known('copy', ['copy', 'copies']);
known('page', ['page', 'pages']);
known('annex', ['annex', 'annexes']);
known('anniversary', ['anniversary', 'anniversaries']);
known('member', ['member', 'members']);
known('seat', ['seat', 'seats']);
known('euro', ['euro', 'euros']);
known('dollar', ['dollar', 'dollars']);
known('pound', ['pound', 'pounds']);
known('ruble', ['rouble', 'roubles', 'ruble', 'rubles']);
known('hryvnia', ['hryvnia', 'hryvnias', 'hryvnias']);
known('round', ['round', 'rounds']);
known('term', ['term', 'terms']);
known('time', ['times']);

/** Nouns a draft commonly counts whose plural does not end in a plain "s". */
const IRREGULAR = new Map<string, string>([
  ['men', 'man'], ['women', 'woman'], ['children', 'child'], ['feet', 'foot'], ['teeth', 'tooth'],
  ['lives', 'life'], ['wives', 'wife'], ['halves', 'half'], ['leaves', 'leaf'], ['thieves', 'thief'],
  ['mice', 'mouse'], ['geese', 'goose'], ['criteria', 'criterion'], ['phenomena', 'phenomenon'],
  ['data', 'data'], ['media', 'media'], ['series', 'series'], ['species', 'species'], ['aircraft', 'aircraft'],
]);

/** Compound heads that are adjectives of a noun ("three-layered" counts layers). */
const COMPOUND_HEADS = new Map<string, string>([
  ['layered', 'layer'], ['tiered', 'tier'], ['sided', 'side'], ['pronged', 'prong'], ['staged', 'stage'],
  ['phased', 'phase'], ['headed', 'head'], ['storey', 'storey'], ['storeyed', 'storey'], ['wheeled', 'wheel'],
  ['nation', 'country'], ['state', 'state'], ['member', 'member'], ['day', 'day'], ['year', 'year'],
]);

// Words after a number that are not what it counts: function words, auxiliaries and the
// commonest irregular verbs (regular ones are caught by their "-ed"/"-ing" endings).
const NOT_UNITS = new Set((
  'a an the and or but nor of in on at to from by for with without into onto over under about after before since ' +
  'until till during than as per via across against among amongst between through toward towards upon within ' +
  'beyond behind near off out up down away back apart ahead along around past plus minus versus vs ' +
  'is are was were be been being am has have had do does did will would shall should can could may might must ' +
  "it its it's he she they them their his her we our you your i me my us this that these those who whom whose " +
  'which what where when why how there here not no so if then also more most less least only just still even too ' +
  'very all each every both either neither some any many much few other another such own same percent cent pct ' +
  'ago later earlier again yet already now ever never once twice instead altogether overall apiece combined ' +
  'together respectively total alone else say says said remain remains stay left took take make made went go goes ' +
  'come came saw see got get gave give fell rose ran met won lost hold held led began became sat stood told ' +
  'thought brought bought sent spent kept felt found paid put set cut hit let read fled fought sought shot struck ' +
  'wrote drew grew knew threw flew broke spoke chose rode stole wore tore swore hung lay die dies sit need needs ' +
  'want wants agree agrees voted signed odd or-so per-cent mln bln am pm a.m p.m gmt utc cet bst est edt pst ' +
  'thousand million billion trillion hundred dozen k m bn mn tn percentage yesterday today tomorrow tonight ' +
  'overnight last next this'
).split(' '));

/** Words that may stand between a number and its noun: "15 more years", "32 European countries". */
const ADJECTIVES = new Set((
  'more other additional extra further new full whole long straight consecutive successive previous last next ' +
  'past coming remaining key major minor separate different distinct active armed foreign western european ' +
  'allied member partner participating nato eu un us nuclear world great global leading western'
).split(' '));

export function singular(w: string): string {
  const irr = IRREGULAR.get(w);
  if (irr) return irr;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:xes|ches|shes|sses|zzes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

export const knownUnit = (w: string): UnitDef | undefined => KNOWN.get(w);

/** The noun a compound modifier counts: "year" (20-year), "strong", "layer" (three-layered). */
export function compoundUnit(w: string): UnitDef | null {
  const k = KNOWN.get(w);
  if (k) return k;
  const head = COMPOUND_HEADS.get(w);
  if (head) return { unit: head, scale: 1 };
  if (NOT_UNITS.has(w) || !/^[a-z]+$/.test(w) || w.length < 2) return null;
  return { unit: singular(w), scale: 1 };
}

function looksLikeNoun(w: string): boolean {
  if (w.length < 2 || NOT_UNITS.has(w)) return false;
  if (!/^[a-z][a-z'-]*$/.test(w) || w.includes("'")) return false;
  return !(w.endsWith('ly') || w.endsWith('ed') || w.endsWith('ing'));
}

export interface UnitHit {
  unit: string;
  scale: number;
  /** Last token of the unit phrase. */
  last: number;
}

export interface UnitOptions {
  /** Only nouns from the table (a bare "2014" stays a year unless "troops" follows). */
  knownOnly?: boolean;
  /** The known noun must be plural ("2000 troops", not "the 2014 year"). */
  plural?: boolean;
}

/** The noun right after a number (token k is the first word after it). */
export function readUnit(doc: Doc, k: number, opts: UnitOptions = {}): UnitHit | null {
  const w = spacedWord(doc, k);
  if (w === null) return null;
  if (w === 'percentage') {
    const p = spacedWord(doc, k + 1);
    return p === 'point' || p === 'points' ? { unit: 'point', scale: 1, last: k + 1 } : null;
  }
  const capital = isCapitalised(doc, k);
  // The head noun wins over a modifier, even one that is itself a unit ("30 member states").
  if (ADJECTIVES.has(w) || capital) {
    const next = spacedWord(doc, k + 1);
    const def = next !== null ? KNOWN.get(next) : undefined;
    if (def && next !== null && !(opts.plural && singular(next) === next && next !== 'people')) {
      return { unit: def.unit, scale: def.scale, last: k + 1 };
    }
    // "three other signatories", "four nuclear powers": the noun after the adjective is counted.
    if (!def && next !== null && ADJECTIVES.has(w) && !opts.knownOnly && !opts.plural && !isCapitalised(doc, k + 1) && looksLikeNoun(next) && singular(next) !== next) {
      return { unit: singular(next), scale: 1, last: k + 1 };
    }
  }
  const direct = KNOWN.get(w);
  if (direct && !(opts.plural && singular(w) === w && w !== 'people' && w !== 'states')) {
    return { unit: direct.unit, scale: direct.scale, last: k };
  }
  if (opts.knownOnly || capital || direct || !looksLikeNoun(w)) return null;
  return { unit: singular(w), scale: 1, last: k };
}

// "an army of 800,000", "a crowd of 200,000", "a coalition of 30": the noun before "of" says what
// a bare number counts, as a noun after it would ("800,000 troops").
const COLLECTIVES = new Map<string, string>([
  ...['army', 'armies', 'military', 'force', 'forces', 'contingent', 'garrison'].map((w): [string, string] => [w, 'troop']),
  ...['crowd', 'crowds', 'rally', 'protest', 'demonstration', 'march'].map((w): [string, string] => [w, 'person']),
  ...['coalition', 'alliance'].map((w): [string, string] => [w, 'country']),
]);

// "200,000 marched", "Half a million rally in Munich": what a bare number does says it counts people.
const CROWD_VERBS = new Set(['marched', 'march', 'marching', 'rallied', 'rally', 'rallying', 'protested', 'protest', 'protesting',
  'demonstrated', 'demonstrate', 'demonstrating', 'gathered', 'gather', 'thronged', 'flocked', 'paraded']);

const LABEL_MARKS = new Set(['-', '*', '**', '***', '_', '__', '•', '+']);
const LABEL_DASHES = new Set(['—', '–', ':', '-', '--']);

/**
 * "35 — countries in the coalition", "- **850,000**: troops": a bare number that labels its line
 * (only list and emphasis marks before it, a dash or colon after) counts the noun the line goes on with.
 * `first` is the number's first token, `k` the token after it.
 */
export function labelUnit(doc: Doc, first: number, k: number): string | null {
  const d = labelDash(doc, first, k);
  if (d < 0) return null;
  const u = readUnit(doc, d + 1, { knownOnly: true });
  if (u && u.scale === 1) return u.unit;
  // "850,000 — the strength of the Ukrainian military": a force's size.
  const w1 = spacedWord(doc, d + 1), w2 = spacedWord(doc, d + 2), w3 = spacedWord(doc, d + 3);
  return w1 === 'the' && (w2 === 'strength' || w2 === 'size') && w3 === 'of' ? 'strong' : null;
}

/** The dash or colon after a figure that labels its line (labelUnit), or -1. */
export function labelDash(doc: Doc, first: number, k: number): number {
  if (!doc.toks[first]) return -1;
  for (let j = first; !doc.toks[j]!.line; ) {
    j--;
    if (j < 0 || !LABEL_MARKS.has(doc.toks[j]!.low)) return -1;
  }
  let d = k;
  if (doc.toks[d] && !doc.toks[d]!.space && LABEL_MARKS.has(doc.toks[d]!.low)) d++;
  const dash = doc.toks[d];
  return dash && dash.kind === 'punct' && LABEL_DASHES.has(dash.low) && !dash.line ? d : -1;
}

/** The unit a verb right after a bare number gives it. */
export const crowdVerbUnit = (w: string | null): string | null => (w !== null && CROWD_VERBS.has(w) ? 'person' : null);

/** The unit a collective noun gives the number after "<noun> of". */
export const collectiveUnit = (w: string | null): string | null => (w === null ? null : COLLECTIVES.get(w) ?? null);

const DETERMINERS = new Set(['the', 'these', 'those', 'their', 'its', 'his', 'her', 'our', 'your', 'my']);

/**
 * "thousands of troops": the noun after "of" and an optional determiner. The figure stands even
 * when no common noun follows ("thousands of Ukrainians"); the unit is then null.
 */
export function readOfUnit(doc: Doc, k: number): { unit: string | null; last: number } | null {
  if (spacedWord(doc, k) !== 'of') return null;
  let j = k + 1;
  const det = spacedWord(doc, j);
  if (det !== null && DETERMINERS.has(det)) j++;
  const w = spacedWord(doc, j);
  if (w === null || NOT_UNITS.has(w)) return null;
  const u = readUnit(doc, j);
  return u ? { unit: u.unit, last: u.last } : { unit: null, last: k - 1 };
}
