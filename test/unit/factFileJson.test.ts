// JSON fact files are decoded by JSON.parse, not the YAML library: the data, the problems and
// where they are reported must be what the YAML path gives, and anything JSON.parse would take
// silently (a repeated key) or the YAML path refuses (deep nesting) must still go the YAML way.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  jsonShape, MAX_FACT_FILE_BYTES, MAX_NESTING, parseFactFile, readFactFile,
} from '../../server/src/workspace/factFile';

const root = resolve(__dirname, '../..');
const bundled = parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')) as { facts: Array<Record<string, unknown>> };
const none = { sources: new Map(), entities: new Map() };
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

/** Object members in decoded JSON, counted the plain recursive way. */
function members(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + members(x), 0);
  return Object.entries(v).reduce((n, [, x]) => n + 1 + members(x), 0);
}
function depth(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  const kids = Array.isArray(v) ? v : Object.values(v);
  return 1 + kids.reduce((m: number, x) => Math.max(m, depth(x)), 0);
}

describe('JSON fact files', () => {
  const text = JSON.stringify(bundled, null, 2);

  it('decode to the data the YAML library gives for the same text', () => {
    const read = readFactFile(text);
    expect(read.syntax).toEqual([]);
    expect(read.data).toEqual(parse(text));
    const { base, problems } = parseFactFile(read, none);
    expect(problems).toEqual([]);
    expect(base?.facts.length).toBe(bundled.facts.length);
  });

  it('report a schema problem on its own line', () => {
    const broken = text.replace('"statement":', '"statment": "x",\n      "statement":');
    const { base, problems } = parseFactFile(readFactFile(broken), none);
    expect(base).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.start.line).toBe(lineOf(broken, '"statment"'));
  });

  it('report a repeated key at the repeat, which JSON.parse alone would take silently', () => {
    const at = lineOf(text, '"value":');
    const lines = text.split('\n');
    const twice = [...lines.slice(0, at + 1), lines[at]!, ...lines.slice(at + 1)].join('\n');
    expect(() => JSON.parse(twice) as unknown).not.toThrow();
    const read = readFactFile(twice);
    expect(read.data).toBeNull();
    expect(read.syntax).toHaveLength(1);
    expect(read.syntax[0]!.start.line).toBe(at + 1);
  });

  it('find a repeated key also where colons have spaces before them', () => {
    const spaced = text.replace(/": /g, '" : ');
    expect(parseFactFile(readFactFile(spaced), none).problems).toEqual([]);
    const at = lineOf(spaced, '"value" :');
    const lines = spaced.split('\n');
    const twice = [...lines.slice(0, at + 1), lines[at]!, ...lines.slice(at + 1)].join('\n');
    expect(readFactFile(twice).syntax.map((p) => p.start.line)).toEqual([at + 1]);
  });

  it('refuse nesting past the limit as the YAML path does, at the first place too deep', () => {
    const deep = `{"a": ${'['.repeat(MAX_NESTING + 1)}1${']'.repeat(MAX_NESTING + 1)}}`;
    const read = readFactFile(deep);
    expect(read.syntax.map((p) => p.kind)).toEqual(['limit']);
  });

  it('over the YAML size limit still load when they are JSON, and say why when they are not', () => {
    const facts = Array.from({ length: Math.ceil((MAX_FACT_FILE_BYTES * 1.2) / 300) }, (_, i) => ({
      ...bundled.facts[0], id: `bulk-${i}`,
    }));
    const big = JSON.stringify({ ...bundled, facts: [...bundled.facts, ...facts] });
    expect(big.length).toBeGreaterThan(MAX_FACT_FILE_BYTES);
    const { base, problems } = parseFactFile(readFactFile(big), none);
    expect(problems).toEqual([]);
    expect(base?.facts.length).toBe(bundled.facts.length + facts.length);

    const cut = readFactFile(big.slice(0, -2));
    expect(cut.syntax.map((p) => p.kind)).toEqual(['limit']);
    expect(cut.syntax[0]!.message).toMatch(/YAML fact files over 4\.0 MB.*not valid JSON/);
  });
});

describe('jsonShape', () => {
  it('counts the members and depth of any JSON, however it is spaced and escaped', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, 2, '\t', '\r\n '), (v, space) => {
      let s = JSON.stringify(v, null, space as string | number | undefined);
      if (typeof space === 'string' && space.includes('\r')) s = s.replace(/\n/g, '\r\n');
      expect(jsonShape(s)).toEqual({ keys: members(v), maxDepth: depth(v) });
    }), { numRuns: 2000 });
  });

  it('reads quotes, backslashes and colons inside strings as text', () => {
    expect(jsonShape(String.raw`{"a\"b:": "c\\", "d": ["\\\":", {"e\\": 1}]}`)).toEqual({ keys: 3, maxDepth: 3 });
    expect(jsonShape('{":":[], ":x": ":"}')).toEqual({ keys: 2, maxDepth: 2 });
  });
});
