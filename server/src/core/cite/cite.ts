import type { Fact, FactBase, Span } from '../types';
import { citationKey, footnoteDefinition, inlineCitation, parentheticalCitation } from './format';
import { sentenceEnd } from './sentence';

export type CitationStyle = 'footnote' | 'inline' | 'parenthetical';

/** An edit in offsets of the text it was planned on; an insertion has start === end. */
export interface TextChange {
  span: Span;
  newText: string;
}

/** The line break the document already uses, so added lines match it ("\r\n" stays "\r\n"). */
export function eolOf(text: string): '\r\n' | '\n' | '\r' {
  const i = text.search(/[\r\n]/);
  if (i < 0) return '\n';
  if (text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function hasDefinition(text: string, key: string): boolean {
  return new RegExp(`^[ \\t]{0,3}\\[\\^${escapeRegExp(key)}\\]:`, 'm').test(text);
}

/**
 * Last non-blank line of the text, to keep new definitions next to existing ones. Read from the
 * end: splitting all of a long draft into lines, for every figure a code action cites, was most
 * of a request's time.
 */
function lastLine(text: string): string {
  let end = text.length;
  while (end > 0) {
    let start = end;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    end = start - 1;
    if (end > 0 && text[end] === '\n' && text[end - 1] === '\r') end--;
  }
  return '';
}

/**
 * Appends a footnote definition at the end of the text: after a blank line, or directly under a
 * block of definitions already there. Keeps the document's line breaks and does not add a final
 * newline to a document that has none.
 */
function appendDefinition(text: string, definition: string): TextChange {
  const eol = eolOf(text);
  const at = text.length;
  if (text.trim() === '') return { span: { start: at, end: at }, newText: `${definition}${eol}` };
  // Strip one final break first, so a lone "\r\n" is not mistaken for two line ends.
  const body = text.replace(/(?:\r\n|\n|\r)$/, '');
  const endsWithBreak = body !== text;
  const endsWithBlankLine = endsWithBreak && /(?:\r\n|\n|\r)[ \t]*$/.test(body);
  const underDefinitions = /^[ \t]{0,3}\[\^[^\]]+\]:/.test(lastLine(text));
  let lead: string;
  if (endsWithBlankLine) lead = '';
  else if (endsWithBreak) lead = underDefinitions ? '' : eol;
  else lead = underDefinitions ? eol : eol + eol;
  return { span: { start: at, end: at }, newText: `${lead}${definition}${endsWithBreak ? eol : ''}` };
}

/**
 * The edits that cite `fact` for the figure at `span`: a marker after the figure's sentence and,
 * for footnotes, a definition at the end. Empty when the citation is already there: the marker
 * is not repeated in its sentence and a definition with the same label is reused.
 * Pure; offsets are UTF-16 code units of `text`.
 */
export function planCitation(text: string, span: Span, fact: Fact, base: FactBase, style: CitationStyle): TextChange[] {
  const source = base.sources.get(fact.quote.source) ?? null;
  const { end, insertAt } = sentenceEnd(text, span);
  const at = { start: insertAt, end: insertAt };

  if (style === 'footnote') {
    const key = citationKey(fact);
    const marker = `[^${key}]`;
    const changes: TextChange[] = [];
    // The marker run after the sentence is where an earlier citation of this fact would stand.
    if (!text.slice(end, insertAt).includes(marker)) changes.push({ span: at, newText: marker });
    if (!hasDefinition(text, key)) changes.push(appendDefinition(text, footnoteDefinition(key, fact, source)));
    return changes;
  }

  const citation = style === 'inline' ? inlineCitation(source, fact.quote.source) : parentheticalCitation(source, fact.quote.source, false);
  if (text.startsWith(citation, insertAt)) return [];
  return [{ span: at, newText: citation }];
}

/** Applies non-overlapping changes to text; for tests and for previews. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  // Stable sort keeps the planned order of insertions at the same offset (marker before definition).
  const sorted = changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.span.start - b.c.span.start || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { c } of sorted) {
    out += text.slice(pos, c.span.start) + c.newText;
    pos = c.span.end;
  }
  return out + text.slice(pos);
}
