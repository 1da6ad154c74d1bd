// The built language server over stdio: capabilities, diagnostics, hover and code actions on
// drafts checked against the bundled fact base (which gives "about 75%" of Donetsk as held by
// Russia, quoted from "Zelensky Says He Has No Clear Security Guarantees from Allies").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, MarkupContent } from 'vscode-languageserver';
import { applyEdits, editsFor, LspClient, positionOf, rangeOf, textAt, uniqueUri } from './client';

const QUOTE = 'Moscow currently holds about 75% of Donetsk and 99% of Luhansk';
const TITLE = 'Zelensky Says He Has No Clear Security Guarantees from Allies';

const WRONG_DRAFT = [
  '# Front-line briefing',
  '',
  "Russia's army now occupies about 85% of Donetsk, a senior official said. The ministry released a 40-page report on the talks.",
  '',
].join('\n');
const RIGHT_DRAFT = 'By its own count, Russia occupies about 75% of Donetsk. The ministry released a 40-page report on the talks.\n';

const hoverValue = (h: { contents: unknown } | null) => (h ? (h.contents as MarkupContent).value : '');
const loud = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1 || d.severity === 2);

let client: LspClient;
beforeAll(() => { client = new LspClient(); });
afterAll(async () => { await client.shutdown(); });

describe('initialize', () => {
  it('announces incremental sync, hover and quick fixes', async () => {
    const r = await client.initialize();
    expect(r.serverInfo?.name).toBe('Fact Desk');
    const caps = r.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(['quickfix', 'refactor.rewrite']) });
    expect(caps.positionEncoding ?? 'utf-16').toBe('utf-16');
  });
});

describe('a wrong figure', () => {
  const uri = uniqueUri();
  let diags: Diagnostic[];
  beforeAll(async () => {
    client.open(uri, WRONG_DRAFT);
    diags = await client.diagnostics(uri, 1);
  });

  it('gets one Fact Desk warning over the figure, naming the sourced value', () => {
    expect(loud(diags)).toHaveLength(1);
    const d = diags[0]!;
    expect(d.severity).toBe(2);
    expect(d.source).toBe('Fact Desk');
    expect(typeof d.code).toBe('string');
    expect(d.code).toMatch(/^wrong-/);
    expect(d.message).toContain('75');
    expect(d.range.start.line).toBe(2);
    expect(textAt(WRONG_DRAFT, d.range)).toContain('85');
    expect(textAt(WRONG_DRAFT, d.range)).not.toContain('40');
  });

  it('hovers with the sourced value, the verbatim quote and the source', async () => {
    const h = await client.hover(uri, positionOf(WRONG_DRAFT, '5%'));
    expect(h).not.toBeNull();
    expect((h!.contents as MarkupContent).kind).toBe('markdown');
    const v = hoverValue(h);
    expect(v).toContain('75');
    expect(v).toContain(`> ${QUOTE}`);
    expect(v).toContain(TITLE);
    expect(v).not.toMatch(/<[a-z]|\]\(command:/i);
  });

  it('has no hover on words or on figures no fact covers', async () => {
    expect(await client.hover(uri, positionOf(WRONG_DRAFT, 'senior'))).toBeNull();
    expect(await client.hover(uri, positionOf(WRONG_DRAFT, '0-page'))).toBeNull();
  });

  it('offers a preferred fix that replaces exactly the figure’s value', async () => {
    const d = diags[0]!;
    const actions = (await client.codeActions(uri, d.range, [d])) ?? [];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    expect(fix, JSON.stringify(actions)).toBeDefined();
    expect(fix!.title).toMatch(/^Replace with the sourced figure/);
    expect(fix!.diagnostics?.[0]?.code).toBe(d.code);
    const edits = editsFor(fix!.edit, uri);
    expect(edits).toHaveLength(1);
    const replaced = textAt(WRONG_DRAFT, edits[0]!.range);
    expect(['85', '85%']).toContain(replaced);
    const after = applyEdits(WRONG_DRAFT, edits);
    expect(after).toContain('about 75% of Donetsk');
    expect(after).toBe(WRONG_DRAFT.replace('85', '75'));
  });

  it('offers "Insert citation" next to the fix, touching only the marker and the definition', async () => {
    const d = diags[0]!;
    const actions = (await client.codeActions(uri, d.range, [d])) ?? [];
    const cite = actions.find((a) => /citation/i.test(a.title));
    expect(cite, JSON.stringify(actions.map((a) => a.title))).toBeDefined();
    const after = applyEdits(WRONG_DRAFT, editsFor(cite!.edit, uri));
    const marker = /\[\^[^\]]+\]/.exec(after.split('\n')[2]!)?.[0];
    expect(marker).toBeDefined();
    expect(after.split('\n')[2]).toBe(WRONG_DRAFT.split('\n')[2]!.replace('said.', `said.${marker}`));
    expect(after.startsWith(WRONG_DRAFT)).toBe(false);
    expect(after).toContain(`\n${marker}: ${TITLE}`);
    expect(after).toContain(QUOTE);
  });

  it('leaves the other figure and the heading alone', () => {
    expect(diags.every((d) => !textAt(WRONG_DRAFT, d.range).includes('40'))).toBe(true);
  });
});

