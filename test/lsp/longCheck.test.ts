// A long check (a book-length draft) lets the server's other messages in while it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, uniqueUri } from './client';

const WRONG = 'Moscow holds about 85% of Donetsk, officials said.';
// Distinct paragraphs: repeated ones would be checked once.
const book = Array.from({ length: 12_000 }, (_, i) => `Report ${i}: ${WRONG} The brief ran to ${i + 2} pages.`).join('\n\n');

let client: LspClient;
beforeAll(async () => { client = new LspClient(); await client.initialize(); });
afterAll(async () => { await client.shutdown(); });

describe('a long check', () => {
  it('answers a hover elsewhere before the long draft is checked, and checks all of it', async () => {
    const small = uniqueUri(), long = uniqueUri();
    client.open(small, WRONG);
    await client.diagnostics(small, 1);
    client.open(long, 'Short for now.');
    await client.diagnostics(long, 1); // its settings are known: the next check starts at once
    client.change(long, 2, [{ text: book }]);
    const hover = await client.hover(small, { line: 0, character: 20 });
    // A preview of its first part may be out by then; all of it may not.
    const publishedFirst = client.publications(long).some((p) => p.version === 2 && p.diagnostics.length >= 12_000);
    expect(hover).not.toBeNull();
    expect(publishedFirst).toBe(false);
    await client.until('all of the long draft', () => client.publications(long).some((p) => p.version === 2 && p.diagnostics.length >= 12_000), 30_000);
    const v2 = client.publications(long).filter((p) => p.version === 2);
    expect(v2.at(-1)!.diagnostics.filter((d) => d.severity === 2)).toHaveLength(12_000);
    // Pasted over a short draft with nothing shown, it was read afresh: its top came first.
    expect(v2.length).toBe(2);
    expect(v2[0]!.diagnostics.length).toBeLessThan(12_000);
  }, 40_000);
});
