// Runs the in-editor suite (test/vscode/suite) inside code-server's real extension host.
// code-server rejects --extensionDevelopmentPath as a flag, so the test run is requested the way
// VS Code's own web tests do it: the smoke-test driver is enabled and the workbench URL carries
// an extensionDevelopmentPath/extensionTestsPath payload; the page reports the suite's exit code
// through window.codeAutomationExit, which Playwright exposes.
//
//   npm run test:vscode                 (builds, installs code-server/chromium into .cache if needed)
//   npm run test:vscode -- --no-build   (reuse dist/)
//   FACTDESK_TEST_GREP=hover npm run test:vscode
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './harness/browser';
import { startCodeServer, type CodeServer } from './harness/codeServer';
import { elapsed, log, OUTPUT, ROOT } from './harness/env';
import { buildExtension, bundleSuite, prepareWorkspace } from './harness/prepare';

const TIMEOUT_MS = Number(process.env.FACTDESK_SUITE_TIMEOUT_MS ?? 240_000);
const out = path.join(OUTPUT, 'in-editor');

/**
 * The activation time the suite measured, kept for `npm run bench`, which cannot start an editor
 * itself: test-output/in-editor/activation.json.
 */
function recordActivation(lines: readonly string[]): void {
  const at = lines.map((l) => /activation: (\d+) ms from extension load to a running server/.exec(l)).find(Boolean);
  const editor = lines.map((l) => /Fact Desk in-editor suite \(([^)]*)\)/.exec(l)).find(Boolean);
  if (!at) return;
  writeFileSync(path.join(out, 'activation.json'), `${JSON.stringify({ ms: Number(at[1]), editor: editor?.[1] ?? null, measuredAt: new Date().toISOString() }, null, 2)}\n`);
}

export async function runInCodeServer(args: ReadonlySet<string>): Promise<number> {
  const t0 = Date.now();
  mkdirSync(out, { recursive: true });
  await buildExtension({ skip: args.has('--no-build') });
  const suite = await bundleSuite();
  const workspace = prepareWorkspace(path.join(out, 'workspace'));
  let server: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const lines: string[] = [];
  try {
    server = await startCodeServer({ scratch: path.join(out, 'code-server'), testDriver: true });
    browser = await launchBrowser(path.join(out, 'code-server'));
    const { page } = browser;
    let resolveExit: (code: number) => void = () => {};
    const exited = new Promise<number>((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationLog', (type: string, messages: unknown) => {
      const text = Array.isArray(messages) ? messages.map(String).join(' ') : String(messages);
      lines.push(`[${type}] ${text}`);
      // The suite's own report (extension host console, forwarded by the workbench).
      for (const l of text.split('\n')) {
        const at = l.indexOf('[suite] ');
        if (at >= 0) process.stdout.write(`${l.slice(at + 8)}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
    page.on('console', (m) => {
      const text = m.text();
      lines.push(`[console.${m.type()}] ${text}`);
    });
    page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
    const url = server.url(workspace, [
      ['extensionDevelopmentPath', server.remoteUri(ROOT)],
      ['extensionTestsPath', server.remoteUri(suite)],
    ]);
    log(`opening the workbench with the test payload (${path.relative(ROOT, workspace)})`);
    await page.goto(url);
    const timeout = new Promise<number>((r) => setTimeout(() => r(-1), TIMEOUT_MS));
    const code = await Promise.race([exited, timeout]);
    await page.screenshot({ path: path.join(out, 'final.png') }).catch(() => {});
    if (code === -1) {
      log(`the suite did not finish within ${TIMEOUT_MS / 1000} s`);
      return 1;
    }
    log(`in-editor suite (code-server) exited with ${code} after ${elapsed(t0)} in all`);
    recordActivation(lines);
    return code;
  } finally {
    writeFileSync(path.join(out, 'workbench.log'), `${lines.join('\n')}\n`);
    await browser?.close();
    await server?.stop();
  }
}

