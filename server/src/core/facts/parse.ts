import type { ErrorObject } from 'ajv';
import type { Entity, Fact, FactBase, FactValue, Hedge, Quote, Source, Stance } from '../types';
import { everyErrorValidator, firstErrorValidator } from './validators';

/** A problem in a fact file, located by a JSON path ("/facts/3/value") so adapters can map it to a line. */
export interface FactProblem {
  path: string;
  message: string;
}

export interface ParsedFactBase {
  base: FactBase;
  problems: FactProblem[];
}

// The raw shapes below are what the schema admits; they are only trusted after validation.
interface RawQuote { source: string; text: string }
interface RawSource {
  id: string; file?: string | null; url?: string | null; title?: string | null; label?: string;
  outlet?: string | null; author?: string | null; published?: string | null; note?: string | null;
}
interface RawEntity { id: string; name: string; aliases: string[] }
interface RawFact {
  id: string;
  kind?: FactValue['kind'];
  value: number | string | number[];
  unit?: string | null;
  qualifier?: Hedge | null;
  statement: string;
  subject: string;
  context?: string[][];
  party?: string | null;
  stance?: Stance | null;
  attributionSensitive?: boolean;
  disputed?: boolean;
  occasion?: string | null;
  occasionCues?: string[];
  asOf?: string | null;
  supersedes?: string | null;
  quote: RawQuote;
  alsoIn?: RawQuote[];
  conflicts?: Array<RawQuote & { note: string }>;
  erratum?: { printed: string; note: string } | null;
  note?: string | null;
}
interface RawFactFile { version: 1; sources: RawSource[]; entities?: RawEntity[]; facts: RawFact[] }

function validate(data: unknown): ErrorObject[] {
  // A valid file is confirmed by the validator that stops at the first error; only a broken one
  // is walked again for every error.
  if (firstErrorValidator()(data)) return [];
  const every = everyErrorValidator();
  return every(data) ? [] : [...(every.errors ?? [])];
}

function schemaMessage(e: ErrorObject): string {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') {
    return `${where}: unknown property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`;
  }
  if (e.keyword === 'enum') {
    return `${where}: must be one of ${JSON.stringify((e.params as { allowedValues?: unknown[] }).allowedValues)}`;
  }
  return `${where}: ${e.message ?? 'is invalid'}`;
}

