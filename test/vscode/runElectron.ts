// Runs the same in-editor suite in desktop VS Code through @vscode/test-electron: on a developer's
// machine or a CI that can download VS Code, or with VSCODE_EXECUTABLE pointing at an installed
// `code` binary. (On machines that reach only package registries, use the code-server runner.)
//
//   npm run test:vscode -- --electron
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:vscode -- --electron
//   (headless Linux: xvfb-run -a npm run test:vscode -- --electron)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { QUIET_SETTINGS } from './harness/codeServer';
import { elapsed, log, OUTPUT, ROOT } from './harness/env';
import { buildExtension, bundleSuite, prepareWorkspace } from './harness/prepare';

const out = path.join(OUTPUT, 'in-editor-electron');

export async function runInElectron(args: ReadonlySet<string>): Promise<number> {
  const t0 = Date.now();
  await buildExtension({ skip: args.has('--no-build') });
  const suite = await bundleSuite();
  const workspace = prepareWorkspace(path.join(out, 'workspace'));
  const userData = path.join(out, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || undefined;
  log(vscodeExecutablePath ? `VS Code: ${vscodeExecutablePath}` : 'VS Code: downloading the current stable build (set VSCODE_EXECUTABLE to use an installed one)');
  try {
    const code = await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
      cachePath: path.join(ROOT, '.cache', 'vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [
        workspace,
        '--disable-extensions', // only Fact Desk: no other extension may make a plaintext model first
        '--user-data-dir', userData,
        '--extensions-dir', path.join(out, 'extensions'),
        '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust', '--disable-telemetry',
      ],
    });
    log(`in-editor suite (desktop VS Code) exited with ${code} after ${elapsed(t0)}`);
    return code;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(msg)) {
      log('VS Code could not be downloaded here. Set VSCODE_EXECUTABLE to an installed VS Code, or run the code-server route: npm run test:vscode');
    }
    throw e;
  }
}

