// Bundles the three entry points Fact Desk ships: the VS Code client, the language server and
// the `factdesk` CLI. One bundle each, so the packaged extension needs no node_modules.
//
//   node esbuild.mjs            build once (readable output, source maps)
//   node esbuild.mjs --minify   smaller bundles for packaging
//   node esbuild.mjs --watch    rebuild on change
import { chmod, stat } from 'node:fs/promises';
import { copyFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { aheadOfTime } from './scripts/ahead-of-time.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !['--watch', '--minify'].includes(a));
if (unknown.length) {
  console.error(`esbuild.mjs: unknown argument(s) ${unknown.join(' ')}; use --watch and/or --minify`);
  process.exit(2);
}
const watch = args.has('--watch');
const minify = args.has('--minify');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify,
  // The fact base ships as YAML and is parsed at start-up, so it stays reviewable data.
  loader: { '.yaml': 'text' },
  // jsonc-parser's UMD main requires its parts at run time, which a bundle cannot resolve; its ESM
  // build bundles cleanly (vscode-eslint and vscode's own extensions do the same).
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  absWorkingDir: root,
};

const entries = [
  // The client is written separately; until it exists the server and CLI still build.
  { name: 'extension', entry: 'client/src/extension.ts', out: 'dist/extension.js', optional: true, external: ['vscode'] },
  { name: 'server', entry: 'server/src/server.ts', out: 'dist/server.js' },
  { name: 'cli', entry: 'server/src/cli.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node', executable: true },
];

/** Reports each bundle's size after every (re)build, and makes the CLI runnable as `factdesk`. */
function afterBuild(e) {
  return {
    name: 'fact-desk-after-build',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        const file = path.join(root, e.out);
        if (e.executable) await chmod(file, 0o755);
        const { size } = await stat(file);
        console.log(`${e.out.padEnd(18)} ${(size / 1024).toFixed(1).padStart(8)} KB${minify ? ' (minified)' : ''}`);
      });
    },
  };
}

const contexts = [];
for (const e of entries) {
  if (!existsSync(path.join(root, e.entry))) {
    if (e.optional) { console.log(`${e.out.padEnd(18)}  skipped (no ${e.entry} yet)`); continue; }
    console.error(`esbuild.mjs: missing entry point ${e.entry}`);
    process.exit(1);
  }
  contexts.push(await esbuild.context({
    ...common,
    entryPoints: [e.entry],
    outfile: e.out,
    external: e.external ?? [],
    banner: e.banner ? { js: e.banner } : undefined,
    plugins: [aheadOfTime(path.join(root, 'server/facts/factdesk.schema.json')), afterBuild(e)],
  }));
}

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes (Ctrl+C to stop)');
} else {
  let failed = false;
  for (const c of contexts) {
    try { await c.rebuild(); } catch { failed = true; } // esbuild has already printed the errors
    await c.dispose();
  }
  if (failed) process.exit(1);
  // The fact file schema ships next to the bundles: package.json's jsonValidation/yamlValidation
  // point editors at dist/factdesk.schema.json for completion and validation in *.facts.* files.
  copyFileSync(path.join(root, 'server/facts/factdesk.schema.json'), path.join(root, 'dist/factdesk.schema.json'));
  validateBundledFacts();
}

/**
 * The bundled fact base must load (schema, references, values) and, where the articles are at
 * hand, quote them verbatim. A build that would ship a broken base fails here, not in the editor.
 */
function validateBundledFacts() {
  const seeds = process.env.FACTDESK_SEEDS ?? path.resolve(root, '../shared/seeds');
  const args = ['dist/cli.js', 'facts', ...(existsSync(seeds) ? ['--verify', seeds] : [])];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr || run.stdout);
    console.error('esbuild.mjs: the bundled fact base is invalid');
    process.exit(1);
  }
  console.log(existsSync(seeds) ? `fact base: ${run.stdout.trim()}` : `fact base: loads; quotes not checked (no articles at ${seeds})`);
}
