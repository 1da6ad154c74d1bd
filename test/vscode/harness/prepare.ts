// Shared preparation for the real-editor runs: build, bundle the in-editor suite, lay out a fresh
// test workspace (fixtures + the example drafts), package the .vsix.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { elapsed, log, ROOT, run } from './env';
import { build } from './setup';

export async function buildExtension(options: { skip?: boolean } = {}): Promise<void> {
  if (options.skip && existsSync(path.join(ROOT, 'dist', 'extension.js')) && existsSync(path.join(ROOT, 'dist', 'server.js'))) return;
  await build(ROOT);
  for (const f of ['extension.js', 'server.js']) {
    if (!existsSync(path.join(ROOT, 'dist', f))) throw new Error(`the build did not produce dist/${f}`);
  }
}

/** The in-editor suite as one CommonJS file the extension host can require. */
export async function bundleSuite(): Promise<string> {
  const outfile = path.join(ROOT, '.cache', 'build', 'vscode-suite', 'index.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'vscode', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/** A fresh copy of the fixture workspace, with the project's example drafts in `examples/`. */
export function prepareWorkspace(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, 'test', 'vscode', 'fixtures', 'workspace'), dir, { recursive: true });
  const examples = path.join(ROOT, 'examples');
  if (existsSync(examples)) cpSync(examples, path.join(dir, 'examples'), { recursive: true });
  return dir;
}

/** `npm run package`'s .vsix, built if missing or older than dist/. */
export async function ensureVsix(options: { rebuild?: boolean } = {}): Promise<string> {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  const newest = (dir: string) => readdirSync(dir).reduce((m, f) => Math.max(m, statSync(path.join(dir, f)).mtimeMs), 0);
  const stale = !existsSync(vsix) || (existsSync(path.join(ROOT, 'dist')) && statSync(vsix).mtimeMs < newest(path.join(ROOT, 'dist')));
  if (options.rebuild || stale) {
    const t0 = Date.now();
    await run('npm', ['run', '--silent', 'package'], { cwd: ROOT });
    log(`packaged ${path.basename(vsix)} in ${elapsed(t0)}`);
  }
  if (!existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  return vsix;
}
