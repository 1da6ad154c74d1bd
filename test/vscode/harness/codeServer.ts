// Starts code-server (VS Code's server + web workbench) on 127.0.0.1 with a fresh profile in a
// scratch folder: nothing is written to $HOME, no network, no telemetry, no trust prompt.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { elapsed, log, run, waitFor } from './env';
import { ensureCodeServer } from './setup';

/** User settings that keep the workbench quiet and predictable for tests. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'files.autoSave': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface CodeServerOptions {
  /** Scratch folder for this run: profile, extensions, logs, XDG dirs, TMPDIR. Emptied first. */
  scratch: string;
  /** Extra user settings on top of QUIET_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Install this .vsix into the run's extensions folder before starting. */
  vsix?: string;
  /** Lets the page run an extension test suite (extensionDevelopmentPath/extensionTestsPath payload). */
  testDriver?: boolean;
  /** Fixed port (the sandbox); otherwise a free one. */
  port?: number;
  /** Print code-server's own output (the sandbox) instead of only writing it to the log file. */
  echo?: boolean;
}

export interface CodeServer {
  port: number;
  origin: string;
  /** Workbench URL that opens `folder`, optionally with a payload (e.g. extension tests). */
  url(folder: string, payload?: Array<[string, string]>): string;
  /** A URI the remote side resolves to a local path (for payload entries). */
  remoteUri(absPath: string): string;
  logFile: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { node, entry } = await ensureCodeServer();
  const scratch = path.resolve(options.scratch);
  rmSync(scratch, { recursive: true, force: true });
  const dirs = {
    config: path.join(scratch, 'xdg-config'),
    data: path.join(scratch, 'xdg-data'),
    state: path.join(scratch, 'xdg-state'),
    cache: path.join(scratch, 'xdg-cache'),
    tmp: path.join(scratch, 'tmp'),
    userData: path.join(scratch, 'user-data'),
    extensions: path.join(scratch, 'extensions'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const port = options.port ?? await freePort();
  const configFile = path.join(scratch, 'config.yaml');
  writeFileSync(configFile, `auth: none\nbind-addr: 127.0.0.1:${port}\ncert: false\n`);
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_STATE_HOME: dirs.state,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    // The extension host must not think it is being debugged or run under another editor.
    VSCODE_IPC_HOOK_CLI: undefined,
    ELECTRON_RUN_AS_NODE: undefined,
  };
  const common = ['--config', configFile, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  if (options.vsix) {
    const t0 = Date.now();
    await run(node, [entry, ...common, '--install-extension', options.vsix, '--force'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    log(`installed ${path.basename(options.vsix)} into code-server in ${elapsed(t0)}`);
  }

  const args = [
    entry, ...common,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
    ...(options.testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const logFile = path.join(scratch, 'code-server.log');
  const out = createWriteStream(logFile);
  const t0 = Date.now();
  const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  if (options.echo) {
    child.stdout?.pipe(process.stdout);
    child.stderr?.pipe(process.stderr);
  }
  let exited: number | string | null = null;
  child.on('exit', (code, signal) => { exited = signal ?? code; });

  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitFor('code-server /healthz', async () => {
      if (exited !== null) throw new Error(`code-server exited with ${exited}: ${readFileSync(logFile, 'utf8').slice(-2000)}`);
      const res = await fetch(`${origin}/healthz`).catch(() => null);
      return res?.ok ?? false;
    }, 60_000, 100);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  log(`code-server ${origin} ready in ${elapsed(t0)} (log: ${path.relative(process.cwd(), logFile)})`);

  const remoteUri = (abs: string) => `vscode-remote://127.0.0.1:${port}${abs.split(path.sep).map(encodeURIComponent).join('/')}`;
  return {
    port,
    origin,
    logFile,
    process: child,
    remoteUri,
    url(folder, payload) {
      const q = new URLSearchParams({ folder });
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${origin}/?${q.toString()}`;
    },
    async stop() {
      if (exited !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(t);
      out.end();
    },
  };
}
