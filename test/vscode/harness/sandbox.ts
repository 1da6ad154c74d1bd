// `npm run sandbox` — try Fact Desk in a real VS Code in the browser, without desktop VS Code:
// code-server on 127.0.0.1 with the packaged .vsix installed and a copy of the example drafts.
// Prints the URL and runs until Ctrl+C.
//
//   npm run sandbox                       (port 8123, or FACTDESK_SANDBOX_PORT)
//   npm run sandbox -- --port 9000
//   npm run sandbox -- --smoke            (start, check the workbench answers, stop: for CI)
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, startCodeServer } from './codeServer';
import { log, OUTPUT, ROOT } from './env';
import { ensureVsix } from './prepare';

const argv = process.argv.slice(2);
const portArg = argv.indexOf('--port');
const smoke = argv.includes('--smoke');

async function main(): Promise<void> {
  const vsix = await ensureVsix({ rebuild: argv.includes('--repackage') });
  const dir = path.join(OUTPUT, 'sandbox');
  const workspace = path.join(dir, 'drafts');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  const examples = path.join(ROOT, 'examples');
  if (existsSync(examples)) cpSync(examples, workspace, { recursive: true });
  else cpSync(path.join(ROOT, 'test', 'vscode', 'fixtures', 'workspace'), workspace, { recursive: true });

  const wanted = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.FACTDESK_SANDBOX_PORT ?? 8123);
  const port = smoke ? await freePort() : wanted;
  const server = await startCodeServer({
    scratch: path.join(dir, 'code-server'),
    vsix,
    port,
    settings: { 'workbench.startupEditor': 'none', 'editor.wordWrap': 'on' },
  });
  const url = server.url(workspace);
  if (smoke) {
    const res = await fetch(url);
    const html = await res.text();
    await server.stop();
    if (!res.ok || !html.includes('workbench')) throw new Error(`the workbench did not answer (${res.status})`);
    log(`sandbox smoke test passed: ${url} answered ${res.status}`);
    return;
  }
  console.log(`\nFact Desk sandbox is running (VS Code in the browser, loopback only):\n\n  ${url}\n`);
  console.log(`Drafts: ${path.relative(process.cwd(), workspace)} (a copy of examples/). Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => { void server.stop().then(resolve); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    server.process.once('exit', () => resolve());
  });
  log('sandbox stopped');
}

main().then(() => process.exit(0), (e: unknown) => {
  log(`sandbox FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
