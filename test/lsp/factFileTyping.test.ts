// Typing in a fact file beside a large one: a reload that is slow waits until the typing pauses,
// so keystrokes do not queue reloads behind each other, and the last keystroke is what counts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactSummary } from '../../server/src/lsp/protocol';
import { FULL_CAPABILITIES, LspClient } from './client';

const SUBJECTS = 2_000;
const FACTS = 20_000;

/** A JSON fact file of FACTS facts about SUBJECTS made-up reservoirs (~5 MB). */
function bulkFile(): string {
  return JSON.stringify({
    version: 1,
    sources: [{ id: 'bulk-board', title: 'Reservoir bulletin' }],
    entities: Array.from({ length: SUBJECTS }, (_, k) => ({ id: `reservoir-${k}`, name: `Reservoir ${k}`, aliases: [`Reservoir ${k}`] })),
    facts: Array.from({ length: FACTS }, (_, i) => ({
      id: `bulk-${i}`, kind: 'percent', value: i % 100, statement: `reservoir ${i % SUBJECTS} was ${i % 100}% full`,
      subject: `reservoir-${i % SUBJECTS}`, context: [[`week${Math.floor(i / SUBJECTS)}`]],
      quote: { source: 'bulk-board', text: `the reservoir is ${i % 100}% full` },
    })),
  });
}

const deskFile = (n: number) => `version: 1
sources:
  - id: desk-note
    title: Desk note
entities:
  - id: desk-lake
    name: Desk Lake
    aliases: [Desk Lake]
facts:
  - id: desk-lake-level
    kind: percent
    value: ${n}
    statement: Desk Lake was ${n}% full
    subject: desk-lake
    quote: { source: desk-note, text: Desk Lake is ${n}% full }
`;

let dir: string;
let client: LspClient;
const reloads = () => client.notifications.filter((m) => m.method === 'factdesk/factBaseChanged').length;
const deskFigure = async () => (await client.request<FactSummary[]>('factdesk/facts', {})).find((f) => f.id === 'desk-lake-level')?.figure;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-typing-'));
  writeFileSync(join(dir, 'bulk.facts.json'), bulkFile());
  writeFileSync(join(dir, 'desk.facts.yaml'), deskFile(40));
  client = new LspClient();
  await client.initialize(FULL_CAPABILITIES, [{ uri: pathToFileURL(dir).href, name: 'ws' }]);
  await client.until('the first load', () => reloads() > 0, 30_000);
}, 60_000);
afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('typing in a fact file beside 20,000 facts', () => {
  it('reloads once the typing pauses, with the last keystroke', async () => {
    const uri = pathToFileURL(join(dir, 'desk.facts.yaml')).href;
    const before = reloads();
    client.open(uri, deskFile(40), 'yaml');
    for (let v = 2; v <= 11; v++) client.change(uri, v, [{ text: deskFile(40 + v) }]);
    const deadline = Date.now() + 20_000;
    while ((await deskFigure()) !== '51%' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Eleven buffer events; a reload per event would be eleven.
    expect(reloads() - before).toBeLessThanOrEqual(3);
    expect(await deskFigure()).toBe('51%');
  });
});