describe('a correct figure', () => {
  const uri = uniqueUri();
  it('gets no diagnostic, and neither does an unrelated number', async () => {
    client.open(uri, RIGHT_DRAFT);
    expect(await client.diagnostics(uri, 1)).toEqual([]);
  });

  it('hovers with the source all the same', async () => {
    const v = hoverValue(await client.hover(uri, positionOf(RIGHT_DRAFT, '75')));
    expect(v).toContain('75');
    expect(v).toContain(QUOTE);
  });

  it('offers "Cite source" at the cursor; applying it twice adds one marker and one definition', async () => {
    let text = RIGHT_DRAFT;
    const at = positionOf(text, '75');
    const first = ((await client.codeActions(uri, { start: at, end: at })) ?? []).find((a) => /cite/i.test(a.title));
    expect(first).toBeDefined();
    expect(first!.kind).toMatch(/^(refactor|quickfix)/);
    text = applyEdits(text, editsFor(first!.edit, uri));
    client.change(uri, 2, [{ text }]);
    await client.diagnostics(uri, 2);

    const again = ((await client.codeActions(uri, { start: at, end: at })) ?? []).find((a) => /cite/i.test(a.title));
    if (again) text = applyEdits(text, editsFor(again.edit, uri));
    const markers = text.match(/\[\^[^\]]+\](?!:)/g) ?? [];
    const definitions = text.match(/^\[\^[^\]]+\]:/gm) ?? [];
    expect(markers).toHaveLength(1);
    expect(definitions).toHaveLength(1);
    expect(text.split('\n')[0]).toBe(`By its own count, Russia occupies about 75% of Donetsk.${markers[0]} The ministry released a 40-page report on the talks.`);
  });
});

describe('plain text', () => {
  it('cites with a parenthetical instead of a footnote', async () => {
    const uri = uniqueUri('txt');
    const text = 'Russia occupies about 75% of Donetsk, the memo says. More follows.';
    client.open(uri, text, 'plaintext');
    await client.diagnostics(uri, 1);
    const at = positionOf(text, '75');
    const actions: CodeAction[] = (await client.codeActions(uri, { start: at, end: at })) ?? [];
    const cite = actions.find((a) => /cite/i.test(a.title));
    expect(cite).toBeDefined();
    const after = applyEdits(text, editsFor(cite!.edit, uri));
    expect(after).toBe(`Russia occupies about 75% of Donetsk, the memo says. (Source: ${TITLE}) More follows.`);
  });
});

