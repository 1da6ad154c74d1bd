import { describe, expect, it } from 'vitest';
import { isSuppressed, suppressedSpans } from '../../server/src/core/suppress';

/** The lines of `text` whose first character is suppressed. */
function silentLines(text: string): number[] {
  const spans = suppressedSpans(text);
  let at = 0;
  return text.split('\n').flatMap((line, i) => {
    const start = at;
    at += line.length + 1;
    return line.trim() && isSuppressed({ start, end: start + 1 }, spans) ? [i] : [];
  });
}

describe('suppression comments', () => {
  it('disable-next-line silences exactly the next line (Markdown and %% forms)', () => {
    expect(silentLines('a 1\n<!-- factdesk-disable-next-line -->\nb 2\nc 3')).toEqual([2]);
    expect(silentLines('a 1\n%% factdesk: disable-next-line\nb 2\nc 3')).toEqual([2]);
  });
  it('disable … enable silences the lines between', () => {
    expect(silentLines('a\n<!-- factdesk-disable -->\nb\nc\n<!-- factdesk-enable -->\nd')).toEqual([2, 3]);
    expect(silentLines('a\n%% factdesk: disable\nb\n%% factdesk: enable\nd')).toEqual([2]);
  });
  it('an unclosed disable runs to the end; ignore-file silences everything', () => {
    expect(silentLines('a\n<!-- factdesk-disable -->\nb\nc')).toEqual([2, 3]);
    expect(silentLines('a\nb\n%% factdesk: ignore-file')).toEqual([0, 1, 2]);
  });
  it('ignores look-alikes inside prose', () => {
    expect(suppressedSpans('We wrote %% factdesk: disable in the middle of a line.')).toEqual([]);
    expect(suppressedSpans('No comments at all.')).toEqual([]);
  });
});
