// Malformed fact files through the real server: a generated corpus of broken *.facts.yaml and
// *.facts.json files (truncations of a valid file at many cut points, wrong types, duplicate ids
// and keys, missing sources, absurd values, a 10 MB file, alias bombs, 10,000 levels of nesting,
// seeded random edits) is dropped one file at a time into a temporary workspace folder, on disk or
// as an open editor buffer. Each broken file must get a diagnostic in that file, inside the text
// (at the line of the mistake where it has one), the server must stay up, and the workspace's valid
// fact file and the bundled base must still flag the draft.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { FULL_CAPABILITIES, LspClient } from '../lsp/client';
import { lineStarts, report, scaled, SEED } from './common';

// ---- the workspace's valid fact file and the draft it flags ---------------------------------

const ORVIN = `version: 1
sources:
  - id: orvin-water-board
    title: Orvin Water Board weekly reservoir bulletin
entities:
  - id: lake-orvin
    name: Lake Orvin reservoir
    aliases: [Lake Orvin]
facts:
  - id: lake-orvin-level
    kind: percent
    value: 62
    statement: Lake Orvin was 62% full
    subject: lake-orvin
    quote:
      source: orvin-water-board
      text: Lake Orvin is currently 62% full after the spring rains.
`;
// One figure wrong against the workspace file (62%), one against the bundled base (about 75%).
const DRAFT = "Lake Orvin stood at 48% of capacity on Monday, the water board said.\n\nRussia's army now occupies about 85% of Donetsk, a senior official said.\n";

// ---- the template every broken file is made from (another made-up reservoir) ----------------

const BRENN = `version: 1
sources:
  - id: brenn-council
    title: Brenn County Council water report
    outlet: Brenn County Council
    published: "2026-03-02"
  - id: brenn-gazette
    title: Brenn Gazette
entities:
  - id: lake-brenn
    name: Lake Brenn reservoir
    aliases: [Lake Brenn, the Brenn reservoir]
facts:
  - id: brenn-level
    kind: percent
    value: 41
    statement: Lake Brenn was 41% full
    subject: lake-brenn
    quote:
      source: brenn-council
      text: "Lake Brenn is at 41% of capacity."
    alsoIn:
      - source: brenn-gazette
        text: "The Brenn reservoir is 41% full."
  - id: brenn-dam-year
    kind: year
    value: 1962
    statement: the Brenn dam was completed in 1962
    subject: lake-brenn
    context: [[dam, barrage]]
    quote:
      source: brenn-council
      text: "The dam was completed in 1962."
  - id: brenn-pumps
    value: 14
    unit: pump
    statement: 14 pumps serve Lake Brenn
    subject: lake-brenn
    quote:
      source: brenn-gazette
      text: "Fourteen pumps, 14 in all, serve the lake."
`;
const BRENN_LINES = BRENN.split('\n');
const BRENN_DATA = parseYaml(BRENN) as Record<string, unknown>;
const BRENN_JSON = JSON.stringify(BRENN_DATA, null, 2);

interface Case {
  name: string;
  ext: 'yaml' | 'json';
  text: string;
  /** 'broken': a diagnostic is required; 'oracle': required unless YAML/JSON + the schema accept it. */
  expect: 'broken' | 'oracle';
  /** Zero-based line of the mistake, when it has one place. */
  line?: number;
  /** Sent as an open editor buffer rather than written to disk. */
  buffer?: boolean;
}

