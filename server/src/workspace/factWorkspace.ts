// The workspace's fact files: discovered on disk, overridden by open editor buffers, merged with
// the bundled base. Keeps each file's last good facts so a broken edit never un-checks a draft.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { collectRefs, mergeFactBases, type MergedFactBase } from '../core/facts/merge';
import type { ExternalRefs } from '../core/facts/parse';
import type { Fact, FactBase } from '../core/types';
import {
  declaredRefs, FACT_FILE_RE, locatePath, MAX_JSON_FACT_FILE_BYTES, oversizeFactFile, parseFactFile, pathOfId, readFactFile, type LocatedProblem, type ReadFactFile, type TextRange,
} from './factFile';
import { globToRegExp } from './glob';

export interface FactFileSettings {
  factFiles: string[];
  useBundledFacts: boolean;
  /**
   * The entries of factFiles that come from the user's own settings, as the client reports them
   * (VS Code: `inspect().globalValue`). Only these may name files outside the workspace folders:
   * a workspace's settings travel with the repository and must not make the server read, say,
   * ~/.ssh/id_rsa and show its lines in diagnostics.
   */
  userFactFiles?: string[];
}

interface FileState {
  /** Text of the open editor buffer, which wins over the disk while the file is open. */
  buffer: string | null;
  /**
   * Deleted on disk while a buffer still holds it (an editor tab, or a model VS Code keeps for a
   * while): its facts are gone until the file is created again, e.g. by saving that buffer.
   */
  deleted?: boolean;
  /** Facts last in use from this file (the last good version of each). */
  lastGood: FactBase | null;
  /**
   * What the file's text last gave, kept until that text changes (an edit in its buffer, a change
   * event on disk, a close): a keystroke in one fact file must not read and parse every other one.
   * The text itself is not kept, since a 40 MB file would add 80 MB to the memory its facts take.
   */
  read?: CachedRead;
}

interface CachedRead {
  /** The buffer text it was read from; null when read from disk. */
  from: string | null;
  /** The sources and entities the file declares, lent to the other files. */
  declared: Pick<FactBase, 'sources' | 'entities'>;
  /** The refs it was last parsed against (see refsKey); parsed again when they change. */
  refsKey?: string;
  problems?: LocatedProblem[];
  effective?: FactBase | null;
  /** Where ids named by merge problems are in the text ("fact:id"), found once per text. */
  located?: Map<string, TextRange>;
}

/**
 * Which ids the other files declare: all a file's parse depends on besides its own text
 * (parseFactBase only asks whether an id exists).
 */
function refsKey(refs: ExternalRefs): string {
  return `${[...refs.sources.keys()].join('\n')}\u0000${[...refs.entities.keys()].join('\n')}`;
}

export interface FactWorkspaceResult {
  merged: MergedFactBase;
  /** Problems per fact file URI; a file with none is listed with [] so its old squiggles clear. */
  problems: Map<string, LocatedProblem[]>;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MAX_FILES = 2000;

export class FactWorkspace {
  private folders: string[] = [];
  private settings: FactFileSettings = { factFiles: [], useBundledFacts: true };
  private realFolders: string[] = [];
  private readonly files = new Map<string, FileState>();
  /** Paths already warned about, so a refused file is logged once, not on every reload. */
  private readonly warned = new Set<string>();

  constructor(private readonly bundled: () => FactBase, private readonly warn: (message: string) => void = () => {}) {}

  setFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    this.realFolders = this.folders.map((f) => { try { return realpathSync(f); } catch { return f; } });
  }

  /** The innermost workspace folder holding a document (a path), or null. */
  folderOf(uri: string): string | null {
    if (!uri.startsWith('file:')) return null;
    const path = fileURLToPath(uri);
    const holding = this.folders.filter((f) => { const rel = relative(f, path); return !rel.startsWith('..') && !isAbsolute(rel); });
    return holding.sort((a, b) => b.length - a.length)[0] ?? null;
  }

  hasFolders(): boolean {
    return this.folders.length > 0;
  }

  /** True when the settings differ from the ones in use. */
  setSettings(s: FactFileSettings): boolean {
    const changed = JSON.stringify(s) !== JSON.stringify(this.settings);
    this.settings = s;
    // Which files may be read depends on the settings: read again rather than trust a cached text.
    if (changed) for (const state of this.files.values()) delete state.read;
    return changed;
  }