describe('custom requests', () => {
  it('factdesk/findings counts wrong and sourced figures', async () => {
    const uri = uniqueUri();
    const text = `${WRONG_DRAFT}\n${RIGHT_DRAFT}`;
    client.open(uri, text);
    await client.diagnostics(uri, 1);
    const r = await client.request<Record<string, unknown>>('factdesk/findings', { uri });
    expect(r).toMatchObject({ uri, version: 1, checked: true, wrong: 1, ok: 1, sourced: 2 });
    expect(await client.request('factdesk/findings', { uri: 'file:///not/open.md' })).toMatchObject({ checked: false, reason: 'not-open' });
  });

  it('factdesk/facts lists facts with quote and source, those named in the text first', async () => {
    const facts = await client.request<Array<{ id: string; statement: string; quote: string; source: { label: string }; mentioned: boolean }>>(
      'factdesk/facts', { text: 'the fighting around Donetsk' });
    expect(facts.length).toBeGreaterThanOrEqual(30);
    expect(facts[0]!.mentioned).toBe(true);
    const donetsk = facts.find((f) => f.quote === QUOTE && f.statement.includes('75'));
    expect(donetsk?.source.label).toBe(TITLE);
  });

  it('factdesk/citation returns the edit for a chosen fact at the cursor', async () => {
    const uri = uniqueUri();
    const text = 'Officials describe the eastern front in detail. Nothing else.\n';
    client.open(uri, text);
    await client.diagnostics(uri, 1);
    const facts = await client.request<Array<{ id: string; quote: string }>>('factdesk/facts', {});
    const id = facts.find((f) => f.quote === QUOTE)!.id;
    const edit = await client.request<Parameters<typeof editsFor>[0]>('factdesk/citation', { uri, factId: id, position: positionOf(text, 'detail') });
    const after = applyEdits(text, editsFor(edit, uri));
    expect(after).toMatch(/^Officials describe the eastern front in detail\.\[\^[^\]]+\] Nothing else\.\n\n\[\^[^\]]+\]: /);
    expect(await client.request('factdesk/citation', { uri, factId: 'no-such-fact', position: { line: 0, character: 0 } })).toBeNull();
  });

  it('factdesk/checkText checks a draft that is not open', async () => {
    const uri = uniqueUri();
    const r = await client.request<{ summary: Record<string, unknown>; diagnostics: Diagnostic[] }>(
      'factdesk/checkText', { uri, languageId: 'markdown', text: WRONG_DRAFT });
    expect(r.summary).toMatchObject({ checked: true, wrong: 1 });
    expect(loud(r.diagnostics)).toHaveLength(1);
    expect(textAt(WRONG_DRAFT, r.diagnostics[0]!.range)).toContain('85');
    expect(client.publications(uri)).toEqual([]);
  });

  it('factdesk/factAt names the fact under the cursor', async () => {
    const uri = uniqueUri();
    client.open(uri, RIGHT_DRAFT);
    await client.diagnostics(uri, 1);
    const r = await client.request<{ factId: string; verdict: string; range: Parameters<typeof textAt>[1] } | null>(
      'factdesk/factAt', { uri, position: positionOf(RIGHT_DRAFT, '75') });
    expect(r?.verdict).toBe('ok');
    expect(textAt(RIGHT_DRAFT, r!.range)).toContain('75');
    const facts = await client.request<Array<{ id: string; quote: string }>>('factdesk/facts', {});
    expect(facts.find((f) => f.id === r!.factId)?.quote).toBe(QUOTE);
    expect(await client.request('factdesk/factAt', { uri, position: positionOf(RIGHT_DRAFT, 'ministry') })).toBeNull();
  });
});

describe('robustness', () => {
  it('answers requests on unknown documents with empty results', async () => {
    const uri = 'file:///never/opened.md';
    expect(await client.hover(uri, { line: 0, character: 0 })).toBeNull();
    expect(await client.codeActions(uri, rangeOf('x', 'x'))).toEqual([]);
  });
});
