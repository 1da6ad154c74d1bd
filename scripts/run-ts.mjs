#!/usr/bin/env node
// Runs one of the project's TypeScript tools (test runners, set-up, sandbox) without a separate
// compile step: bundles it with esbuild into .cache/build/ (npm packages stay external) and
// imports the result. Type-checking is `npm run typecheck`'s job, as for the rest of the code.
//
//   node scripts/run-ts.mjs test/vscode/runCodeServer.ts [args…]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const outDir = path.join(root, '.cache', 'build', 'tools');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, `${path.relative(root, path.resolve(entry)).replace(/[\\/]/g, '__').replace(/\.ts$/, '')}.mjs`);
await esbuild.build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
});
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