  /** Whether a document is one of ours: named *.facts.yaml/json, or matched by factFiles. */
  isFactFile(uri: string): boolean {
    if (!uri.startsWith('file:')) return FACT_FILE_RE.test(uri);
    const path = fileURLToPath(uri);
    return FACT_FILE_RE.test(path) || this.matchesSetting(path);
  }

  private matchesSetting(path: string): boolean {
    return this.settings.factFiles.some((g) => {
      const re = globToRegExp(g);
      if (isAbsolute(g)) return re.test(path.split(sep).join('/'));
      return this.folders.some((f) => {
        const rel = relative(f, path);
        return !rel.startsWith('..') && re.test(rel.split(sep).join('/'));
      });
    });
  }

  /** Re-lists the workspace folders. Called at start, on settings changes and on created/deleted files. */
  rescan(): void {
    const found = new Set<string>();
    const walk = (dir: string, depth: number) => {
      if (depth > 12 || found.size >= MAX_FILES) return;
      let entries: string[];
      try { entries = readdirSync(dir); } catch { return; }
      for (const name of entries) {
        if (SKIP_DIRS.has(name)) continue;
        const full = join(dir, name);
        let isDir = false;
        // A symlinked folder is not walked: it may lead out of the workspace, or round in a loop.
        try { isDir = lstatSync(full).isDirectory(); } catch { continue; }
        if (isDir) walk(full, depth + 1);
        else if (FACT_FILE_RE.test(name) || this.matchesSetting(full)) found.add(pathToFileURL(full).href);
      }
    };
    for (const f of this.folders) walk(f, 0);
    for (const g of this.settings.factFiles) if (isAbsolute(g) && !/[*?[]/.test(g)) found.add(pathToFileURL(g).href);
    for (const uri of [...this.files.keys()]) if (!found.has(uri) && this.files.get(uri)!.buffer === null) this.files.delete(uri);
    for (const uri of found) if (!this.files.has(uri)) this.files.set(uri, { buffer: null, lastGood: null });
  }

  /** An open buffer's text (or null when closed: the disk is read again). */
  setBuffer(uri: string, text: string | null): void {
    const state = this.files.get(uri) ?? { buffer: null, lastGood: null };
    if (text === null && state.deleted) { this.files.delete(uri); return; } // closed, and gone from disk
    state.buffer = text;
    if (text === null) delete state.read; // closed, perhaps after a save: read the disk again
    this.files.set(uri, state);
  }

  /** A file created, changed or deleted on disk. A deleted file's facts go with it. */
  fileEvent(uri: string, deleted: boolean): void {
    if (deleted) {
      const state = this.files.get(uri);
      if (!state) return;
      if (state.buffer === null) this.files.delete(uri);
      else { state.deleted = true; state.lastGood = null; }
      return;
    }
    const state = this.files.get(uri);
    if (state) { delete state.read; delete state.deleted; }
    else this.files.set(uri, { buffer: null, lastGood: null });
  }

  /**
   * Whether the server may read a fact file from disk: its real path (symlinks resolved) lies in a
   * workspace folder, or it is named by an absolute path in the user's own settings.
   */
  private mayRead(path: string): boolean {
    let real: string;
    try { real = realpathSync(path); } catch { return true; } // gone: the read fails and the file is dropped
    const inside = (folder: string) => { const rel = relative(folder, real); return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)); };
    if (this.realFolders.some(inside)) return true;
    const user = (this.settings.userFactFiles ?? []).filter((g) => isAbsolute(g) && this.settings.factFiles.includes(g));
    if (user.some((g) => resolve(g) === resolve(path) || resolve(g) === real)) return true;
    if (!this.warned.has(path)) {
      this.warned.add(path);
      this.warn(`[fact files] not reading ${path}: it is outside the workspace folders${real !== path ? ` (it links to ${real})` : ''}. `
        + 'Fact files outside the workspace are read only when factdesk.factFiles names them in your user settings.');
    }
    return false;
  }

  private textOf(uri: string, state: FileState): string | { tooLarge: number } | null {
    if (state.buffer !== null) return state.buffer;
    try {
      const path = fileURLToPath(uri);
      if (!this.mayRead(path)) return null;
      // Size first: a 2 GB file named *.facts.json must not be read into memory to be refused.
      const size = statSync(path).size;
      // Decoded from a Buffer: for a 40 MB file some 30 ms sooner than readFileSync(path, 'utf8') on Node 20.
      return size > MAX_JSON_FACT_FILE_BYTES ? { tooLarge: size } : readFileSync(path).toString('utf8');
    } catch { return null; }
  }

  /** The file read now; null when it is gone (or not ours to read). */
  private readNow(uri: string, state: FileState): ReadFactFile | null {
    const text = this.textOf(uri, state);
    if (text === null) return null;
    return typeof text === 'string' ? readFactFile(text) : oversizeFactFile(text.tooLarge);
  }

  /** Parses every changed file and merges all of them with the bundled base (when enabled). */
  build(): FactWorkspaceResult {
    const problems = new Map<string, LocatedProblem[]>();
    const bundled = this.settings.useBundledFacts ? this.bundled() : null;
    const uris = [...this.files.keys()].sort();
    // Read in this build: files whose text changed, then any whose refs changed or that a merge
    // problem has to be located in.
    const reads = new Map<string, ReadFactFile>();
    const live: Array<[string, FileState, CachedRead]> = [];
    for (const uri of uris) {
      const state = this.files.get(uri)!;
      if (state.deleted) continue;
      if (!state.read || state.read.from !== state.buffer) {
        const read = this.readNow(uri, state);
        if (!read) { this.files.delete(uri); continue; }
        reads.set(uri, read);
        state.read = { from: state.buffer, declared: declaredRefs(read) };
      }
      live.push([uri, state, state.read]);
    }
    const readOf = (uri: string, state: FileState): ReadFactFile | null => {
      let read = reads.get(uri);
      if (!read) { read = this.readNow(uri, state) ?? undefined; if (read) reads.set(uri, read); }
      return read ?? null;
    };
    const refs = collectRefs([...(bundled ? [bundled] : []), ...live.map(([, , r]) => r.declared)]);
    const key = refsKey(refs);
    const layers = bundled ? [{ origin: 'bundled', base: bundled }] : [];
    for (const [uri, state, cached] of live) {
      if (cached.refsKey !== key) {
        const read = readOf(uri, state);
        const { base, problems: found } = read ? parseFactFile(read, refs) : { base: null, problems: [] };
        cached.refsKey = key;
        cached.problems = found;
        cached.effective = base && read ? keepLastGood(base, state.lastGood, read.data) : state.lastGood;
      }
      problems.set(uri, [...cached.problems!]);
      state.lastGood = cached.effective ?? null;
      if (state.lastGood) layers.push({ origin: uri, base: state.lastGood });
    }
    const merged = mergeFactBases(layers);
    for (const p of merged.problems) {
      const state = this.files.get(p.origin);
      if (!state?.read) continue;
      const where = `${p.what}:${p.id}`;
      let at = state.read.located?.get(where);
      if (!at) {
        const read = readOf(p.origin, state);
        if (!read) continue;
        at = locatePath(read, pathOfId(read.data, p.what, p.id));
        (state.read.located ??= new Map()).set(where, at);
      }
      problems.get(p.origin)?.push({ ...at, message: p.message, kind: p.message.includes('supersedes') ? 'reference' : 'duplicate' });
    }
    return { merged, problems };
  }

  knownFiles(): string[] {
    return [...this.files.keys()];
  }
}

/**
 * A fact that became invalid keeps its last good version, as long as the file still names it;
 * a fact removed from the file is gone.
 */
function keepLastGood(current: FactBase, lastGood: FactBase | null, data: unknown): FactBase {
  if (!lastGood) return current;
  const kept = new Set(current.facts.map((f) => f.id));
  const facts = (data as { facts?: unknown } | null)?.facts;
  const named = new Set(Array.isArray(facts) ? facts.map((f: unknown) => (f && typeof f === 'object' ? (f as { id?: unknown }).id : undefined)) : []);
  const carried: Fact[] = lastGood.facts.filter((f) => !kept.has(f.id) && named.has(f.id));
  if (!carried.length) return current;
  const sources = new Map([...lastGood.sources, ...current.sources]);
  const entities = new Map([...lastGood.entities, ...current.entities]);
  return { sources, entities, facts: [...current.facts, ...carried] };
}