/** Where a schema error points: an unknown property at the property itself, so its line is the one marked. */
function schemaPath(e: ErrorObject): string {
  const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: unknown }).additionalProperty : undefined;
  if (typeof extra !== 'string') return e.instancePath || '/';
  return `${e.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Reads a fact value written as in the fact file; null when it does not parse. */
export function parseFactValue(kind: FactValue['kind'], value: RawFact['value']): FactValue | null {
  const nums = Array.isArray(value) ? value : null;
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { kind, n: value } : null;
    case 'percent':
      return typeof value === 'number' && value >= 0 && value <= 100 ? { kind, n: value } : null;
    case 'ordinal':
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? { kind, n: value } : null;
    case 'year':
      return typeof value === 'number' && Number.isInteger(value) ? { kind, n: value } : null;
    case 'decade':
      return typeof value === 'number' && Number.isInteger(value) && value % 10 === 0 ? { kind, start: value } : null;
    case 'range':
      return nums && nums.length === 2 && nums[0]! <= nums[1]! ? { kind, min: nums[0]!, max: nums[1]!, percent: false } : null;
    case 'set':
      return nums && nums.length > 0 ? { kind, values: [...nums] } : null;
    case 'date': {
      const m = typeof value === 'string' ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
      if (!m) return typeof value === 'number' && Number.isInteger(value) ? { kind, year: value } : null;
      const year = Number(m[1]);
      const month = m[2] === undefined ? undefined : Number(m[2]);
      const day = m[3] === undefined ? undefined : Number(m[3]);
      if (month !== undefined && (month < 1 || month > 12)) return null;
      if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month!, 0)).getUTCDate())) return null;
      return { kind, year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
    }
  }
}

const quoteOf = (q: RawQuote): Quote => ({ source: q.source, text: q.text });

/**
 * Sources and entities declared elsewhere (the bundled base, other fact files): a workspace fact
 * may cite a source or name a subject by id from any loaded file.
 */
export interface ExternalRefs {
  sources: ReadonlyMap<string, Source>;
  entities: ReadonlyMap<string, Entity>;
}

declare const schemaChecked: unique symbol;
/** Decoded fact-file data the schema accepted: only `checkFactFile` makes one. */
export type CheckedFactFile = RawFactFile & { readonly [schemaChecked]: true };

/**
 * Checks decoded fact-file data against the schema, once: a caller that needs the declarations
 * before the facts (to lend them to other files) builds both from the same checked data.
 */
export function checkFactFile(data: unknown): { file: CheckedFactFile; problems: [] } | { file: null; problems: FactProblem[] } {
  const problems = validate(data).map((e): FactProblem => ({ path: schemaPath(e), message: schemaMessage(e) }));
  return problems.length ? { file: null, problems } : { file: data as CheckedFactFile, problems: [] };
}

/**
 * Validates a parsed fact file (from YAML or JSON) and builds a fact base from every valid part.
 * Invalid facts are dropped one by one and reported; a file that fails the schema as a whole
 * yields an empty base with its problems, so callers can keep their last good version.
 */
export function parseFactBase(data: unknown, external?: ExternalRefs): ParsedFactBase {
  const checked = checkFactFile(data);
  if (!checked.file) return { base: { sources: new Map(), entities: new Map(), facts: [] }, problems: checked.problems };
  return buildFactBase(checked.file, external);
}

/** The sources and entities a checked file declares, built as `buildFactBase` builds them. */
export function declarationsOf(file: CheckedFactFile): Pick<FactBase, 'sources' | 'entities'> {
  const { base } = buildFactBase({ ...file, facts: [] } as CheckedFactFile);
  return { sources: base.sources, entities: base.entities };
}

/** Builds a fact base from checked data; facts that fail checks the schema cannot make are dropped and reported. */
export function buildFactBase(file: CheckedFactFile, external?: ExternalRefs): ParsedFactBase {
  const problems: FactProblem[] = [];
  const base: FactBase = { sources: new Map(), entities: new Map(), facts: [] };

  file.sources.forEach((s, i) => {
    if (base.sources.has(s.id)) { problems.push({ path: `/sources/${i}/id`, message: `duplicate source id "${s.id}"` }); return; }
    const source: Source = {
      id: s.id, file: s.file ?? null, url: s.url ?? null, title: s.title ?? null,
      label: s.label ?? s.title ?? s.id, outlet: s.outlet ?? null, author: s.author ?? null,
      published: s.published ?? null, note: s.note ?? null,
    };
    base.sources.set(s.id, source);
  });
  (file.entities ?? []).forEach((e, i) => {
    if (base.entities.has(e.id)) { problems.push({ path: `/entities/${i}/id`, message: `duplicate entity id "${e.id}"` }); return; }
    base.entities.set(e.id, { id: e.id, name: e.name, aliases: [...e.aliases] } satisfies Entity);
  });

  const ids = new Set<string>();
  const entity = (id: string) => base.entities.has(id) || (external?.entities.has(id) ?? false);
  const source = (q: RawQuote) => base.sources.has(q.source) || (external?.sources.has(q.source) ?? false);
  // Paths are only spelled out for a problem: a 100,000-fact file is mostly right.
  const missingSource = (i: number, f: RawFact, where: string, q: RawQuote) =>
    problems.push({ path: `/facts/${i}/${where}/source`, message: `fact "${f.id}" points at missing source "${q.source}"` });
  file.facts.forEach((f, i) => {
    const before = problems.length;
    if (ids.has(f.id)) problems.push({ path: `/facts/${i}/id`, message: `duplicate fact id "${f.id}"` });
    const value = parseFactValue(f.kind ?? 'number', f.value);
    if (!value) problems.push({ path: `/facts/${i}/value`, message: `value ${JSON.stringify(f.value)} does not parse as ${f.kind ?? 'number'}` });
    if (!entity(f.subject)) problems.push({ path: `/facts/${i}/subject`, message: `unknown subject "${f.subject}" (not in entities)` });
    if (f.party && !entity(f.party)) problems.push({ path: `/facts/${i}/party`, message: `unknown party "${f.party}" (not in entities)` });
    if (!source(f.quote)) missingSource(i, f, 'quote', f.quote);
    f.alsoIn?.forEach((q, j) => { if (!source(q)) missingSource(i, f, `alsoIn/${j}`, q); });
    f.conflicts?.forEach((q, j) => { if (!source(q)) missingSource(i, f, `conflicts/${j}`, q); });
    if (problems.length > before || !value) return;
    ids.add(f.id);
    base.facts.push({
      id: f.id, value, unit: f.unit ?? null, qualifier: f.qualifier ?? null, statement: f.statement,
      subject: f.subject, context: f.context ?? [], party: f.party ?? null, stance: f.stance ?? null,
      attributionSensitive: f.attributionSensitive ?? false, disputed: f.disputed ?? false,
      occasion: f.occasion ?? null, occasionCues: f.occasionCues ?? [], asOf: f.asOf ?? null,
      supersedes: f.supersedes ?? null,
      quote: quoteOf(f.quote), alsoIn: (f.alsoIn ?? []).map(quoteOf),
      conflicts: (f.conflicts ?? []).map((c) => ({ ...quoteOf(c), note: c.note })),
      erratum: f.erratum ?? null, note: f.note ?? null,
    });
  });
  return { base, problems };
}
