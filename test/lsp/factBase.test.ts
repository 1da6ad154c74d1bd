// What the Fact Base view and Find Fact ask the server: factdesk/facts with origins, locations,
// figures and conflicts; factdesk/factFiles with each file's problems; and the
// factdesk/factBaseChanged notification after every reload.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactBaseChangedParams, FactFileSummary, FactSummary } from '../../server/src/lsp/protocol';
import { FULL_CAPABILITIES, LspClient } from './client';
import { deskDonetskFact } from '../fixtures/deskFact';

// A workspace fact on the bundled Donetsk subject with another value: a conflict across files.
const FACT_FILE = deskDonetskFact();
const ID_LINE = FACT_FILE.split('\n').findIndex((l) => l.includes('id: desk-donetsk-share'));

let dir: string;
let factUri: string;
let client: LspClient;

const changes = () => client.notifications.filter((m) => m.method === 'factdesk/factBaseChanged').map((m) => m.params as FactBaseChangedParams);
const facts = () => client.request<FactSummary[]>('factdesk/facts', {});
const files = () => client.request<FactFileSummary[]>('factdesk/factFiles', {});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-base-'));
  writeFileSync(join(dir, 'desk.facts.yaml'), FACT_FILE);
  factUri = pathToFileURL(join(dir, 'desk.facts.yaml')).href;
  client = new LspClient();
  await client.initialize(FULL_CAPABILITIES, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
}, 30_000);
afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('the fact base as the Fact Base view sees it', () => {
  it('notifies the client once the workspace fact files are loaded', async () => {
    const first = await client.until('factBaseChanged', () => changes()[0]);
    expect(first.files).toBe(1);
    expect(first.problems).toBe(0);
    expect(first.facts).toBe((await facts()).length);
  });

  it('says where each fact comes from, and where a workspace fact is defined', async () => {
    const all = await facts();
    const mine = all.find((f) => f.id === 'desk-donetsk-share')!;
    expect(mine.origin).toBe(factUri);
    expect(mine.location?.uri).toBe(factUri);
    expect(mine.location?.range.start.line).toBe(ID_LINE);
    expect(mine.source.label).toBe('Desk note on a revised territorial estimate');
    const bundled = all.find((f) => f.id === 'russia-holds-75-percent-donetsk')!;
    expect(bundled.origin).toBe('bundled');
    expect(bundled.location).toBeUndefined();
  });

  it('gives the figure as written, and the subject\'s aliases', async () => {
    const all = await facts();
    expect(all.find((f) => f.id === 'russia-holds-75-percent-donetsk')!.figure).toBe('about 75%');
    expect(all.find((f) => f.id === 'desk-donetsk-share')!.figure).toBe('78%');
    expect(all.find((f) => f.id === 'russia-holds-75-percent-donetsk')!.aliases).toContain('Donetsk');
  });

  it('lists conflicts: facts of other files, and the articles a fact file names', async () => {
    const all = await facts();
    const bundled = all.find((f) => f.id === 'russia-holds-75-percent-donetsk')!;
    expect(bundled.conflicts).toEqual([expect.objectContaining({ kind: 'fact', factId: 'desk-donetsk-share', text: expect.stringContaining('78%') })]);
    expect(all.find((f) => f.id === 'desk-donetsk-share')!.conflicts?.map((c) => c.factId)).toContain('russia-holds-75-percent-donetsk');
    const signatories = all.find((f) => f.id === 'paris-declaration-signed-by-3')!;
    expect(signatories.disputed).toBe(true);
    expect(signatories.conflicts).toEqual([expect.objectContaining({ kind: 'source', text: 'the UK and France signed a declaration of intent' })]);
    expect(signatories.conflicts![0]!.note).toMatch(/two signatories/);
    expect(all.find((f) => f.id === 'coalition-30-countries')!.conflicts).toEqual([]);
  });

  it('lists the fact files with their problems, and notifies again on each reload', async () => {
    expect(await files()).toEqual([{ uri: factUri, facts: 1, problems: [] }]);
    const before = changes().length;
    client.open(factUri, FACT_FILE.replace('    subject: donetsk', '    subject: [donetsk'), 'yaml');
    const after = await client.until('a second factBaseChanged', () => (changes().length > before ? changes().at(-1) : undefined));
    expect(after.problems).toBeGreaterThan(0);
    const [file] = await files();
    expect(file!.uri).toBe(factUri);
    expect(file!.facts).toBe(1); // the last good version stays in use
    expect(file!.problems[0]!.code).toBe('fact-file-syntax');
    expect(file!.problems[0]!.range.start.line).toBeGreaterThanOrEqual(ID_LINE);
    // The buffer, not the disk, says where the fact is while the file is open.
    const broken = changes().length;
    client.change(factUri, 2, [{ text: `# a comment line\n${FACT_FILE}` }]);
    await client.until('the reload of the fixed file', () => changes().length > broken && changes().at(-1)!.problems === 0);
    expect((await files())[0]!.problems).toEqual([]);
    expect((await facts()).find((f) => f.id === 'desk-donetsk-share')!.location?.range.start.line).toBe(ID_LINE + 1);
  });
});

describe('without a workspace folder', () => {
  it('has only bundled facts and no fact files', async () => {
    const bare = new LspClient();
    try {
      await bare.initialize(FULL_CAPABILITIES, null);
      const all = await bare.request<FactSummary[]>('factdesk/facts', {});
      expect(all.length).toBeGreaterThan(20);
      expect(new Set(all.map((f) => f.origin))).toEqual(new Set(['bundled']));
      expect(all.every((f) => typeof f.figure === 'string' && f.figure.length > 0)).toBe(true);
      expect(await bare.request<FactFileSummary[]>('factdesk/factFiles', {})).toEqual([]);
    } finally {
      await bare.shutdown();
    }
  });
});