/** Index of the first template line containing `needle` (after line `from`). */
function lineOf(needle: string, from = 0): number {
  const i = BRENN_LINES.findIndex((l, n) => n >= from && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in the template`);
  return i;
}
/** The template with line `n` replaced by `lines` (one or more). */
function withLine(n: number, ...lines: string[]): string {
  return [...BRENN_LINES.slice(0, n), ...lines, ...BRENN_LINES.slice(n + 1)].join('\n');
}
const replaced = (name: string, needle: string, by: string, from = 0): Case => {
  const n = lineOf(needle, from);
  return { name, ext: 'yaml', text: withLine(n, BRENN_LINES[n]!.replace(needle, by)), expect: 'broken', line: n };
};

/** Small seeded PRNG (mulberry32), so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(): Case[] {
  const cases: Case[] = [];
  const rand = rng(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  // Truncations: evenly spaced cut points plus seeded ones. Every strict prefix of a JSON object
  // is unfinished; a YAML prefix may happen to be a valid (smaller) fact file, hence the oracle.
  const cuts = (len: number, n: number) => {
    const out = new Set<number>();
    for (let i = 1; i <= n; i++) out.add(Math.floor((i * (len - 1)) / (n + 1)) + 1);
    for (let i = 0; i < n; i++) out.add(1 + Math.floor(rand() * (len - 1)));
    return [...out].sort((a, b) => a - b);
  };
  for (const at of cuts(BRENN.length, scaled(12))) cases.push({ name: `yaml cut at ${at}`, ext: 'yaml', text: BRENN.slice(0, at), expect: 'oracle' });
  for (const at of cuts(BRENN_JSON.length, scaled(8))) cases.push({ name: `json cut at ${at}`, ext: 'json', text: BRENN_JSON.slice(0, at), expect: 'broken' });

  // Wrong types, each at the line of the field.
  cases.push(
    replaced('value is a word', 'value: 41', 'value: forty-one'),
    replaced('value is a boolean', 'value: 41', 'value: true'),
    replaced('value is a map', 'value: 1962', 'value: {year: 1962}'),
    replaced('fact id is a number', '- id: brenn-level', '- id: 12'),
    replaced('fact id has capitals and spaces', '- id: brenn-pumps', '- id: Brenn Pumps'),
    replaced('aliases is a string', 'aliases: [Lake Brenn, the Brenn reservoir]', 'aliases: Lake Brenn'),
    replaced('aliases is empty', 'aliases: [Lake Brenn, the Brenn reservoir]', 'aliases: []'),
    replaced('version is a string', 'version: 1', 'version: "1"'),
    replaced('version 2', 'version: 1', 'version: 2'),
    replaced('kind is a list', 'kind: percent', 'kind: [percent]'),
    replaced('kind unknown', 'kind: year', 'kind: century'),
    replaced('statement is a map', 'statement: 14 pumps serve Lake Brenn', 'statement: {a: 1}'),
    replaced('context is a string', 'context: [[dam, barrage]]', 'context: dam'),
    replaced('published is not a date', 'published: "2026-03-02"', 'published: last spring'),
    replaced('unknown property', 'unit: pump', 'units: pump'),
  );
  {
    const q = lineOf('quote:', lineOf('- id: brenn-level'));
    cases.push({ name: 'quote is a string', ext: 'yaml', text: [...BRENN_LINES.slice(0, q), '    quote: "Lake Brenn is at 41%"', ...BRENN_LINES.slice(q + 3)].join('\n'), expect: 'broken', line: q });
  }
  cases.push({ name: 'facts is a string', ext: 'yaml', text: BRENN.replace(/facts:\n[\s\S]*$/, 'facts: none\n'), expect: 'broken', line: lineOf('facts:') });
  cases.push({ name: 'sources is a map', ext: 'yaml', text: BRENN.replace(/sources:\n[\s\S]*?entities:/, 'sources: {a: 1}\nentities:'), expect: 'broken', line: lineOf('sources:') });
  for (const whole of ['null', '42', 'hello', '[]', '- a\n- b', '"just a string"', 'true', '{}']) {
    cases.push({ name: `whole file ${JSON.stringify(whole)}`, ext: 'yaml', text: `${whole}\n`, expect: 'broken', line: 0 });
    cases.push({ name: `whole json ${JSON.stringify(whole)}`, ext: 'json', text: `${whole}\n`, expect: 'broken', line: 0 });
  }

  // Duplicate ids (the second occurrence is the one flagged) and duplicate keys.
  cases.push(
    replaced('duplicate fact id', '- id: brenn-dam-year', '- id: brenn-level'),
    replaced('duplicate source id', '- id: brenn-gazette', '- id: brenn-council'),
  );
  {
    const n = lineOf('source: brenn-gazette', lineOf('- id: brenn-pumps'));
    cases.push({ name: 'duplicate entity id', ext: 'yaml', text: BRENN.replace('facts:\n', '  - id: lake-brenn\n    name: Again\n    aliases: [Brenn]\nfacts:\n'), expect: 'broken', line: lineOf('facts:') });
    cases.push({ name: 'duplicate YAML key in a fact', ext: 'yaml', text: withLine(lineOf('value: 41'), '    value: 41', '    value: 44'), expect: 'broken', line: lineOf('value: 41') + 1 });
    cases.push({ name: 'duplicate YAML key in a quote', ext: 'yaml', text: withLine(n, BRENN_LINES[n]!, '      source: brenn-council'), expect: 'broken', line: n + 1 });
    cases.push({ name: 'duplicate top-level key', ext: 'yaml', text: `${BRENN}version: 1\n`, expect: 'broken', line: BRENN_LINES.length - 1 });
    const json = BRENN_JSON.split('\n');
    const v = json.findIndex((l) => l.includes('"value": 41'));
    cases.push({ name: 'duplicate JSON key', ext: 'json', text: [...json.slice(0, v + 1), '      "value": 44,', ...json.slice(v + 1)].join('\n'), expect: 'broken', line: v + 1 });
    const top = json.findIndex((l) => l.includes('"version"'));
    cases.push({ name: 'duplicate JSON top-level key', ext: 'json', text: [...json.slice(0, top + 1), '  "version": 1,', ...json.slice(top + 1)].join('\n'), expect: 'broken', line: top + 1 });
  }

  // Missing sources and subjects.
  cases.push(
    replaced('quote cites a missing source', 'source: brenn-council', 'source: no-such-council', lineOf('- id: brenn-level')),
    replaced('alsoIn cites a missing source', 'source: brenn-gazette', 'source: brenn-herald', lineOf('alsoIn:')),
    replaced('unknown subject', 'subject: lake-brenn', 'subject: lake-nowhere', lineOf('- id: brenn-pumps')),
    replaced('quote without source', 'source: brenn-council', 'sauce: brenn-council', lineOf('- id: brenn-dam-year')),
  );
  cases.push({ name: 'no sources list', ext: 'yaml', text: BRENN.replace(/sources:\n[\s\S]*?entities:/, 'entities:'), expect: 'broken', line: 0 });

  // Absurd values.
  for (const [name, v] of [['NaN', '.nan'], ['NaN string', '"NaN"'], ['+infinity', '.inf'], ['1e309', '1e309'], ['-1e309', '-1e309'],
    ['negative percent', '-5'], ['percent of a million', '1e6'], ['hex', '0xFFFFFFFFFFFFFFFFFFFF'], ['empty', '""'], ['null', 'null']] as const) {
    cases.push(replaced(`percent value ${name}`, 'value: 41', `value: ${v}`));
  }
  cases.push(
    { name: 'negative ordinal', ext: 'yaml', text: BRENN.replace('kind: year\n    value: 1962', 'kind: ordinal\n    value: -3'), expect: 'broken', line: lineOf('value: 1962') },
    replaced('date that does not exist', 'value: 1962', 'value: "2026-02-30"'),
    replaced('year 1e309', 'value: 1962', 'value: 1e309'),
    replaced('range upside down', 'value: 14', 'value: [9, 1]'),
    replaced('set of 60 numbers', 'value: 14', `value: [${Array.from({ length: 60 }, (_, i) => i).join(', ')}]`),
    replaced('statement of 1 MB', 'statement: 14 pumps serve Lake Brenn', `statement: "${'x'.repeat(1_000_000)}"`),
    replaced('id of 100,000 characters', '- id: brenn-pumps', `- id: ${'a'.repeat(100_000)}`),
    replaced('quote of 20,000 characters', 'text: "Lake Brenn is at 41% of capacity."', `text: "${'Lake Brenn '.repeat(2_000)}"`),
  );

  // Size: a 10 MB file, on disk and as an open buffer; refused without parsing, on its first line.
  const entry = (i: number) => `  - id: brenn-bulk-${i}\n    value: ${i}\n    statement: bulk entry ${i}\n    subject: lake-brenn\n    quote: {source: brenn-council, text: "bulk entry number ${i}"}\n`;
  const bulk: string[] = [BRENN];
  let size = BRENN.length;
  for (let i = 0; size < 10 * 1024 * 1024; i++) { const e = entry(i); bulk.push(e); size += e.length; }
  const tenMB = bulk.join('');
  cases.push({ name: '10 MB fact file on disk', ext: 'yaml', text: tenMB, expect: 'broken', line: 0 });
  cases.push({ name: '10 MB fact file as a buffer', ext: 'yaml', text: tenMB, expect: 'broken', line: 0, buffer: true });

  // Alias bombs ("billion laughs": 9^9 copies) and a deep alias chain inside a valid key.
  const bomb = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= 9; i++) bomb.push(`lol${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  cases.push({ name: 'billion laughs', ext: 'yaml', text: `${bomb.join('\n')}\n`, expect: 'broken', line: 1 });
  {
    const n = lineOf('context: [[dam, barrage]]');
    const anchors = ['    context: &c0 [[dam, barrage, weir, sluice, spillway, levee, embankment, dyke, lock, gate]]'];
    const chain = [...BRENN_LINES.slice(0, n), ...anchors, ...BRENN_LINES.slice(n + 1)];
    const p = chain.findIndex((l) => l.includes('unit: pump'));
    const refs = Array.from({ length: 8 }, (_, i) => `      - &c${i + 1} [${Array(10).fill(`*c${i}`).join(', ')}]`);
    cases.push({ name: 'alias chain in context', ext: 'yaml', text: [...chain.slice(0, p + 1), '    occasionCues:', ...refs, ...chain.slice(p + 1)].join('\n'), expect: 'broken', line: p + 2 });
  }

  // Deep nesting: 10,000 levels, in every notation the parser accepts.
  const deep = 10_000;
  cases.push(
    { name: '10,000 [', ext: 'yaml', text: '['.repeat(deep), expect: 'broken', line: 0 },
    { name: '10,000 [ closed', ext: 'json', text: '['.repeat(deep) + ']'.repeat(deep), expect: 'broken', line: 0 },
    { name: '10,000 {a:', ext: 'yaml', text: `${'{a: '.repeat(deep)}1${'}'.repeat(deep)}`, expect: 'broken', line: 0 },
    { name: '10,000 {"a":', ext: 'json', text: `${'{"a": '.repeat(deep)}1${'}'.repeat(deep)}`, expect: 'broken', line: 0 },
    { name: '10,000 "- "', ext: 'yaml', text: `${'- '.repeat(deep)}x\n`, expect: 'broken', line: 0 },
    { name: '1,000 indented block maps', ext: 'yaml', text: `${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`, expect: 'broken', line: 64 },
    { name: '10,000 [ in a fact value', ext: 'yaml', text: withLine(lineOf('value: 14'), `    value: ${'['.repeat(deep)}14${']'.repeat(deep)}`), expect: 'broken', line: lineOf('value: 14') },
    { name: '10,000 [ in a JSON fact value', ext: 'json', text: BRENN_JSON.replace('"value": 14', `"value": ${'['.repeat(deep)}14${']'.repeat(deep)}`), expect: 'broken', line: BRENN_JSON.split('\n').findIndex((l) => l.includes('"value": 14')) },
  );

  // Line ends, encodings, documents and tags.
  const typo = (t: string) => t.replace('value: 41', 'value: forty-one');
  cases.push(
    { name: 'CRLF line ends', ext: 'yaml', text: typo(BRENN).replace(/\n/g, '\r\n'), expect: 'broken', line: lineOf('value: 41') },
    { name: 'CR-only line ends', ext: 'yaml', text: typo(BRENN).replace(/\n/g, '\r'), expect: 'broken', line: lineOf('value: 41') },
    { name: 'BOM and a typo', ext: 'yaml', text: `\ufeff${typo(BRENN)}`, expect: 'broken', line: lineOf('value: 41') },
    { name: 'a second document', ext: 'yaml', text: `${BRENN}---\n${BRENN}`, expect: 'broken', line: BRENN_LINES.length - 1 },
    { name: 'NUL bytes', ext: 'yaml', text: BRENN.replace('Lake Brenn reservoir', 'Lake\u0000Brenn\u0000'), expect: 'oracle' },
    { name: 'tab indentation', ext: 'yaml', text: BRENN.replace('    value: 41', '\tvalue: 41'), expect: 'broken', line: lineOf('value: 41') },
    { name: 'js/function tag', ext: 'yaml', text: withLine(lineOf('value: 41'), '    value: !!js/function "function () { return 41 }"'), expect: 'broken', line: lineOf('value: 41') },
    { name: '!include tag', ext: 'yaml', text: withLine(lineOf('value: 41'), `    value: !include ${resolve('/etc/passwd')}`), expect: 'broken', line: lineOf('value: 41') },
    { name: 'merge key', ext: 'yaml', text: BRENN.replace('  - id: brenn-pumps\n', '  - <<: {id: x}\n    id: brenn-pumps\n'), expect: 'oracle' },
  );

  // Seeded random edits of the template: punctuation inserted, spans deleted, lines swapped or doubled.
  const marks = [':', '[', ']', '{', '}', '-', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', ',', '\n', ' ', '  ', '\t', '? ', '\\'];
  for (let i = 0; i < scaled(15); i++) {
    const json = rand() < 0.3;
    let text = json ? BRENN_JSON : BRENN;
    for (let k = 0, n = 1 + Math.floor(rand() * 3); k < n; k++) {
      const at = Math.floor(rand() * text.length);
      const op = pick(['insert', 'delete', 'swap', 'double'] as const);
      if (op === 'insert') text = text.slice(0, at) + pick(marks) + text.slice(at);
      else if (op === 'delete') text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 12));
      else {
        const ls = text.split('\n');
        const a = Math.floor(rand() * ls.length);
        const b = Math.floor(rand() * ls.length);
        if (op === 'swap') [ls[a], ls[b]] = [ls[b]!, ls[a]!]; else ls.splice(a, 0, ls[a]!);
        text = ls.join('\n');
      }
    }
    cases.push({ name: `random edit ${i}`, ext: json ? 'json' : 'yaml', text, expect: 'oracle' });
  }

  // Every fifth small case goes in as an open editor buffer, as typing in a fact file does.
  return cases.map((c, i) => (c.buffer === undefined && i % 5 === 4 && c.text.length < 1_000_000 ? { ...c, buffer: true } : c));
}

// ---- oracle: an independent verdict on whether a file may be silent ----------------------------

const schema = JSON.parse(readFileSync(resolve(__dirname, '../../server/facts/factdesk.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: false, strict: false }).compile(schema);
/** True when a plain YAML parse and the schema both accept the text (the server may then be silent). */
function acceptable(text: string): boolean {
  try {
    const data: unknown = parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 });
    return data !== null && ajv(data) === true;
  } catch {
    return false;
  }
}

// ---- the run ---------------------------------------------------------------------------------

let dir: string;
let client: LspClient;
const draftUri = () => pathToFileURL(join(dir, 'draft.md')).href;
let draftVersion = 1;
const wrong = (ds: Diagnostic[]) => ds.filter((d) => String(d.code ?? '').startsWith('wrong-'));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-fuzz-facts-'));
  writeFileSync(join(dir, 'reservoir.facts.yaml'), ORVIN);
  client = new LspClient();
  const caps = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } };
  await client.initialize(caps, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
  client.open(draftUri(), DRAFT);
}, 30_000);
afterAll(async () => {
  await client?.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

/** Asserts a diagnostic's range lies inside the text, with LSP's line model. */
function assertInside(text: string, starts: readonly number[], d: Diagnostic, what: string): void {
  const lineLength = (n: number) => {
    const end = n + 1 < starts.length ? starts[n + 1]! : text.length;
    let e = end;
    while (e > starts[n]! && (text[e - 1] === '\n' || text[e - 1] === '\r') && n + 1 < starts.length) e--;
    return e - starts[n]!;
  };
  for (const p of [d.range.start, d.range.end]) {
    expect(p.line, `${what}: line ${p.line} of ${starts.length}`).toBeGreaterThanOrEqual(0);
    expect(p.line, `${what}: line ${p.line} of ${starts.length}`).toBeLessThan(starts.length);
    const line = text.slice(starts[p.line], starts[p.line]! + lineLength(p.line));
    expect(p.character, `${what}: character ${p.character} on line ${p.line} of length ${lineLength(p.line)} ${JSON.stringify(line)} (${String(d.message).slice(0, 100)})`)
      .toBeLessThanOrEqual(lineLength(p.line));
  }
  const before = d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character);
  expect(before, `${what}: range ends before it starts`).toBe(true);
}

describe('malformed fact files through the server', () => {
  it('each broken file gets a diagnostic in the file, at its line; the server stays up; drafts are still checked', async () => {
    const cases = corpus();
    const counts = { files: 0, onDisk: 0, asBuffer: 0, diagnostics: 0, broken: 0, silentButValid: 0, linesChecked: 0, draftChecks: 0, crashes: 0, hangs: 0, reloadErrors: 0 };
    const t0 = performance.now();
    let slowest = { name: '', ms: 0 };
    // Every case runs and every failure is listed, so one run shows all that is wrong.
    const failures: string[] = [];
    try {
      for (const [i, c] of cases.entries()) {
        if (client.exit) { counts.crashes++; break; }
        const path = join(dir, `case-${i}.facts.${c.ext}`);
        const uri = pathToFileURL(path).href;
        const started = performance.now();
        const seen = client.publications(uri).length;
        if (c.buffer) {
          client.open(uri, c.text, c.ext, 1);
          counts.asBuffer++;
        } else {
          writeFileSync(path, c.text);
          client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
          counts.onDisk++;
        }
        let ds: Diagnostic[];
        try {
          ds = await client.until(`diagnostics for ${c.name}`, () => client.publications(uri).slice(seen).at(-1)?.diagnostics, 20_000);
        } catch (e) {
          if (client.exit) counts.crashes++; else counts.hangs++;
          failures.push(`${c.name}: ${String(e).split('\n')[0]}`);
          break;
        }
        counts.files++;
        try {
        counts.diagnostics += ds.length;
        const mustReport = c.expect === 'broken' || !acceptable(c.text);
        if (mustReport) {
          counts.broken++;
          expect(ds.length, `${c.name}: no diagnostic for a broken file:\n${c.text.slice(0, 400)}`).toBeGreaterThan(0);
        } else if (!ds.length) counts.silentButValid++;
        const starts = lineStarts(c.text);
        for (const d of ds) {
          assertInside(c.text, starts, d, c.name);
          expect(d.source).toBe('Fact Desk');
          expect(String(d.code)).toMatch(/^fact-file-/);
        }
        if (c.line !== undefined) {
          counts.linesChecked++;
          expect(ds.map((d) => d.range.start.line), `${c.name}: expected a diagnostic on line ${c.line}: ${JSON.stringify(ds.map((d) => [d.range.start.line, String(d.message).slice(0, 120)]))}`).toContain(c.line);
        }
        // The valid workspace file and the bundled base still flag the draft, with this file present.
        draftVersion++;
        client.change(draftUri(), draftVersion, [{ text: DRAFT }]);
        const draft = await client.diagnostics(draftUri(), draftVersion);
        expect(wrong(draft).map((d) => d.range.start.line), `${c.name}: the draft lost a flag`).toEqual([0, 2]);
        counts.draftChecks++;
        } catch (e) {
          const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
          failures.push(message.startsWith(c.name) ? message : `${c.name}: ${message}`);
        }
        // Remove it again, and wait until the server has dropped it.
        const before = client.publications(uri).length;
        if (c.buffer) client.notify('textDocument/didClose', { textDocument: { uri } });
        else { unlinkSync(path); client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] }); }
        await client.until(`${c.name} dropped`, () => client.publications(uri).length > before && client.publications(uri).at(-1)!.diagnostics.length === 0);
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { name: c.name, ms };
      }
    } finally {
      counts.reloadErrors = client.logs.filter((l) => /^\[(uncaught|unhandled rejection)\]/.test(l)
        || (l.startsWith('[fact files]') && !l.includes('facts in use') && !l.includes('not reading'))).length;
      report('malformed fact files', { ...counts, failures: failures.length, slowestCase: `"${slowest.name}" ${Math.round(slowest.ms)}ms`, totalMs: Math.round(performance.now() - t0) });
    }
    expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
    expect(counts.files).toBeGreaterThanOrEqual(100);
    expect(counts.reloadErrors, client.logs.filter((l) => l.startsWith('[')).slice(-5).join('\n')).toBe(0);
    expect(client.exit).toBeNull();
  }, 300_000);
});
