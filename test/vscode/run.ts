// `npm run test:vscode` — the in-editor suite in a real VS Code.
//   (default)     code-server's extension host, driven through Debian chromium (works offline
//                 once code-server is in the cache; installs it on first use)
//   --electron    desktop VS Code via @vscode/test-electron (VSCODE_EXECUTABLE, or a download)
//   --no-build    reuse dist/ as it is
import { log } from './harness/env';
import { runInCodeServer } from './runCodeServer';
import { runInElectron } from './runElectron';

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !['--electron', '--no-build'].includes(a));
if (unknown.length) {
  log(`unknown argument(s): ${unknown.join(' ')} (use --electron, --no-build)`);
  process.exit(2);
}
(args.has('--electron') ? runInElectron(args) : runInCodeServer(args)).then(
  (code) => {
    if (code !== 0) log('in-editor suite FAILED (logs and screenshot under test-output/)');
    process.exit(code);
  },
  (e: unknown) => {
    log(`in-editor suite FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    process.exit(1);
  },
);
