// The Fact Base view's tree and filter, and Find Fact's insertion text: the vscode-free half of
// client/src/factTree.ts and findFact.ts.
import { describe, expect, it } from 'vitest';
import {
  buildFactTree, childrenOf, escapeMarkdown, figureInsertion, figureOf, fileName, filterTerms, parentOf, treeMessage,
  type FactNode, type FileNode, type SourceNode,
} from '../../client/src/factBaseModel';
import type { FactFileSummary, FactSummary } from '../../client/src/protocol';

const FILE = 'file:///desk/reservoir%20notes.facts.yaml';

function summary(id: string, source: string, over: Partial<FactSummary> = {}): FactSummary {
  return {
    id, statement: `${id} statement`, subject: 'lake', subjectName: 'Lake Orvin reservoir', quote: `quote of ${id}`,
    source: { id: source, label: `${source} title`, title: `${source} title`, outlet: 'Water Board', author: null, published: '2026-01-07', file: null, url: null },
    mentioned: false, figure: '62%', aliases: ['Lake Orvin'], origin: 'bundled', disputed: false, conflicts: [],
    ...over,
  };
}

const facts: FactSummary[] = [
  summary('level', 'bulletin', { statement: 'Lake Orvin was 62% full', quote: 'Lake Orvin is currently 62% full after the spring rains.' }),
  summary('inflow', 'wire', { statement: '40 cubic metres a second', subject: 'river', subjectName: 'Orvin river', aliases: ['the Orvin'], quote: 'Inflow reached 40 cubic metres a second.' }),
  summary('outflow', 'bulletin', { statement: 'outflow cut to 12 cubic metres', quote: 'Outflow was cut to 12 cubic metres.',
    conflicts: [{ kind: 'fact', text: 'outflow cut to 15 cubic metres', source: 'Desk note', factId: 'desk-outflow' }] }),
  summary('desk-outflow', 'desk', { statement: 'outflow cut to 15 cubic metres', origin: FILE, quote: 'Café owners said outflow fell to 15 “cubic” metres.',
    location: { uri: FILE, range: { start: { line: 5, character: 6 }, end: { line: 5, character: 18 } } } }),
];
const files: FactFileSummary[] = [
  { uri: FILE, facts: 1, problems: [] },
  { uri: 'file:///desk/broken.facts.yaml', facts: 0, problems: [
    { message: 'YAML syntax: unexpected end', code: 'fact-file-syntax', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } } },
  ] },
];

describe('buildFactTree', () => {
  const tree = buildFactTree(facts, files);
  const sources = tree.roots.filter((n): n is SourceNode => n.kind === 'source');

  it('puts fact files with problems first, then sources in fact-base order, each with its facts', () => {
    expect(tree.roots.map((n) => n.label)).toEqual(['broken.facts.yaml', 'bulletin title', 'wire title', 'desk title']);
    expect(sources[0]!.facts.map((f) => f.fact.id)).toEqual(['level', 'outflow']);
    expect(tree.total).toBe(4);
    expect(tree.shown).toBe(4);
  });

  it('shows statement and quote, and flags conflicts', () => {
    const outflow = sources[0]!.facts[1]!;
    expect(outflow.label).toBe('outflow cut to 12 cubic metres');
    expect(outflow.description).toBe('Outflow was cut to 12 cubic metres.');
    expect(outflow.conflicted).toBe(true);
    expect(outflow.tooltip).toContain('Another fact file says **outflow cut to 15 cubic metres**');
    expect(sources[0]!.facts[0]!.conflicted).toBe(false);
    expect(sources[0]!.description).toBe('2 facts · 1 conflict');
    expect(tree.conflicted).toBe(1);
    const disputed = buildFactTree([summary('d', 's', { disputed: true })], []).roots[0] as SourceNode;
    expect(disputed.facts[0]!.conflicted).toBe(true);
  });

  it('names the fact file a workspace source comes from', () => {
    expect(sources[2]!.description).toBe('1 fact · reservoir notes.facts.yaml');
    expect(sources[2]!.tooltip).toContain('reservoir notes.facts.yaml');
    expect(sources[0]!.tooltip).toContain('the bundled fact base');
  });

  it('lists each problem under its file, with the line', () => {
    const file = tree.roots[0] as FileNode;
    expect(file.description).toBe('1 problem');
    expect(childrenOf(tree, file).map((p) => [p.label, p.description])).toEqual([['YAML syntax: unexpected end', 'line 4']]);
    expect(tree.problems).toBe(1);
  });

  it('walks children and parents by key (the view hands back old nodes after a refresh)', () => {
    expect(childrenOf(tree)).toBe(tree.roots);
    const level = sources[0]!.facts[0]!;
    expect(parentOf(tree, level)?.key).toBe('source:bulletin');
    const stale: SourceNode = { ...sources[0]!, facts: [] };
    expect(childrenOf(tree, stale)).toHaveLength(2);
    expect(childrenOf(tree, level)).toEqual([]);
  });

  it('copes with an older server\'s summaries (no origin, figure, aliases or conflicts)', () => {
    const old = summary('old', 'src');
    for (const k of ['figure', 'aliases', 'origin', 'disputed', 'conflicts'] as const) delete old[k];
    const t = buildFactTree([old], []);
    expect((t.roots[0] as SourceNode).facts[0]!.conflicted).toBe(false);
    expect(figureOf({ ...old, statement: '15 years (the US offer)' })).toBe('15 years');
  });
});

