// `npm run test:nvim` — the language server in Neovim (Debian's, installed with apt when missing),
// headless: proof that Fact Desk works outside VS Code with a plain LSP client.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { elapsed, log, OUTPUT, ROOT } from '../vscode/harness/env';
import { buildExtension } from '../vscode/harness/prepare';
import { ensureNeovim } from '../vscode/harness/setup';

const TIMEOUT_MS = 60_000;

async function main(): Promise<number> {
  const t0 = Date.now();
  const nvim = await ensureNeovim();
  await buildExtension({ skip: process.argv.includes('--no-build') });
  const dir = path.join(OUTPUT, 'nvim');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const draft = path.join(dir, 'desk-note.md');
  cpSync(path.join(ROOT, 'test', 'vscode', 'fixtures', 'workspace', 'desk-note.md'), draft);
  const script = path.join(ROOT, 'test', 'nvim', 'lsp-test.lua');
  const env = { ...process.env, FACTDESK_SERVER: path.join(ROOT, 'dist', 'server.js'), XDG_STATE_HOME: path.join(dir, 'state'), XDG_DATA_HOME: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache'), NVIM_LOG_FILE: path.join(dir, 'nvim.log') };
  const code = await new Promise<number>((resolve) => {
    const child = spawn(nvim, ['--headless', '--clean', '-n', '-c', `luafile ${script}`, draft], { cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => {
      log(`nvim did not finish within ${TIMEOUT_MS / 1000} s; killing it`);
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('exit', (c, signal) => { clearTimeout(timer); resolve(signal ? 1 : c ?? 1); });
    child.on('error', (e) => { clearTimeout(timer); log(`cannot run ${nvim}: ${e.message}`); resolve(1); });
  });
  log(`Neovim test ${code === 0 ? 'passed' : 'FAILED'} in ${elapsed(t0)}`);
  return code;
}

main().then((code) => process.exit(code), (e: unknown) => {
  log(`Neovim test FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
