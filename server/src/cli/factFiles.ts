// Fact files for the CLI: the same discovery, parsing and error locations as the editor uses
// (server/src/workspace), so `factdesk facts validate` prints exactly what the editor shows.
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBundledFactBase } from '../core/facts/bundled';
import type { FactBase } from '../core/types';
import { FactWorkspace, type FactWorkspaceResult } from '../workspace/factWorkspace';
import { displayPath } from './files';

const isDir = (p: string) => { try { return statSync(p).isDirectory(); } catch { return false; } };

/**
 * Loads the fact files named with --facts (files or folders) and those found in the folders
 * being checked, merged with the bundled base unless it is switched off.
 */
export function loadFactFiles(factPaths: readonly string[], folders: readonly string[], cwd: string, bundled: () => FactBase = loadBundledFactBase, useBundled = true): FactWorkspaceResult {
  const ws = new FactWorkspace(bundled);
  const abs = (p: string) => path.resolve(cwd, p);
  ws.setFolders([...folders, ...factPaths].map(abs).filter(isDir).map((d) => pathToFileURL(d).href));
  // Files named on the command line are the user's own choice, as an absolute path in the user
  // settings is in the editor: they may lie outside the folders being checked.
  const named = factPaths.map(abs).filter((p) => !isDir(p));
  ws.setSettings({ factFiles: named, useBundledFacts: useBundled, userFactFiles: named });
  ws.rescan();
  // A file named explicitly is loaded whatever its name.
  for (const p of factPaths) if (!isDir(abs(p))) ws.fileEvent(pathToFileURL(abs(p)).href, false);
  return ws.build();
}

/** "file:line:col: message" lines, 1-based as compilers print them; empty when all is well. */
export function formatFactProblems(result: FactWorkspaceResult, cwd: string): string[] {
  const lines: string[] = [];
  for (const [uri, problems] of [...result.problems].sort(([a], [b]) => a.localeCompare(b))) {
    const file = displayPath(cwd, fileURLToPath(uri));
    for (const p of problems) lines.push(`${file}:${p.start.line + 1}:${p.start.character + 1}: ${p.message}`);
  }
  return lines;
}
