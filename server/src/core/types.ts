// Shared vocabulary of the pure core. Nothing here may import Node APIs or LSP types:
// the same core runs in the language server, the CLI and (later) a Web Worker.

/** Half-open range of UTF-16 code unit offsets into a document's text (JS string indices). */
export interface Span {
  start: number;
  end: number;
}

/** A hedge a writer puts in front of a figure, or a qualifier a source attaches to a fact. */
export type Hedge =
  | 'about' // about, roughly, around, approximately, some, an estimated
  | 'nearly' // nearly, almost, just under, close to
  | 'at-least' // at least, a minimum (of), no fewer than
  | 'more-than' // more than, over, upwards of
  | 'up-to' // up to, as many as, a maximum of
  | 'less-than' // less than, under, fewer than
  | 'as-soon-as'; // as soon as, as early as

/** What a figure says, normalised. Percent-like shares are expressed in percent (0–100). */
export type FigureValue =
  | { kind: 'number'; n: number } // 800,000 · thirty · 1.5m · 20 (in "20-year")
  | { kind: 'percent'; n: number } // 75% · 75 percent · three-quarters (75) · half (50)
  | { kind: 'range'; min: number; max: number; percent: boolean } // 30 to 50 · 30–50 · several (3–9) · nearly all (90–100 %)
  | { kind: 'set'; values: number[] } // 30, 40, 50 years
  | { kind: 'ordinal'; n: number } // fourth · 4th
  | { kind: 'date'; year?: number; month?: number; day?: number } // January 6, 2026 · Jan. 6 · January 2024
  | { kind: 'year'; n: number } // 1994 (a bare calendar year)
  | { kind: 'decade'; start: number }; // 1990s

export type NumeralStyle = 'digits' | 'words';

/** How a figure is written, so a replacement can keep the draft's style. */
export interface FigureForm {
  numeral: NumeralStyle;
  /** "%", " percent" or " per cent" for percentages written with digits. */
  percentStyle?: '%' | ' percent' | ' per cent';
  /** Thousands separator seen in the digits ("800,000" -> ","), "" when none. */
  thousandsSeparator?: string;
  /** Written as a compound modifier: "15-year", "800,000-strong", "three-layered". */
  compound: boolean;
  /**
   * Words after the number that are counted in the value and lie inside valueSpan, as written:
   * a scale (" million" in "1.5 million", "k" in "800k") or a unit folded into it (" decades" in
   * "two decades" = 20 years, " year" in "a year"). A replacement must write it again.
   */
  multiplier?: string;
}

/** A figure found in prose, before anything is known about what it refers to. */
export interface Figure {
  /** The whole figure as a reader sees it, unit included: "15-year", "fourth anniversary", "75%". */
  span: Span;
  /** Only the part that states the number ("15", "fourth", "75%", "December 24, 2025"). A fix replaces this. */
  valueSpan: Span;
  text: string;
  value: FigureValue;
  /**
   * Canonical unit noun, singular and lower-case, when one is written next to the number:
   * "year", "day", "week", "country", "point", "layer", "strong", "protester", "anniversary", ...
   * null for bare numbers, percentages, dates and years.
   */
  unit: string | null;
  hedge: Hedge | null;
  /** Where the hedge words are ("roughly"), when present. */
  hedgeSpan?: Span;
  form: FigureForm;
}

// ---- the fact base --------------------------------------------------------------------

export interface Source {
  id: string;
  /** The article's file name in the seeds folder, for traceability. */
  file: string | null;
  url: string | null;
  /** The headline as the article gives it; null when the article shows none. */
  title: string | null;
  /** A short description used in messages when there is no title. */
  label: string;
  outlet: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) of publication, null when the article does not give one. */
  published: string | null;
  note: string | null;
}

/** Who a party is and how drafts refer to them. */
export interface Entity {
  id: string;
  name: string;
  /** Words and phrases that name the entity in prose (case-insensitive, whole words). */
  aliases: string[];
}

export type Stance = 'offer' | 'demand' | 'promise' | 'estimate' | 'report' | 'suggest';

/** The sourced value of a fact. Same shapes as a figure's value. */
export type FactValue = FigureValue;

export interface Quote {
  source: string;
  text: string;
}

export interface Fact {
  id: string;
  value: FactValue;
  /** Canonical unit, as in Figure.unit; null for percentages, dates and years. */
  unit: string | null;
  qualifier: Hedge | null;
  /** How the sources put it, for messages and hovers: "about 75% of Donetsk". */
  statement: string;
  /** Entity the figure is about; its aliases are the words that tie a figure to this fact. */
  subject: string;
  /** Further word groups, each of which must be present near the figure ("after" + "declaration"). */
  context: string[][];
  /** Who said / offered / demanded it, when attribution matters. */
  party: string | null;
  stance: Stance | null;
  /** True when the same number from another party is a different (wrong) claim. */
  attributionSensitive: boolean;
  /** Sources disagree on this matter: a figure agreeing with it is reported as disputed, not ok. */
  disputed: boolean;
  occasion: string | null;
  /** Words that point to the occasion ("Munich", "audio message"), used to rank facts of one subject. */
  occasionCues: string[];
  asOf: string | null;
  /** Id of a fact this one replaces (a newer figure); the replaced fact is dropped from matching. */
  supersedes?: string | null;
  quote: Quote;
  /** The same figure in other articles. */
  alsoIn: Quote[];
  /** Articles that say something different about the same matter. */
  conflicts: Array<Quote & { note: string }>;
  /** An evident error in the source: what it printed, and why the value above is used instead. */
  erratum: { printed: string; note: string } | null;
  note: string | null;
}

export interface FactBase {
  sources: Map<string, Source>;
  entities: Map<string, Entity>;
  facts: Fact[];
}

// ---- what the checker reports -----------------------------------------------------------

/**
 * - wrong: the figure contradicts the sources in its context (value, or the party it is given to).
 * - ok: the figure agrees with a sourced fact.
 * - disputed: sources disagree about this matter; the figure agrees with some of them.
 * - unsourced: no fact covers the figure (reported only when asked for).
 */
export type Verdict = 'wrong' | 'ok' | 'disputed' | 'unsourced';

/** Why a wrong figure is wrong; also the stable diagnostic code. */
export type WrongKind = 'wrong-value' | 'wrong-attribution' | 'source-erratum';

/** A replacement for part of the draft: the figure's value, never anything beyond it. */
export interface Replacement {
  title: string;
  span: Span;
  newText: string;
  fact: Fact;
  preferred: boolean;
}

export interface Finding {
  figure: Figure;
  verdict: Verdict;
  kind: WrongKind | null;
  /** The fact the figure was judged against (null only for unsourced figures). */
  fact: Fact | null;
  /** Other facts in play (the other party's figure, the competing occasion), shown in hovers. */
  related: Fact[];
  /** One-line message for a diagnostic, naming the sourced value and the source. */
  message: string;
  replacements: Replacement[];
}

export interface CheckOptions {
  /** Report figures that no fact covers (verdict "unsourced"). Off by default. */
  reportUnsourced?: boolean;
}
