// The language server's pure adapters, without a process: settings parsing, Markdown escaping,
// hover text and code actions on hand-made findings (so they do not depend on the matcher).
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { overSize } from '../../server/src/lsp/analysis';
import { codeActions, MAX_ACTION_FIGURES } from '../../server/src/lsp/codeActions';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';
import { hoverText } from '../../server/src/lsp/hover';
import { escapeMarkdown, markdown, plaintext } from '../../server/src/lsp/markup';
import { citationStyleFor, DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';
import type { Fact, FactBase, Finding, Source } from '../../server/src/core/types';

const source: Source = {
  id: 'desk', file: '950_desk_notes.txt', url: null, title: 'Desk <b>notes</b> [draft](command:evil)', label: 'Desk notes',
  outlet: 'The *Sample* Post', author: 'R. Ortiz', published: '2026-02-01', note: 'Corrected on 2026-02-02.',
};
const fact: Fact = {
  id: 'zone-share', value: { kind: 'percent', n: 62 }, unit: null, qualifier: 'about', statement: 'about 62% of the zone',
  subject: 'zone', context: [], party: null, stance: null, attributionSensitive: false, disputed: false, occasion: 'spring survey',
  occasionCues: [], asOf: '2026-01-31', quote: { source: 'desk', text: 'roughly 62% of the zone, <script>alert(1)</script>' },
  alsoIn: [{ source: 'desk', text: 'some 62 percent' }], conflicts: [{ source: 'other', text: 'half the zone', note: 'older estimate' }],
  erratum: { printed: '26%', note: 'digits swapped in print' }, note: '1. Not a list',
};
const sibling: Fact = { ...fact, id: 'zone-rest', statement: 'about 38% of the zone outside control', quote: { source: 'desk', text: 'the other 38%' } };
const base: FactBase = { sources: new Map([['desk', source]]), entities: new Map(), facts: [fact, sibling] };

const TEXT = 'Officials say 71% of the zone is held. Another line.\n';
const at = TEXT.indexOf('71%');
const span = { start: at, end: at + 3 };
const wrong: Finding = {
  figure: { span, valueSpan: { start: at, end: at + 2 }, text: '71%', value: { kind: 'percent', n: 71 }, unit: null, hedge: null, form: { numeral: 'digits', compound: false } },
  verdict: 'wrong', kind: 'wrong-value', fact, related: [sibling], message: 'Sources give about 62% of the zone (Desk notes).',
  replacements: [
    { title: 'Replace with the sourced figure: 62', span: { start: at, end: at + 2 }, newText: '62', fact, preferred: true },
    { title: 'Replace with the sourced figure: about 62', span: { start: at, end: at + 2 }, newText: 'about 62', fact, preferred: false },
  ],
};
const doc = TextDocument.create('file:///d.md', 'markdown', 3, TEXT);

describe('settings', () => {
  it('fills every missing or malformed value with its default, independently', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ severity: 'error', run: 'sometimes', languages: ['markdown', 3] })).toEqual({ ...DEFAULT_SETTINGS, severity: 'error' });
    expect(readSettings({ maxFileSizeKB: 64, enable: false, citationStyle: 'inline' })).toMatchObject({ maxFileSizeKB: 64, enable: false, citationStyle: 'inline' });
  });

  it('reads the check delay in milliseconds, from 0 to at most 2 s', () => {
    expect(readSettings({ checkDelayMs: 0 }).checkDelayMs).toBe(0);
    expect(readSettings({ checkDelayMs: 300 }).checkDelayMs).toBe(300);
    expect(readSettings({ checkDelayMs: 60_000 }).checkDelayMs).toBe(2000);
    for (const bad of [-5, 'fast', null, Number.NaN]) expect(readSettings({ checkDelayMs: bad }).checkDelayMs).toBe(50);
  });

  it('gives plain text parenthetical citations whatever the setting', () => {
    expect(citationStyleFor('plaintext', DEFAULT_SETTINGS)).toBe('parenthetical');
    expect(citationStyleFor('markdown', DEFAULT_SETTINGS)).toBe('footnote');
    expect(citationStyleFor('news-draft', { ...DEFAULT_SETTINGS, citationStyle: 'inline' })).toBe('inline');
  });
});

describe('markdown escaping', () => {
  it('neutralises links, HTML, emphasis and line-leading list markers but keeps figures readable', () => {
    expect(escapeMarkdown('[x](command:y) <img> *a* `c`')).toBe('\\[x\\](command:y) \\<img\\> \\*a\\* \\`c\\`');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1.5% of 800,000 on 2026-01-06')).toBe('1.5% of 800,000 on 2026-01-06');
    expect(escapeMarkdown('-5% and +3')).toBe('-5% and +3');
    expect(escapeMarkdown('--- ruled')).toBe('\\--- ruled');
  });
});

