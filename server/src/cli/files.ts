import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './io';

export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt', '.draft'];
const SKIP_DIRS = new Set(['node_modules', '.git']);

export interface Draft {
  /** As shown in reports: relative to the working directory, with forward slashes. */
  display: string;
  absolute: string;
  text: string;
}

function reason(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return e instanceof Error ? e.message : String(e);
}

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder ${dir}: ${reason(e)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    // Symlinked folders are not followed: a link cycle must not hang a CI job.
    if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) walk(p, out); }
    else if (e.isFile() && DRAFT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(p);
  }
}

export const displayPath = (cwd: string, absolute: string) => path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);

/**
 * The drafts named on the command line: files as given, folders searched for drafts. Everything is
 * read up front so a missing or unreadable input fails the run before any report is printed.
 */
export function collectDrafts(paths: readonly string[], cwd: string): Draft[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${reason(e)}`);
    }
    if (st.isDirectory()) walk(abs, files);
    else files.push(abs);
  }
  const seen = new Set<string>();
  const drafts: Draft[] = [];
  for (const abs of files) {
    if (seen.has(abs)) continue;
    seen.add(abs);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${displayPath(cwd, abs)}: ${reason(e)}`);
    }
    drafts.push({ display: displayPath(cwd, abs), absolute: abs, text: text.replace(/^\uFEFF/, '') });
  }
  return drafts;
}

/** An article named by a source's `file`, from the folder given to `facts --verify`; null when absent. */
export function readArticle(cwd: string, dir: string, file: string): string | null {
  try {
    return readFileSync(path.resolve(cwd, dir, path.basename(file)), 'utf8');
  } catch {
    return null;
  }
}
