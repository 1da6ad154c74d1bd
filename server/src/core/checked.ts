import type { Finding, Span } from './types';

/**
 * A reporter's "I checked this figure, it is right as written" decision, as stored in
 * `.factdesk/checked.json`. Keyed by what the figure says and the words around it, never by its
 * line, so the mark survives edits elsewhere in the draft (a paragraph inserted above).
 */
export interface CheckedMark {
  figure: string;
  factId: string | null;
  /** Hash of up to CONTEXT_WORDS words on each side of the figure, lower-cased. */
  context: string;
  /** Human aid for the review command; not part of the key. */
  excerpt?: string;
  checkedAt?: string;
}

export interface CheckedFile {
  version: 1;
  marks: CheckedMark[];
}

const CONTEXT_WORDS = 4;

/** FNV-1a, 32 bits: stable across runs and platforms, and enough to tell sentences apart. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words around a figure, before and after, on which the mark's key depends. */
function around(text: string, span: Span): { before: string[]; after: string[] } {
  // 200 characters each way is far more than four words; the rest of the draft does not matter.
  const before = words(text.slice(Math.max(0, span.start - 200), span.start)).slice(-CONTEXT_WORDS);
  const after = words(text.slice(span.end, span.end + 200)).slice(0, CONTEXT_WORDS);
  return { before, after };
}

export function markFor(text: string, finding: Finding, checkedAt?: string): CheckedMark {
  const { before, after } = around(text, finding.figure.span);
  const excerpt = [...before, `[${finding.figure.text}]`, ...after].join(' ');
  return {
    figure: finding.figure.text, factId: finding.fact?.id ?? null,
    context: fnv1a(`${before.join(' ')}|${after.join(' ')}`), excerpt, ...(checkedAt ? { checkedAt } : {}),
  };
}

const sameKey = (a: CheckedMark, b: CheckedMark) => a.figure === b.figure && a.factId === b.factId && a.context === b.context;

export function isChecked(text: string, finding: Finding, marks: readonly CheckedMark[]): boolean {
  if (!marks.length) return false;
  const mine = markFor(text, finding);
  return marks.some((m) => sameKey(m, mine));
}

/** Reads the file leniently: a hand-edited file with one bad entry keeps its other marks. */
export function parseCheckedFile(raw: string): CheckedMark[] {
  let data: unknown;
  try { data = JSON.parse(raw); } catch { return []; }
  const marks = data !== null && typeof data === 'object' ? (data as { marks?: unknown }).marks : undefined;
  if (!Array.isArray(marks)) return [];
  return marks.filter((m: unknown): m is CheckedMark => m !== null && typeof m === 'object'
    && typeof (m as CheckedMark).figure === 'string' && typeof (m as CheckedMark).context === 'string'
    && ((m as CheckedMark).factId === null || typeof (m as CheckedMark).factId === 'string'));
}

/** The file's text with one mark added (no duplicate), formatted for review in a diff. */
export function addMark(marks: readonly CheckedMark[], mark: CheckedMark): string {
  const all = marks.some((m) => sameKey(m, mark)) ? [...marks] : [...marks, mark];
  return `${JSON.stringify({ version: 1, marks: all } satisfies CheckedFile, null, 2)}\n`;
}
