// What an editor's measuring tool costs on its own, next to the real server: lsp-eval's 1 MB
// draft (its cases joined and repeated, as the tool builds it) is opened once in dist/server.js
// to record the diagnostics it publishes; then the tool is run, alternating, against
//   - dist/server.js,
//   - a stand-in server that does no work and answers at once with the recorded diagnostics,
//   - the stand-in with minimal diagnostics (the same count, each a range and a one-letter message),
// and the tool's "big ... open N ms edit N ms" figures are collected for each:
//
//   npm run bench:stdio-floor -- --tool ../shared/tools/lsp-eval.mjs --cases ../shared/eval/public [--runs 5] [--big-kb 1024]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, initialize, openDraft } from './lsp';
import { median } from './measure';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback?: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const tool = arg('tool'), casesDir = arg('cases');
const runs = Number(arg('runs', '5')), bigKb = Number(arg('big-kb', '1024'));
if (!tool || !casesDir || !(runs > 0) || !(bigKb > 0)) {
  console.error('usage: npm run bench:stdio-floor -- --tool <lsp-eval.mjs> --cases <folder of cases> [--runs N] [--big-kb N]');
  process.exit(2);
}
const serverJs = path.join(root, 'dist', 'server.js');

// The draft as lsp-eval makes it: every case's text, line breaks as \n, joined by a blank line.
const texts = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => (JSON.parse(readFileSync(path.join(casesDir, f), 'utf8')) as { text: string }).text.replace(/\r\n?/g, '\n'));
const all = texts.join('\n\n');
let big = '';
while (big.length < bigKb * 1024) big += `${all}\n\n`;

// 1. What the real server publishes for it.
const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
const c = new Client(child);
await initialize(c);
const uri = 'file:///factdesk-bench/stdio-floor.md';
const published = await openDraft(c, uri, big, 60_000);
child.kill();
const recorded = published.at(-1)!.msg.params?.diagnostics ?? [];
type Recorded = { range: unknown; severity?: number };
const minimal = (recorded as unknown as Recorded[]).map((d) => ({ range: d.range, severity: d.severity, message: 'x' }));
const work = path.join(root, '.cache', 'bench', 'tmp', 'stdio-floor');
mkdirSync(work, { recursive: true });
const files = { recorded: path.join(work, 'recorded.json'), minimal: path.join(work, 'minimal.json') };
writeFileSync(files.recorded, JSON.stringify(recorded));
writeFileSync(files.minimal, JSON.stringify(minimal));
const bytes = (f: string) => (readFileSync(f).length / 1024 / 1024).toFixed(2);
console.log(`${Math.round(big.length / 1024)} KB draft, ${recorded.length} diagnostics: ${bytes(files.recorded)} MB as recorded, ${bytes(files.minimal)} MB minimal`);

// 2. The tool against each server in turn.
const servers = [
  { name: 'dist/server.js', server: serverJs, env: {} },
  { name: 'stand-in, recorded diagnostics', server: path.join(here, 'standin.mjs'), env: { FACTDESK_STANDIN_DIAGNOSTICS: files.recorded } },
  { name: 'stand-in, minimal diagnostics', server: path.join(here, 'standin.mjs'), env: { FACTDESK_STANDIN_DIAGNOSTICS: files.minimal } },
];
const seen = new Map(servers.map((s) => [s.name, { open: [] as number[], edit: [] as number[] }]));
for (let r = 0; r < runs; r++) {
  for (const s of servers) {
    let out = '';
    try {
      out = execFileSync(process.execPath, [tool, '--server', s.server, '--cases', casesDir, '--big-kb', String(bigKb)],
        { encoding: 'utf8', env: { ...process.env, ...s.env }, maxBuffer: 1 << 24, timeout: 300_000 });
    } catch (e) {
      // The stand-in answers no hover and flags nothing in the cases: the tool reports FAIL and exits 1.
      out = (e as { stdout?: string }).stdout ?? '';
    }
    const m = /big (\d+)KB open (\d+)ms edit (\d+)ms/.exec(out);
    if (!m) throw new Error(`${s.name}: no "big ... open ... edit" line from the tool:\n${out.slice(-500)}`);
    seen.get(s.name)!.open.push(Number(m[2]));
    seen.get(s.name)!.edit.push(Number(m[3]));
  }
}
const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs)}–${Math.max(...xs)})`;
console.log(`lsp-eval --big-kb ${bigKb}, ${runs} runs each, alternating: median (range)`);
for (const [name, v] of seen) console.log(`  ${name.padEnd(32)} open ${fmt(v.open).padEnd(20)} edit ${fmt(v.edit)}`);
