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
import { Client, lineStarts, position, type Message } from './lsp';

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
await c.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } } }, 30_000);
c.notify('initialized', {});
const uri = 'file:///factdesk-bench/typing.md';
const published = (v: number) => (m: Message) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri?: string; version?: number }).uri === uri && (m.params as { version?: number }).version === v;
await c.waitFor(published(1), 60_000, () => c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }));
// The preview, then all of it: wait for the second publication to settle.
await new Promise((r) => setTimeout(r, 1500));
const starts = lineStarts(text);
const at = position(starts, starts[starts.length >> 1]!);
const times: number[] = [];
let diagnostics = 0;
for (let v = 2; v < N + 2; v++) {
  const change = v % 2 === 0
    ? { range: { start: at, end: at }, text: 'A' }
    : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
  const e = await c.waitFor(published(v), 60_000, () => c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] }));
  times.push(e.ms);
  diagnostics = ((e.msg.params as { diagnostics?: unknown[] }).diagnostics ?? []).length;
  await new Promise((r) => setTimeout(r, 60));
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
console.log(`typing in ${(text.length / 1024).toFixed(0)} KB of our drafts, ${diagnostics} diagnostics, ${N} keystrokes: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, fastest ${times[0]!.toFixed(1)} ms`);
await c.request('shutdown', null, 5000).catch(() => undefined);
c.notify('exit', null);
setTimeout(() => child.kill(), 500).unref();
