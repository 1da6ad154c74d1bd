#!/usr/bin/env node
// Bundles the benchmark (bench/src/*.ts, and the core it imports from server/src) with esbuild
// into .cache/bench/, then `npm run bench` runs .cache/bench/main.mjs. npm packages stay
// external (cspell-lib is ESM and loads its dictionaries from node_modules). The shipped bundles
// are built by esbuild.mjs, which this does not touch.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { aheadOfTime } from '../scripts/ahead-of-time.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await esbuild.build({
  entryPoints: ['main', 'check-worker', 'load-child', 'memory-child', 'profile-child', 'typing', 'standin', 'stdio-floor'].map((n) => path.join(root, 'bench', 'src', `${n}.ts`)),
  outdir: path.join(root, '.cache', 'bench'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  // The fact base ships as YAML text, as in esbuild.mjs.
  loader: { '.yaml': 'text' },
  logLevel: 'warning',
  absWorkingDir: root,
  // Fact bases load as in the shipped server: schema validators compiled at build time.
  plugins: [aheadOfTime(path.join(root, 'server', 'facts', 'factdesk.schema.json'))],
});
