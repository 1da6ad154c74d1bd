import type { Fact, Source } from '../types';

// How a citation reads. Kept apart from where it goes (sentence.ts) and from edits (cite.ts).

/** Collapses line breaks and runs of spaces: a quote may span lines in its article. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Footnote label for a fact. Fact ids are slugs already; anything a footnote label cannot hold
 * (spaces, brackets, "^") is folded to "-" so a hand-edited fact file still yields a valid label.
 */
export function citationKey(fact: Fact): string {
  const key = fact.id.replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^-+|-+$/g, '');
  return key || 'source';
}

/** Escapes what Markdown would read as markup inside a footnote or link text. */
export function escapeMarkdownInline(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** "Title, Outlet, Author, 2026-01-07": the parts a source has, in citation order. */
export function sourceParts(source: Source | null, fallback: string): string[] {
  if (!source) return [fallback];
  return [source.title ?? source.label, source.outlet, source.author, source.published]
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(oneLine);
}

/** `[^key]: Title, Outlet, Author, date: “quote”` */
export function footnoteDefinition(key: string, fact: Fact, source: Source | null): string {
  const parts = sourceParts(source, fact.quote.source).map(escapeMarkdownInline).join(', ');
  return `[^${key}]: ${parts}: “${escapeMarkdownInline(oneLine(fact.quote.text))}”`;
}

/** ` (Source: Title, Outlet, date)`: the author is left out to keep running text short. */
export function parentheticalCitation(source: Source | null, fallback: string, markdown: boolean): string {
  const parts = source
    ? [source.title ?? source.label, source.outlet, source.published].filter((p): p is string => !!p && p.trim() !== '').map(oneLine)
    : [fallback];
  const text = parts.join(', ');
  return ` (Source: ${markdown ? escapeMarkdownInline(text) : text})`;
}

/** ` ([Title](url))` when the source has a URL; otherwise the parenthetical form. */
export function inlineCitation(source: Source | null, fallback: string): string {
  if (!source?.url) return parentheticalCitation(source, fallback, true);
  const title = escapeMarkdownInline(oneLine(source.title ?? source.label));
  // Parentheses and spaces would end a Markdown link destination early.
  const url = source.url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return ` ([${title}](${url}))`;
}
