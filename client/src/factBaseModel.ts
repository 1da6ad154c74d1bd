// The Fact Base view and Find Fact as plain data: the tree of sources and facts, the filter, and
// the text Find Fact inserts. No `vscode` import, so the unit tests run it under vitest; the
// view (factTree.ts) only turns these nodes into TreeItems.
import type { FactFileSummary, FactSummary } from './protocol';

export const BUNDLED = 'bundled';

export interface SourceNode {
  kind: 'source';
  key: string;
  sourceId: string;
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  facts: FactNode[];
  /** Facts of this source shown / in all (they differ while a filter is on). */
  shown: number;
  total: number;
}

export interface FactNode {
  kind: 'fact';
  key: string;
  /** The source node's key, for TreeDataProvider.getParent (reveal). */
  parent: string;
  fact: FactSummary;
  label: string;
  description: string;
  tooltip: string;
  /** Another article or fact file gives a different value, or the sources dispute it. */
  conflicted: boolean;
}

export interface FileNode {
  kind: 'file';
  key: string;
  uri: string;
  label: string;
  description: string;
  tooltip: string;
  problems: ProblemNode[];
}

export interface ProblemNode {
  kind: 'problem';
  key: string;
  parent: string;
  uri: string;
  label: string;
  description: string;
  range: FactFileSummary['problems'][number]['range'];
}

export type FactTreeNode = FileNode | SourceNode | FactNode | ProblemNode;

export interface FactTree {
  /** Fact files with problems first (they need fixing whatever the filter), then the sources. */
  roots: Array<FileNode | SourceNode>;
  byKey: Map<string, FactTreeNode>;
  total: number;
  shown: number;
  problems: number;
  conflicted: number;
  /** The filter's terms, empty when there is no filter. */
  terms: string[];
}

/** The last path segment of a URI, decoded: "reservoir.facts.yaml". */
export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? uri;
  try { return decodeURIComponent(last); } catch { return last; }
}

/** Case- and accent-insensitive, with typographic quotes and dashes read as plain ones. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201f\u2033]/g, '"').replace(/[\u2010-\u2015]/g, '-');
}

/** Words of a filter; "double quotes" keep a phrase together. Every term must match. */
export function filterTerms(filter: string | undefined): string[] {
  if (!filter) return [];
  const terms: string[] = [];
  for (const m of normalize(filter).matchAll(/"([^"]*)"?|(\S+)/g)) {
    const t = (m[1] ?? m[2] ?? '').trim();
    if (t) terms.push(t);
  }
  return terms;
}

function haystack(f: FactSummary): string {
  const s = f.source;
  return normalize([
    f.id, f.statement, f.figure ?? '', f.subject, f.subjectName, ...(f.aliases ?? []), f.quote,
    s.label, s.title ?? '', s.outlet ?? '', s.author ?? '', s.id, f.origin && f.origin !== BUNDLED ? fileName(f.origin) : '',
  ].join('\n'));
}

export function factMatches(f: FactSummary, terms: readonly string[]): boolean {
  if (!terms.length) return true;
  const text = haystack(f);
  return terms.every((t) => text.includes(t));
}

export const isConflicted = (f: FactSummary): boolean => !!f.disputed || (f.conflicts?.length ?? 0) > 0;

/**
 * Backslash-escapes what Markdown would read as markup inside a line, so quotes and titles show
 * as written. Every line of a tooltip starts with our own text, so list and heading markers at a
 * line's start need no escaping.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~$]/g, '\\$&');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function originText(origin: string | undefined): string {
  return !origin || origin === BUNDLED ? 'the bundled fact base' : fileName(origin);
}

function factTooltip(f: FactSummary): string {
  const lines = [`**${escapeMarkdown(f.statement)}**`, ''];
  if (f.figure) lines.push(`Figure: ${escapeMarkdown(f.figure)}`, '');
  lines.push(`Subject: ${escapeMarkdown(f.subjectName)}${f.aliases?.length ? ` (${f.aliases.map(escapeMarkdown).join(', ')})` : ''}`, '');
  lines.push(`> ${escapeMarkdown(f.quote)}`, '', `— ${escapeMarkdown(f.source.label)}`);
  if (f.disputed) lines.push('', '$(warning) The sources disagree on this matter.');
  for (const c of f.conflicts ?? []) {
    const what = c.kind === 'fact' ? `Another fact file says **${escapeMarkdown(c.text)}**` : `“${escapeMarkdown(c.text)}”`;
    lines.push('', `$(warning) ${what} — ${escapeMarkdown(c.source)}${c.note ? `: ${escapeMarkdown(c.note)}` : ''}`);
  }
  lines.push('', `From ${escapeMarkdown(originText(f.origin))} · \`${f.id}\``);
  return lines.join('\n');
}

function sourceTooltip(f: FactSummary, origins: ReadonlySet<string>): string {
  const s = f.source;
  const meta: Array<[string, string | null]> = [
    ['Outlet', s.outlet], ['Author', s.author], ['Published', s.published], ['File', s.file], ['URL', s.url],
  ];
  return [
    `**${escapeMarkdown(s.label)}**`, '',
    ...meta.filter(([, v]) => v).map(([k, v]) => `${k}: ${escapeMarkdown(v ?? '')}  `),
    `Facts from ${[...origins].map((o) => escapeMarkdown(originText(o))).join(', ')}`,
  ].join('\n');
}

/**
 * Sources in the order their first fact comes in the fact base, each with its facts in fact-base
 * order; with a filter, only the facts that match and the sources that keep any.
 */
