import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { everyErrorValidator, firstErrorValidator, type SchemaValidator } from '../../server/src/core/facts/validators';
// @ts-expect-error: a plain .mjs build script without type declarations
import { UCS2LENGTH, validatorsModule } from '../../scripts/ahead-of-time.mjs';
import fc from 'fast-check';
import ajvUcs2length from 'ajv/dist/runtime/ucs2length';

const root = resolve(__dirname, '../..');
const schema: unknown = JSON.parse(readFileSync(join(root, 'server/facts/factdesk.schema.json'), 'utf8'));
const bundledYaml = readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8');

type Generated = { firstErrorValidator: () => SchemaValidator; everyErrorValidator: () => SchemaValidator };
let generatedDir: string | undefined;
let loaded: Promise<Generated> | undefined;

/** The validators the bundles get, loaded from the generated module (written once, removed after). */
function generated(): Promise<Generated> {
  if (!loaded) {
    generatedDir = mkdtempSync(join(tmpdir(), 'factdesk-aot-'));
    const file = join(generatedDir, 'validators.mjs');
    writeFileSync(file, (validatorsModule as (s: unknown) => string)(schema));
    loaded = import(pathToFileURL(file).href) as Promise<Generated>;
  }
  return loaded;
}
afterAll(() => { if (generatedDir) rmSync(generatedDir, { recursive: true, force: true }); });

const valid = (): Record<string, unknown> => parse(bundledYaml) as Record<string, unknown>;
const facts = (d: Record<string, unknown>) => d.facts as Array<Record<string, unknown>>;
const broken: Array<[string, (d: Record<string, unknown>) => unknown]> = [
  ['valid as shipped', (d) => d],
  ['an unknown property', (d) => { facts(d)[0]!.colour = 'red'; return d; }],
  ['a value of the wrong type', (d) => { facts(d)[1]!.value = { n: 1 }; return d; }],
  ['a missing quote', (d) => { delete facts(d)[2]!.quote; return d; }],
  ['a wrong version', (d) => { d.version = 2; return d; }],
  ['several problems at once', (d) => { facts(d)[0]!.statement = 7; facts(d)[3]!.qualifier = 'roughly'; d.extra = []; return d; }],
  // Lengths are code points: 500 emoji are 1,000 UTF-16 units and within the statement's 500.
  ['a statement of 500 emoji', (d) => { facts(d)[0]!.statement = '😀'.repeat(500); return d; }],
  ['a statement of 501 emoji', (d) => { facts(d)[0]!.statement = '😀'.repeat(501); return d; }],
  ['a statement of 499 emoji and two lone surrogates', (d) => { facts(d)[0]!.statement = `\ud800${'😀'.repeat(499)}\udc00`; return d; }],
  ['not an object', () => ['facts']],
  ['null', () => null],
];

describe('validators compiled at build time', () => {
  it.each(broken)('judge a file like the ones compiled at run time: %s', async (_, make) => {
    const aot = await generated();
    const first = firstErrorValidator(), every = everyErrorValidator();
    const fa = aot.firstErrorValidator(), ea = aot.everyErrorValidator();
    expect(fa(make(valid()))).toBe(first(make(valid())));
    expect(ea(make(valid()))).toBe(every(make(valid())));
    expect(ea.errors ?? null).toEqual(every.errors ?? null);
  });

  it('read the bundled base from its JSON form as from its YAML', () => {
    const fromYaml = parseFactBase(parse(bundledYaml));
    const fromJson = parseFactBase(JSON.parse(JSON.stringify(parse(bundledYaml))));
    expect(fromJson.problems).toEqual([]);
    expect(fromJson).toEqual(fromYaml);
  });
});

describe('the string length the generated validators count', () => {
  // The helper is source text the build inlines: evaluated here as the bundles do.
  const ucs2length = (0, eval)(UCS2LENGTH as string) as (s: string) => number;
  it("is Ajv's own count, lone surrogates and all", () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }),
      fc.array(fc.constantFrom('a', '😀', '\ud800', '\udc00', '\udbff', '\udfff', 'Київ', '\ud800\ud800\udc00'), { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(fc.property(text, (t) => { expect(ucs2length(t)).toBe(ajvUcs2length(t)); }), { numRuns: 5000 });
    for (const t of ['', 'a😀b', '\udc00\ud800', '\ud800', '😀'.repeat(3)]) expect(ucs2length(t)).toBe(ajvUcs2length(t));
  });
});