describe('hover text', () => {
  const md = hoverText(markdown, base, wrong)!;

  it('has the verdict, sourced value, quote, source, other articles, conflicts, correction, note and related facts', () => {
    for (const part of ['does not match', 'about 62% of the zone', '> roughly 62% of the zone', 'R. Ortiz', '2026-02-01',
      '`950_desk_notes.txt`', 'some 62 percent', 'older estimate', '26%', 'digits swapped', '1\\. Not a list', 'about 38% of the zone outside control',
      'spring survey', 'as of 2026-01-31', 'Corrected on 2026-02-02']) {
      expect(md).toContain(part);
    }
  });

  it('never lets source text through as markup', () => {
    // Escaped brackets and angle brackets are literal characters in Markdown: no link, no HTML.
    expect(md).not.toMatch(/(?<!\\)<[a-z/]|(?<!\\)\]\(/i);
    expect(md).toContain('\\<script\\>');
  });

  it('has a plain-text form without Markdown', () => {
    const plain = hoverText(plaintext, base, wrong)!;
    expect(plain).toContain('<b>notes</b>');
    expect(plain).not.toContain('**');
  });

  it('is null for a figure no fact covers', () => {
    expect(hoverText(markdown, base, { ...wrong, verdict: 'unsourced', kind: null, fact: null })).toBeNull();
  });

  it('gives a count the statement spells out in digits too, and only then', () => {
    const spelled: Fact = { ...fact, value: { kind: 'number', n: 3 }, unit: 'country', qualifier: null, statement: 'three signatories (one article)' };
    const head = (f: Fact) => hoverText(markdown, base, { ...wrong, fact: f })!.split('\n\n')[1]!;
    expect(head(spelled)).toMatch(/three signatories.*· 3\b/);
    expect(head({ ...spelled, statement: '3 signatories' })).not.toContain('· 3');
    expect(head(fact)).not.toContain('· 62');
  });
});

describe('diagnostics and code actions', () => {
  it('maps verdicts to severities', () => {
    const ok: Finding = { ...wrong, verdict: 'ok', kind: null, replacements: [] };
    const disputed: Finding = { ...ok, verdict: 'disputed' };
    const unsourced: Finding = { ...ok, verdict: 'unsourced', fact: null };
    const ds = toDiagnostics(doc, [wrong, ok, disputed, unsourced], DEFAULT_SETTINGS);
    expect(ds.map((d) => [d.severity, d.code])).toEqual([[2, 'wrong-value'], [3, 'disputed']]);
    const withHints = toDiagnostics(doc, [unsourced], { ...DEFAULT_SETTINGS, reportUnsourcedFigures: true });
    expect(withHints.map((d) => [d.severity, d.code])).toEqual([[4, 'unsourced']]);
    expect(toDiagnostics(doc, [wrong], { ...DEFAULT_SETTINGS, severity: 'hint' })[0]!.severity).toBe(4);
  });

  it('lists the preferred replacement first, then the others, then the citation', () => {
    const [d] = toDiagnostics(doc, [wrong], DEFAULT_SETTINGS);
    const actions = codeActions({
      doc, params: { textDocument: { uri: doc.uri }, range: d!.range, context: { diagnostics: [d!] } },
      findings: [wrong], base, settings: DEFAULT_SETTINGS, style: 'footnote', edit: { documentChanges: true },
    });
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Replace with the sourced figure: 62', 'quickfix', true],
      ['Replace with the sourced figure: about 62', 'quickfix', false],
      ['Insert citation: Desk <b>notes</b> [draft](command:evil)', 'quickfix', false],
    ]);
    expect(actions[0]!.diagnostics).toEqual([d]);
    expect(actions[0]!.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri: doc.uri, version: 3 } });
    const only = codeActions({
      doc, params: { textDocument: { uri: doc.uri }, range: d!.range, context: { diagnostics: [], only: ['refactor'] } },
      findings: [{ ...wrong, verdict: 'ok', kind: null, replacements: [] }], base, settings: DEFAULT_SETTINGS, style: 'footnote', edit: { documentChanges: false },
    });
    expect(only.map((a) => a.kind)).toEqual(['refactor.rewrite']);
    expect(only[0]!.title).toMatch(/^Cite source: /);
  });
});

describe('code actions over a long selection', () => {
  it('are made for the first MAX_ACTION_FIGURES figures in it, not for every one', () => {
    const line = 'Officials say 71% of the zone is held.\n';
    const long = TextDocument.create('file:///desk/long.md', 'markdown', 1, line.repeat(MAX_ACTION_FIGURES + 50));
    const findings = Array.from({ length: MAX_ACTION_FIGURES + 50 }, (_, i) => {
      const by = i * line.length;
      const s = { start: wrong.figure.span.start + by, end: wrong.figure.span.end + by };
      return { ...wrong, figure: { ...wrong.figure, span: s, valueSpan: { start: s.start, end: s.start + 2 } }, replacements: wrong.replacements.map((r) => ({ ...r, span: s })) };
    });
    const all = { start: { line: 0, character: 0 }, end: long.positionAt(long.getText().length) };
    const actions = codeActions({
      doc: long, params: { textDocument: { uri: long.uri }, range: all, context: { diagnostics: [] } },
      findings, base, settings: DEFAULT_SETTINGS, style: 'footnote', edit: { documentChanges: true },
    });
    const lines = new Set(actions.filter((a) => a.kind === 'quickfix' && a.title.startsWith('Replace')).map((a) => a.edit!.documentChanges![0]! as { edits: Array<{ range: { start: { line: number } } }> }).map((e) => e.edits[0]!.range.start.line));
    expect(lines.size).toBe(MAX_ACTION_FIGURES);
    expect(lines.has(0)).toBe(true);
    expect(lines.has(MAX_ACTION_FIGURES)).toBe(false);
  });
});

describe('the size guard', () => {
  it('measures UTF-8 bytes, as the file has on disk, whatever the length alone suggests', () => {
    expect(overSize('a'.repeat(1024), 1)).toBe(false);
    expect(overSize('a'.repeat(1025), 1)).toBe(true);
    // Cyrillic takes two bytes a letter, emoji four a pair, CJK three a character.
    expect(overSize('д'.repeat(512), 1)).toBe(false);
    expect(overSize('д'.repeat(513), 1)).toBe(true);
    expect(overSize('😀'.repeat(256), 1)).toBe(false);
    expect(overSize('😀'.repeat(257), 1)).toBe(true);
    expect(overSize('中'.repeat(341), 1)).toBe(false);
    expect(overSize('中'.repeat(342), 1)).toBe(true);
  });
});
