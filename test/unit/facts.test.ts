import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { verifyQuotes } from '../../server/src/core/facts/verify';

const root = resolve(__dirname, '../..');
const raw = parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')) as unknown;
// The articles are not copied into the repo; they sit beside it (../shared/seeds) on developer
// machines and in CI. FACTDESK_SEEDS points elsewhere when needed.
const seeds = process.env.FACTDESK_SEEDS ?? resolve(root, '../shared/seeds');

describe('bundled fact base', () => {
  const { base, problems } = parseFactBase(raw);

  it('validates against the schema with no problems', () => {
    expect(problems).toEqual([]);
  });

  it('has the curated facts with unique ids', () => {
    expect(base.facts.length).toBeGreaterThanOrEqual(35);
    expect(new Set(base.facts.map((f) => f.id)).size).toBe(base.facts.length);
  });

  it('names every source by its article file', () => {
    for (const s of base.sources.values()) expect(s.file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
  });

  it('quotes every article verbatim', () => {
    if (!existsSync(seeds)) {
      if (process.env.CI) throw new Error(`source articles not found at ${seeds}`);
      console.warn(`skipping quote check: no articles at ${seeds} (set FACTDESK_SEEDS)`);
      return;
    }
    const missing = verifyQuotes(base, (file) => (existsSync(join(seeds, file)) ? readFileSync(join(seeds, file), 'utf8') : null));
    expect(missing).toEqual([]);
  });

  it('notices a quote that is not in its article', () => {
    const problems = verifyQuotes(base, () => 'an article that says nothing of the kind');
    expect(problems.length).toBeGreaterThanOrEqual(base.facts.length);
    expect(problems[0]).toContain('quote not found verbatim');
  });

  it('every subject and party resolves to an entity with aliases', () => {
    for (const f of base.facts) {
      expect(base.entities.get(f.subject)?.aliases.length).toBeGreaterThan(0);
      if (f.party) expect(base.entities.has(f.party)).toBe(true);
    }
  });
});

describe('fact file problems', () => {
  const good = raw as { version: 1; sources: unknown[]; entities: unknown[]; facts: Array<Record<string, unknown>> };
  const withFact = (patch: Record<string, unknown>) => ({ ...good, facts: [{ ...good.facts[0], ...patch }, ...good.facts.slice(1)] });

  it.each([
    ['a date that does not exist', { kind: 'date', value: '2026-02-30' }, '/facts/0/value', 'does not parse'],
    ['a missing source', { quote: { source: 'nowhere', text: 'some words' } }, '/facts/0/quote/source', 'missing source'],
    ['an unknown subject', { subject: 'atlantis' }, '/facts/0/subject', 'unknown subject'],
    ['a duplicate id', { id: (good.facts[1] as { id: string }).id }, '/facts/1/id', 'duplicate fact id'],
  ])('reports %s at its path and keeps the other facts', (_name, patch, path, message) => {
    const { base, problems } = parseFactBase(withFact(patch));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(path);
    expect(problems[0]!.message).toContain(message);
    expect(base.facts.length).toBe(good.facts.length - 1);
  });

  it('reports schema violations with their path', () => {
    const { base, problems } = parseFactBase(withFact({ qualifier: 'probably' }));
    expect(problems[0]!.path).toBe('/facts/0/qualifier');
    expect(base.facts).toEqual([]);
  });
});
