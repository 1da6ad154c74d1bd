// The dependency rules of ARCHITECTURE.md, read off esbuild's module graph: only imports that
// remain at run time count (type-only imports are erased), which is what "may import (types
// only)" means there. The core is bundled for the browser, as a Web Worker would load it: a Node
// built-in anywhere in it fails that build.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const filesUnder = (dir: string): string[] => readdirSync(join(root, dir)).flatMap((f) => {
  const p = join(dir, f);
  return statSync(join(root, p)).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
});

/** Each bundled source file's run-time imports, as repository paths or package names. */
async function runtimeImports(entryPoints: string[], platform: esbuild.Platform, external: string[] = []): Promise<Map<string, string[]>> {
  const r = await esbuild.build({
    absWorkingDir: root, entryPoints, bundle: true, write: false, metafile: true, platform, format: 'esm',
    outdir: 'out', loader: { '.yaml': 'text' }, external, logLevel: 'silent',
  });
  const pkg = (p: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1] ?? p;
  return new Map(Object.entries(r.metafile.inputs).filter(([f]) => !f.startsWith('node_modules/')).map(([f, i]) => [f, i.imports.map((x) => pkg(x.path))]));
}

const CORE = 'server/src/core';
const coreFiles = filesUnder(CORE);

/** Which run-time imports each part of the core may have (ARCHITECTURE.md, "The pure core"). */
const RULES: Array<[part: string, allowed: (target: string) => boolean]> = [
  ['types.ts', () => false],
  ['extract/', (t) => t.startsWith(`${CORE}/extract/`) || t === 'chrono-node'],
  ['facts/', (t) => t.startsWith(`${CORE}/facts/`) || t.startsWith(`${CORE}/extract/`) || t.startsWith('server/facts/') || t === 'ajv' || t === 'yaml'],
  ['match/', (t) => t.startsWith(`${CORE}/match/`)],
  ['judge/', (t) => t.startsWith(`${CORE}/judge/`) || t.startsWith(`${CORE}/match/`) || t.startsWith(`${CORE}/extract/`)],
  ['cite/', (t) => t.startsWith(`${CORE}/cite/`)],
  ['', (t) => t.startsWith(`${CORE}/`)],
];

describe('layers', () => {
  it('the core bundles for the browser and imports only what its part may', async () => {
    const graph = await runtimeImports(coreFiles, 'browser');
    expect([...graph.keys()].filter((f) => f.startsWith(`${CORE}/`)).sort()).toEqual([...coreFiles].sort());
    const broken: string[] = [];
    for (const [file, imports] of graph) {
      if (!file.startsWith(`${CORE}/`)) continue;
      const part = file.slice(CORE.length + 1);
      const [, allowed] = RULES.find(([p]) => part === p || (p.endsWith('/') && part.startsWith(p)) || p === '')!;
      for (const t of imports) if (!allowed(t)) broken.push(`${file} -> ${t}`);
    }
    expect(broken).toEqual([]);
  });

  it('the core uses no Node globals (process, Buffer, require, __dirname) and no protocol types', () => {
    const nodeGlobal = /\bprocess\.(?:env|argv|cwd|exit|platform|stdout|stderr|hrtime|memoryUsage)\b|\bBuffer\.|\brequire\(|\b__dirname\b|\b__filename\b/;
    // Type-only imports leave no trace in the bundle, so these are read from the source.
    const protocol = /from\s+['"](?:vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:[^'"]+|fs|path|os)['"]/;
    const used = coreFiles.filter((f) => { const text = readFileSync(join(root, f), 'utf8'); return nodeGlobal.test(text) || protocol.test(text); });
    expect(used).toEqual([]);
  });

  it('the client takes nothing of the server but its protocol module, which takes nothing at run time', async () => {
    const graph = await runtimeImports(['client/src/extension.ts'], 'node', ['vscode']);
    const fromServer = [...graph.keys()].filter((f) => f.startsWith('server/')).map((f) => relative(root, join(root, f)));
    expect(fromServer).toEqual(['server/src/lsp/protocol.ts']);
    expect(graph.get('server/src/lsp/protocol.ts')).toEqual([]);
  });
});
