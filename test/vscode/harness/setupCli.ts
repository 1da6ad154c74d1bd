// `node scripts/run-ts.mjs test/vscode/harness/setupCli.ts [code-server] [chromium] [neovim]`
// (what scripts/setup-editors.sh runs): installs the named tools into the cache, all by default.
import { CACHE, elapsed, log } from './env';
import { ensureChromium, ensureCodeServer, ensureNeovim } from './setup';

const wanted = new Set(process.argv.slice(2));
const all = wanted.size === 0;
const t0 = Date.now();
try {
  if (all || wanted.has('code-server')) {
    const t = Date.now();
    const cs = await ensureCodeServer();
    log(`code-server: ${cs.entry} (node ${cs.node}) [${elapsed(t)}]`);
  }
  if (all || wanted.has('chromium')) {
    const t = Date.now();
    log(`chromium: ${await ensureChromium()} [${elapsed(t)}]`);
  }
  if (all || wanted.has('neovim')) {
    const t = Date.now();
    log(`neovim: ${await ensureNeovim()} [${elapsed(t)}]`);
  }
  log(`editors ready in ${elapsed(t0)} (cache: ${CACHE})`);
} catch (e) {
  log(`set-up failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
