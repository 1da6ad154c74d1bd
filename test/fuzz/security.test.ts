// Hover Markdown escapes fact-file content: a fact base full of raw HTML, command: and
// javascript: links, images, autolinks and backticks goes through the hover builder, and nothing
// of it can render as a link, an image or HTML. Also fuzzed with random strings of Markdown's
// special characters. isTrusted is never set on what the server sends.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entity, Fact, FactBase, Finding, Quote, Source } from '../../server/src/core/types';
import { hoverText } from '../../server/src/lsp/hover';
import { escapeMarkdown, markdown, plaintext } from '../../server/src/lsp/markup';
import { report, scaled, SEED } from './common';

const EVIL = [
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<a href="command:workbench.action.terminal.new">x</a>',
  '[click](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%22%7D)', '[x](javascript:alert(1))',
  '![img](https://evil.example/track.png)', '<command:factdesk.restartServer>', '<javascript:alert(1)>', '[ref]: command:evil',
  '`code` ``double`` ```fence```', '\\[escaped\\](command:x)', '[x]\n(command:x)', '[x] (command:x)', '<!-- hidden -->',
  '&lt;b&gt;entity&lt;/b&gt;', '&#60;img src=x&#62;', '# heading\n- list\n1. one\n> quote', '| a | b |\n|---|---|', '$$math$$', '~~~fence',
  '[x](<command:y>)', '[x][1]\n\n[1]: command:evil', '<https://evil.example>', '***bold***', '\u202e<b>rtl</b>', 'a\u0000b<\u0000script>',
];

/** Every text field of a fact base filled with `s`, and a finding whose hover shows all of them. */
function evilCase(s: string): { base: FactBase; finding: Finding; conflicts: Fact[] } {
  const source: Source = { id: 'src', file: s, url: s, title: s, label: s, outlet: s, author: s, published: s, note: s };
  const entity: Entity = { id: 'ent', name: s, aliases: [s] };
  const quote: Quote = { source: 'src', text: s };
  const fact: Fact = {
    id: 'f1', value: { kind: 'percent', n: 75 }, unit: null, qualifier: null, statement: s, subject: 'ent', context: [], party: 'ent', stance: 'offer',
    attributionSensitive: false, disputed: true, occasion: s, occasionCues: [s], asOf: s, supersedes: null, quote,
    alsoIn: [quote, { source: 'missing', text: s }], conflicts: [{ ...quote, note: s }], erratum: { printed: s, note: s }, note: s,
  };
  const other: Fact = { ...fact, id: 'f2', value: { kind: 'date', year: 2025, month: 12, day: 24 } };
  const base: FactBase = { sources: new Map([['src', source]]), entities: new Map([['ent', entity]]), facts: [fact, other] };
  const finding: Finding = {
    figure: { span: { start: 0, end: 3 }, valueSpan: { start: 0, end: 3 }, text: '85%', value: { kind: 'percent', n: 85 }, unit: null, hedge: null, form: { numeral: 'digits', compound: false } },
    verdict: 'wrong', kind: 'wrong-value', fact, related: [other], message: s,
    replacements: [{ title: s, span: { start: 0, end: 3 }, newText: s, fact, preferred: true }],
  };
  return { base, finding, conflicts: [other] };
}

/** Characters that are preceded by an even number of backslashes, i.e. still active. */
function unescapedAt(s: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) n++;
  return n % 2 === 0;
}

/** The hover with its code spans (`…`, from Markup.code) cut out; returns null when a code span is malformed. */
function outsideCodeSpans(md: string): string {
  let out = '';
  let i = 0;
  while (i < md.length) {
    if (md[i] === '`' && unescapedAt(md, i)) {
      const close = md.indexOf('`', i + 1);
      expect(close, `unclosed code span in ${JSON.stringify(md)}`).toBeGreaterThan(i);
      const inner = md.slice(i + 1, close);
      expect(inner).not.toMatch(/[\r\n]/);
      i = close + 1;
      out += '␣';
      continue;
    }
    out += md[i];
    i++;
  }
  return out;
}

/** Asserts that nothing in a Markdown hover can form a link, image, autolink or HTML. */
function assertInert(md: string): void {
  const text = outsideCodeSpans(md);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('[]<&'.includes(c)) expect(unescapedAt(text, i), `unescaped ${c} at ${i} in ${JSON.stringify(md)}`).toBe(false);
  }
  // Raw HTML needs an unescaped "<"; links and images an unescaped "]" or "<"; both were ruled out above.
  // A line may start with "> " (the quote block) or "- " (items) only as the builder writes them.
}

let checked = 0;
describe('hover Markdown escapes fact-file content', () => {
  it('the inertness check itself catches active Markdown', () => {
    for (const bad of ['[x](command:y)', '<b>x</b>', '![i](x)', 'a &lt; b', '`a\nb`']) expect(() => assertInert(bad)).toThrow();
    expect(() => assertInert('\\[x\\](command:y) `[x](command:y)`')).not.toThrow();
  });

  it('a malicious fact base produces no link, image or HTML', () => {
    for (const s of EVIL) {
      const { base, finding, conflicts } = evilCase(s);
      const md = hoverText(markdown, base, finding, conflicts);
      expect(md).not.toBeNull();
      assertInert(md!);
      const plain = hoverText(plaintext, base, finding, conflicts);
      expect(plain).not.toBeNull();
      checked++;
    }
  });

  it('random strings of Markdown metacharacters stay inert (escapeMarkdown and the hover)', () => {
    const meta = fc.constantFrom('[', ']', '(', ')', '<', '>', '!', '`', '\\', '*', '_', '#', '|', '&', ':', 'command:', 'javascript:', 'http://x', ' ', '\n', '-', '1.', 'a', '~', '$', '"', "'", '\u0000');
    const evil = fc.array(meta, { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(evil, (s) => {
      assertInert(escapeMarkdown(s));
      const { base, finding, conflicts } = evilCase(s);
      assertInert(hoverText(markdown, base, finding, conflicts)!);
      checked++;
    }), { seed: SEED, numRuns: scaled(2000) });
    report('hover security', { hostileStrings: checked, unescaped: 0 });
  });

  it('no server source sets isTrusted or supportHtml to true', () => {
    const root = resolve(__dirname, '../../server/src');
    const files: string[] = [];
    const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts')) files.push(p); } };
    walk(root);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/isTrusted|supportHtml/);
    const client = readFileSync(resolve(__dirname, '../../client/src/server.ts'), 'utf8');
    expect(client).not.toMatch(/isTrusted:\s*true|supportHtml:\s*true/);
  });
});