export function buildFactTree(facts: readonly FactSummary[], files: readonly FactFileSummary[], filter?: string): FactTree {
  const terms = filterTerms(filter);
  const byKey = new Map<string, FactTreeNode>();
  const sources = new Map<string, { first: FactSummary; facts: FactSummary[]; origins: Set<string> }>();
  for (const f of facts) {
    const group = sources.get(f.source.id) ?? { first: f, facts: [], origins: new Set<string>() };
    group.facts.push(f);
    group.origins.add(f.origin ?? BUNDLED);
    sources.set(f.source.id, group);
  }

  const fileNodes: FileNode[] = [];
  let problems = 0;
  for (const file of [...files].sort((a, b) => a.uri.localeCompare(b.uri))) {
    if (!file.problems.length) continue;
    problems += file.problems.length;
    const key = `file:${file.uri}`;
    const node: FileNode = {
      kind: 'file', key, uri: file.uri, label: fileName(file.uri),
      description: `${plural(file.problems.length, 'problem')}${file.facts ? ` · ${plural(file.facts, 'fact')} in use` : ''}`,
      tooltip: `**${escapeMarkdown(fileName(file.uri))}** has ${plural(file.problems.length, 'problem')}. Facts that were valid before keep being used until the file is fixed.`,
      problems: [],
    };
    node.problems = file.problems.map((p, i): ProblemNode => ({
      kind: 'problem', key: `${key}#${i}`, parent: key, uri: file.uri, label: p.message,
      description: `line ${p.range.start.line + 1}`, range: p.range,
    }));
    fileNodes.push(node);
    byKey.set(key, node);
    for (const p of node.problems) byKey.set(p.key, p);
  }

  const sourceNodes: SourceNode[] = [];
  let shown = 0;
  let conflicted = 0;
  for (const [sourceId, group] of sources) {
    const key = `source:${sourceId}`;
    const matching = group.facts.filter((f) => factMatches(f, terms));
    conflicted += group.facts.filter(isConflicted).length;
    if (!matching.length) continue;
    shown += matching.length;
    const withConflicts = matching.filter(isConflicted).length;
    const workspace = [...group.origins].filter((o) => o !== BUNDLED).map(fileName);
    const count = terms.length ? `${matching.length} of ${plural(group.facts.length, 'fact')}` : plural(group.facts.length, 'fact');
    const node: SourceNode = {
      kind: 'source', key, sourceId, label: group.first.source.label,
      description: [count, withConflicts ? plural(withConflicts, 'conflict') : '', ...workspace].filter(Boolean).join(' · '),
      tooltip: sourceTooltip(group.first, group.origins),
      facts: [], shown: matching.length, total: group.facts.length,
    };
    node.facts = matching.map((f): FactNode => ({
      kind: 'fact', key: `fact:${f.id}`, parent: key, fact: f, label: f.statement,
      description: f.quote, tooltip: factTooltip(f), conflicted: isConflicted(f),
    }));
    sourceNodes.push(node);
    byKey.set(key, node);
    for (const n of node.facts) byKey.set(n.key, n);
  }
  return { roots: [...fileNodes, ...sourceNodes], byKey, total: facts.length, shown, problems, conflicted, terms };
}

export function childrenOf(tree: FactTree, node?: FactTreeNode): FactTreeNode[] {
  if (!node) return tree.roots;
  const current = tree.byKey.get(node.key);
  if (current?.kind === 'source') return current.facts;
  if (current?.kind === 'file') return current.problems;
  return [];
}

export function parentOf(tree: FactTree, node: FactTreeNode): FactTreeNode | undefined {
  return node.kind === 'fact' || node.kind === 'problem' ? tree.byKey.get(node.parent) : undefined;
}

/** The view's message line: what the filter keeps, or why the view is empty. */
export function treeMessage(tree: FactTree, filter: string | undefined, running: boolean): string | undefined {
  if (!running) return 'The Fact Desk checker is not running.';
  if (tree.terms.length) return `Filter “${filter?.trim()}”: ${tree.shown} of ${plural(tree.total, 'fact')}.`;
  if (!tree.total) return 'No facts in use. Add a *.facts.yaml file, or turn on factdesk.useBundledFacts.';
  return undefined;
}

/**
 * The text Find Fact puts in place of the selection: the figure, with a space where it would
 * otherwise run into the word before or after it ("holds|of" -> "holds about 75% of").
 */
export function figureInsertion(figure: string, before: string, after: string): string {
  const glueBefore = before !== '' && !/[\s([{"“‘'\u2014\u2013/-]$/u.test(before);
  const glueAfter = /^[\p{L}\p{N}]/u.test(after);
  return `${glueBefore ? ' ' : ''}${figure}${glueAfter ? ' ' : ''}`;
}

/** The figure to insert for a fact: the server's, or (older servers) the statement up to its parenthesis. */
export function figureOf(f: FactSummary): string {
  return f.figure?.trim() || f.statement.replace(/\s*\(.*$/s, '').trim() || f.statement;
}
