// The "Mark as checked" decisions of each workspace folder, in .factdesk/checked.json: read from
// the open buffer when the editor has it (an undone mark takes effect at once), else from disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCheckedFile, type CheckedMark } from '../core/checked';

export const CHECKED_FILE_RE = /[\\/]\.factdesk[\\/]checked\.json$/;

export class CheckedStore {
  private readonly buffers = new Map<string, string>();
  private readonly cache = new Map<string, { text: string | null; marks: CheckedMark[] }>();

  /** @param folderOf the workspace folder (a path) holding a document, or null outside any. */
  constructor(private readonly folderOf: (uri: string) => string | null) {}

  /** URI of the checked.json that governs a draft, or null for a draft outside the workspace. */
  fileFor(docUri: string): string | null {
    const folder = this.folderOf(docUri);
    return folder === null ? null : pathToFileURL(join(folder, '.factdesk', 'checked.json')).href;
  }

  isCheckedFile(uri: string): boolean {
    return CHECKED_FILE_RE.test(uri);
  }

  setBuffer(uri: string, text: string | null): void {
    if (text === null) this.buffers.delete(uri);
    else this.buffers.set(uri, text);
    this.cache.delete(uri);
  }

  /** The file changed on disk. */
  invalidate(uri: string): void {
    this.cache.delete(uri);
  }

  /** Current text of the file (buffer first), or null when it does not exist. */
  text(uri: string): string | null {
    return this.read(uri).text;
  }

  marksFor(docUri: string): CheckedMark[] {
    const uri = this.fileFor(docUri);
    return uri ? this.read(uri).marks : [];
  }

  private read(uri: string): { text: string | null; marks: CheckedMark[] } {
    const hit = this.cache.get(uri);
    if (hit) return hit;
    let text = this.buffers.get(uri) ?? null;
    if (text === null) {
      try { text = readFileSync(fileURLToPath(uri), 'utf8'); } catch { text = null; }
    }
    const entry = { text, marks: text === null ? [] : parseCheckedFile(text) };
    this.cache.set(uri, entry);
    return entry;
  }
}
