// Typing in a long draft dense with wrong figures, over stdio: what a keystroke costs when every
// publication carries thousands of diagnostics. The draft is our own 40 labelled drafts
// (test/fixtures/drafts) repeated to 1 MB; a letter is typed at the start of its middle line and
// removed again, N times, each waiting for its publication and then 60 ms (past the check delay):
//
//   npm run bench:typing               # N=40, dist/server.js
//   SERVER=path/to/server.js npm run bench:typing
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, initialize, lineStarts, openDraft, position, publishedFor } from './lsp';
import { median, percentile } from './measure';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(root, 'test', 'fixtures', 'drafts');
const texts = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { text: string }).text.replace(/\r\n?/g, '\n'));
let text = '';
while (text.length < 1024 * 1024) text += `${texts.join('\n\n')}\n\n`;

const server = process.env.SERVER ?? path.join(root, 'dist', 'server.js');
const N = Number(process.env.N ?? 40);
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
const c = new Client(child);
await initialize(c);
const uri = 'file:///factdesk-bench/typing.md';
// Its top first, then all of it; then a pause, so the open's garbage is not the first keystroke's.
await openDraft(c, uri, text, 60_000);
await new Promise((r) => setTimeout(r, 1500));
const starts = lineStarts(text);
const at = position(starts, starts[starts.length >> 1]!);
const times: number[] = [];
let diagnostics = 0;
for (let v = 2; v < N + 2; v++) {
  const change = v % 2 === 0
    ? { range: { start: at, end: at }, text: 'A' }
    : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
  const e = await c.waitFor(publishedFor(uri, v), 60_000, () => c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] }));
  times.push(e.ms);
  diagnostics = e.msg.params?.diagnostics?.length ?? 0;
  await new Promise((r) => setTimeout(r, 60));
}
console.log(`typing in ${(text.length / 1024).toFixed(0)} KB of our drafts, ${diagnostics} diagnostics, ${N} keystrokes: p50 ${median(times).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms, fastest ${Math.min(...times).toFixed(1)} ms`);
await c.request('shutdown', null, 5000).catch(() => undefined);
c.notify('exit', null);
setTimeout(() => child.kill(), 500).unref();
