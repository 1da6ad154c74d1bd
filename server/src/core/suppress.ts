import type { Span } from './types';

/**
 * Comments that silence Fact Desk, found in the draft's own text so the decision travels with it.
 * Markdown uses HTML comments (invisible when rendered); plain text and News Draft use a line of
 * its own starting with `%% factdesk:`. Both forms are read in every language: neither occurs in
 * prose by accident.
 *
 *   <!-- factdesk-ignore-file -->        %% factdesk: ignore-file
 *   <!-- factdesk-disable-next-line -->  %% factdesk: disable-next-line
 *   <!-- factdesk-disable -->            %% factdesk: disable
 *   <!-- factdesk-enable -->             %% factdesk: enable
 *
 * "next line" is strictly the line after the one holding the comment; disable runs from the
 * comment to the next enable (or the end of the text).
 */
const DIRECTIVE = /<!--\s*factdesk-(ignore-file|disable-next-line|disable|enable)\s*-->|^[ \t]*%%[ \t]*factdesk:[ \t]*(ignore-file|disable-next-line|disable|enable)[ \t]*$/gm;

/** Spans of the text where findings are not reported (hovers still work there). */
export function suppressedSpans(text: string): Span[] {
  if (!text.includes('factdesk')) return [];
  const spans: Span[] = [];
  let disabledAt: number | null = null;
  for (const m of text.matchAll(DIRECTIVE)) {
    const what = m[1] ?? m[2];
    const at = m.index;
    const end = at + m[0].length;
    if (what === 'ignore-file') return [{ start: 0, end: text.length }];
    if (what === 'disable') disabledAt ??= end;
    else if (what === 'enable') {
      if (disabledAt !== null) spans.push({ start: disabledAt, end: at });
      disabledAt = null;
    } else {
      const lineEnd = text.indexOf('\n', end);
      if (lineEnd < 0) continue;
      const nextEnd = text.indexOf('\n', lineEnd + 1);
      spans.push({ start: lineEnd + 1, end: nextEnd < 0 ? text.length : nextEnd });
    }
  }
  if (disabledAt !== null) spans.push({ start: disabledAt, end: text.length });
  return spans;
}

/** Whether a figure at `span` lies in a suppressed span. */
export function isSuppressed(span: Span, suppressed: readonly Span[]): boolean {
  return suppressed.some((s) => span.start >= s.start && span.start < s.end);
}