describe('the filter', () => {
  const ids = (filter: string) => buildFactTree(facts, files, filter).roots
    .flatMap((n) => (n.kind === 'source' ? n.facts.map((f: FactNode) => f.fact.id) : []));

  it('matches subjects, aliases, statements, quotes and sources, every word, any case', () => {
    expect(ids('orvin river')).toEqual(['inflow']);
    expect(ids('"the orvin"')).toEqual(['inflow']);
    expect(ids('SPRING')).toEqual(['level']);
    expect(ids('wire')).toEqual(['inflow']);
    expect(ids('outflow')).toEqual(['outflow', 'desk-outflow']);
    expect(ids('outflow 15')).toEqual(['desk-outflow']);
    expect(ids('reservoir notes')).toEqual(['desk-outflow']);
  });

  it('ignores accents and typographic quotes; "double quotes" keep a phrase', () => {
    expect(ids('cafe')).toEqual(['desk-outflow']);
    expect(ids('cubic')).toEqual(['outflow', 'inflow', 'desk-outflow']);
    expect(ids('"15 "cubic""')).toEqual([]);
    expect(ids('15 “cubic”')).toEqual(['desk-outflow']);
    expect(filterTerms('"cut to 12" Outflow')).toEqual(['cut to 12', 'outflow']);
    expect(ids('"cut to 12"')).toEqual(['outflow']);
  });

  it('drops sources left without facts, counts what it keeps, and keeps problem files', () => {
    const t = buildFactTree(facts, files, 'spring');
    expect(t.roots.map((n) => n.label)).toEqual(['broken.facts.yaml', 'bulletin title']);
    expect((t.roots[1] as SourceNode).description).toBe('1 of 2 facts');
    expect([t.shown, t.total]).toEqual([1, 4]);
    expect(treeMessage(t, ' spring ', true)).toBe('Filter “spring”: 1 of 4 facts.');
    expect(buildFactTree(facts, files, 'nothing matches this').shown).toBe(0);
  });

  it('is off for a blank filter', () => {
    expect(filterTerms('   ')).toEqual([]);
    expect(buildFactTree(facts, files, '  ').shown).toBe(4);
    expect(treeMessage(buildFactTree(facts, files), undefined, true)).toBeUndefined();
    expect(treeMessage(buildFactTree([], []), undefined, true)).toMatch(/No facts in use/);
    expect(treeMessage(buildFactTree(facts, files), undefined, false)).toMatch(/not running/);
  });
});

describe('figureInsertion', () => {
  it('adds a space only where the figure would run into a word', () => {
    expect(figureInsertion('about 75%', 's', 'o')).toBe(' about 75% ');
    expect(figureInsertion('about 75%', ' ', ' ')).toBe('about 75%');
    expect(figureInsertion('about 75%', '', '')).toBe('about 75%');
    expect(figureInsertion('75%', '(', ')')).toBe('75%');
    expect(figureInsertion('75%', '“', '.')).toBe('75%');
    expect(figureInsertion('75%', 's', '.')).toBe(' 75%');
  });
});

describe('helpers', () => {
  it('names a file by its decoded last segment', () => {
    expect(fileName(FILE)).toBe('reservoir notes.facts.yaml');
    expect(fileName('file:///a/b.facts.json?x#y')).toBe('b.facts.json');
  });
  it('escapes Markdown so titles show as written', () => {
    expect(escapeMarkdown('Officials [Analysis] *now*')).toBe('Officials \\[Analysis\\] \\*now\\*');
  });
});
