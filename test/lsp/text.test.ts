// Positions and edits in awkward text: CRLF, astral emoji and Cyrillic before a figure (LSP counts
// UTF-16 code units), incremental edits, rapid typing, and input no draft should contain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { applyEdits, editsFor, LspClient, positionOf, textAt, uniqueUri } from './client';

const WRONG = "Russia's army now occupies about 85% of Donetsk, officials in Kyiv said.";
const loud = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1 || d.severity === 2);

let client: LspClient;
beforeAll(async () => {
  client = new LspClient();
  await client.initialize();
});
afterAll(async () => { await client.shutdown(); });

describe('positions', () => {
  it('CRLF document: ranges, the fix and the citation keep CRLF', async () => {
    const uri = uniqueUri();
    const text = `# Briefing\r\n\r\nIntro line.\r\n${WRONG}\r\n`;
    client.open(uri, text);
    const [d] = loud(await client.diagnostics(uri, 1));
    expect(d).toBeDefined();
    expect(d!.range.start).toEqual(positionOf(text, '85'));
    expect(textAt(text, d!.range)).toMatch(/^85%?$/);

    const actions = (await client.codeActions(uri, d!.range, [d!])) ?? [];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(applyEdits(text, editsFor(fix.edit, uri))).toBe(text.replace('85', '75'));
    const cite = actions.find((a) => /citation/i.test(a.title))!;
    const cited = applyEdits(text, editsFor(cite.edit, uri));
    expect(cited.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare \n slipped in
    expect(cited).toMatch(/said\.\[\^[^\]]+\]\r\n\r\n\[\^[^\]]+\]: .*\r\n$/);
  });

  it('emoji and Cyrillic before the figure: UTF-16 columns', async () => {
    const uri = uniqueUri();
    const text = `🇺🇦 Звіт з фронту 😀 — ${WRONG}\n`;
    client.open(uri, text);
    const [d] = loud(await client.diagnostics(uri, 1));
    expect(d).toBeDefined();
    const expected = positionOf(text, '85');
    expect(d!.range.start).toEqual(expected);
    expect(expected.character).toBe(text.indexOf('85')); // UTF-16 index, not code points or bytes
    const h = await client.hover(uri, { line: 0, character: expected.character + 1 });
    expect(h).not.toBeNull();
    const fix = ((await client.codeActions(uri, d!.range, [d!])) ?? []).find((a) => a.isPreferred)!;
    expect(applyEdits(text, editsFor(fix.edit, uri))).toBe(text.replace('85', '75'));
  });

  it('curly quotes around the sentence: the citation goes after the closing quote', async () => {
    const uri = uniqueUri();
    const text = `An aide said: “${WRONG}” Then talks resumed.\n`;
    client.open(uri, text);
    const [d] = loud(await client.diagnostics(uri, 1));
    expect(d).toBeDefined();
    const cite = ((await client.codeActions(uri, d!.range, [d!])) ?? []).find((a) => /citation/i.test(a.title))!;
    expect(applyEdits(text, editsFor(cite.edit, uri))).toMatch(/said\.”\[\^[^\]]+\] Then talks resumed\./);
  });
});

describe('incremental edits', () => {
  it('moves the diagnostic when a line is inserted above, and drops it when the figure is fixed', async () => {
    const uri = uniqueUri();
    const text = `Intro.\n\n${WRONG}\n`;
    client.open(uri, text);
    const [d1] = loud(await client.diagnostics(uri, 1));
    expect(d1!.range.start.line).toBe(2);

    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'A new first line.\n' }]);
    const [d2] = loud(await client.diagnostics(uri, 2));
    expect(d2!.range.start).toEqual({ line: 3, character: d1!.range.start.character });

    const at = { line: 3, character: d1!.range.start.character };
    client.change(uri, 3, [{ range: { start: at, end: { line: 3, character: at.character + 2 } }, text: '75' }]);
    expect(loud(await client.diagnostics(uri, 3))).toEqual([]);
  });

  it('rapid typing publishes the latest version last, never a stale one after it', async () => {
    const uri = uniqueUri();
    client.open(uri, 'Notes.\n');
    await client.diagnostics(uri, 1);
    let text = 'Notes.\n';
    for (let v = 2; v <= 8; v++) {
      const add = v === 8 ? `${WRONG}\n` : `Line ${v}.\n`;
      const lines = text.split('\n').length - 1;
      client.change(uri, v, [{ range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: add }]);
      text += add;
    }
    const final = await client.diagnostics(uri, 8);
    expect(loud(final)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200));
    const versions = client.publications(uri).map((p) => p.version ?? 0);
    expect(versions.at(-1)).toBe(8);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(versions.length).toBeLessThan(8); // the debounce coalesced the burst
  });
});

describe('odd input never crashes the server', () => {
  const odd: Array<[string, string]> = [
    ['NUL and control characters', `Before\u0000\u0001\u0007 85% of Donetsk\u0000 after.\u001b[31m`],
    ['lone surrogates', `\uD800 about 85% of Donetsk \uDC00\uD83D`],
    ['200k digits', '9'.repeat(200_000)],
    ['200k digits with a percent', `${'1'.repeat(200_000)}% of Donetsk.`],
    ['a long line of numbers', Array.from({ length: 20_000 }, (_, i) => `${i}%`).join(' ')],
    ['CR-only line ends', `Line one.\r\r${WRONG}\r`],
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n  '],
    ['bidi and zero-width marks', `\u202e${WRONG}\u200b\u2066`],
    ['unclosed markup', '[^a]: [[[ ** `` <div> 85% of Donetsk ((((('],
  ];

  it.each(odd)('%s', async (_name, text) => {
    const uri = uniqueUri();
    client.open(uri, text);
    await client.diagnostics(uri, 1, 20_000);
    await client.hover(uri, { line: 0, character: 3 });
    await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(text.length, 50) } });
    await client.request('factdesk/findings', { uri });
    client.notify('textDocument/didClose', { textDocument: { uri } });
    expect(client.exit).toBeNull();
  }, 30_000);

  it('still checks a normal draft afterwards', async () => {
    const uri = uniqueUri();
    client.open(uri, `${WRONG}\n`);
    expect(loud(await client.diagnostics(uri, 1))).toHaveLength(1);
  });
});
