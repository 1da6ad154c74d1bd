// The stdio transport is wired by hand (server.ts), for the encoder that keeps diagnostics' bytes:
// what the library did for it must still happen.
import { describe, expect, it } from 'vitest';
import { LspClient, uniqueUri } from './client';

describe('over stdio', () => {
  it.each([
    ['1 when the editor goes away without shutting the server down', false, 1],
    ['0 when stdin ends after a shutdown request', true, 0],
  ] as const)('exits with %s', async (_, shutDown, code) => {
    const c = new LspClient();
    await c.initialize();
    if (shutDown) await c.request('shutdown', null, 3000);
    c.child.stdin.end();
    await c.until('exit', () => c.exit, 5000);
    expect(c.exit).toEqual({ code, signal: null });
  });

  it('sends a draft again after an edit as it would afresh, Cyrillic, emoji and CRLF included', async () => {
    const c = new LspClient();
    await c.initialize();
    const uri = uniqueUri();
    const para = (i: number) => `Звіт ${i} 😀: Moscow holds about 85% of Donetsk, “officials” said.\r\n`;
    const text = Array.from({ length: 50 }, (_, i) => para(i)).join('\r\n');
    c.open(uri, text);
    await c.diagnostics(uri, 1);
    // A letter in the middle: the diagnostics after it are the objects sent before.
    const at = text.indexOf('Звіт 25');
    const lines = text.slice(0, at).split('\r\n').length - 1;
    c.change(uri, 2, [{ range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: 'A' }]);
    const edited = await c.diagnostics(uri, 2);
    const fresh = uniqueUri();
    c.open(fresh, `${text.slice(0, at)}A${text.slice(at)}`);
    const again = await c.diagnostics(fresh, 1);
    expect(edited).toHaveLength(50);
    expect(edited).toEqual(again);
    await c.shutdown();
  });
});
