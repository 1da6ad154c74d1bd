// Round trips against the real language server over stdio, as an editor drives it: didOpen ->
// publishDiagnostics, and a one-character incremental didChange in the middle of the draft ->
// publishDiagnostics. A fresh `node dist/server.js --stdio` per draft size, so a slow big draft
// cannot hold up the small ones; the client answers workspace/configuration with null (defaults).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { PREVIEW_AFTER, PREVIEW_REST } from '../../server/src/core/incremental';
import { frame, MessageReader } from './framing';
import { median, percentile } from './measure';

export interface Message {
  id?: number | string;
  method?: string;
  params?: { uri?: string; version?: number; diagnostics?: Array<{ message: string; code?: unknown }> } & Record<string, unknown>;
  result?: unknown;
  error?: { code: number; message: string };
}

export class Client {
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly listeners = new Set<(m: Message) => void>();
  stderr = '';
  exited: string | null = null;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    const reader = new MessageReader((body) => this.onMessage(JSON.parse(body) as Message));
    child.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
    child.stderr.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString()).slice(-5000); });
    child.on('exit', (code, sig) => { this.exited = `server exited (${code ?? sig})`; });
  }

  private onMessage(msg: Message): void {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(Number(msg.id));
      if (p) { this.pending.delete(Number(msg.id)); p(msg); }
    } else if (msg.id !== undefined && msg.method) {
      // Requests from the server: answer as a plain editor would.
      let result: unknown = null;
      if (msg.method === 'workspace/configuration') result = ((msg.params?.items as unknown[]) ?? []).map(() => null);
      if (msg.method === 'workspace/workspaceFolders') result = [];
      this.send({ id: msg.id, result });
    } else {
      for (const l of [...this.listeners]) l(msg);
    }
  }

  send(msg: Record<string, unknown>): void {
    this.child.stdin.write(frame({ jsonrpc: '2.0', ...msg }));
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  request(method: string, params: unknown, ms: number): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method}: no answer in ${ms} ms`)); }, ms);
      this.pending.set(id, (m) => { clearTimeout(t); if (m.error) reject(new Error(m.error.message)); else resolve(m.result); });
      this.send({ id, method, params });
    });
  }

  /** The first `n` notifications matching `pred` and when each came, counted from `trigger`. */
  waitForEach(pred: (m: Message) => boolean, n: number, ms: number, trigger: () => void): Promise<Array<{ msg: Message; ms: number }>> {
    return new Promise((resolve, reject) => {
      const got: Array<{ msg: Message; ms: number }> = [];
      let t0 = 0;
      const l = (m: Message) => {
        if (!pred(m)) return;
        got.push({ msg: m, ms: performance.now() - t0 });
        if (got.length < n) return;
        done();
        resolve(got);
      };
      const t = setTimeout(() => { done(); reject(new Error(`${got.length} of ${n} matching notifications in ${ms} ms${this.exited ? ` (${this.exited})` : ''}`)); }, ms);
      const done = () => { clearTimeout(t); this.listeners.delete(l); };
      this.listeners.add(l);
      t0 = performance.now();
      trigger();
    });
  }

  /** Resolves with the first notification matching `pred` (armed before `trigger` runs). */
  waitFor(pred: (m: Message) => boolean, ms: number, trigger: () => void): Promise<{ msg: Message; ms: number }> {
    return new Promise((resolve, reject) => {
      let t0 = 0;
      const l = (m: Message) => {
        if (!pred(m)) return;
        const took = performance.now() - t0;
        done();
        resolve({ msg: m, ms: took });
      };
      const t = setTimeout(() => { done(); reject(new Error(`no matching notification in ${ms} ms${this.exited ? ` (${this.exited})` : ''}`)); }, ms);
      const done = () => { clearTimeout(t); this.listeners.delete(l); };
      this.listeners.add(l);
      t0 = performance.now();
      trigger();
    });
  }
}

export function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; s.push(i + 1); } else if (c === 10) s.push(i + 1);
  }
  return s;
}

export function position(starts: number[], off: number): { line: number; character: number } {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= off) lo = mid; else hi = mid - 1; }
  return { line: lo, character: off - starts[lo]! };
}

export interface RoundTrips {
  /** ms, median / p95 / n. */
  p50: number;
  p95: number;
  n: number;
  min: number;
  max: number;
}

export interface LspRow {
  draft: string;
  /** spawn -> initialize answered. */
  startupMs: number;
  /**
   * didOpen -> the first publishDiagnostics for it. On a long draft that is a preview: the
   * findings of its first part, published before the rest is read (IncrementalChecker's Preview).
   */
  open?: RoundTrips;
  /** didOpen -> the last publishDiagnostics for it: all of the draft checked. */
  openAll?: RoundTrips;
  /** The same two for the warm-up open, the first in a fresh server (nothing compiled by the JIT yet). */
  coldOpenMs?: number;
  coldOpenAllMs?: number;
  edit?: RoundTrips;
  /** Diagnostics published for the draft (after the edit). */
  diagnostics?: number;
  /** The size guard answered instead of a check. */
  tooLarge?: boolean;
  error?: string;
}

/** initialize, answered, then initialized: as an editor starts a server. */
export async function initialize(c: Client): Promise<void> {
  await c.request('initialize', {
    processId: process.pid, clientInfo: { name: 'factdesk-bench' }, rootUri: null, workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
  }, 30_000);
  c.notify('initialized', {});
}

/** Matches the publication of a document's diagnostics for one version. */
export const publishedFor = (uri: string, version: number) => (m: Message): boolean =>
  m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && m.params.version === version;

/**
 * Opens a draft and waits for all it publishes: a long draft read afresh is published twice, a
 * preview of its first part and then all of it (core/incremental.ts).
 */
export function openDraft(c: Client, uri: string, text: string, timeoutMs: number): Promise<Array<{ msg: Message; ms: number }>> {
  return c.waitForEach(publishedFor(uri, 1), text.length >= PREVIEW_AFTER + PREVIEW_REST ? 2 : 1, timeoutMs, () =>
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }));
}

const rt = (xs: number[]): RoundTrips => ({ p50: median(xs), p95: percentile(xs, 0.95), n: xs.length, min: Math.min(...xs), max: Math.max(...xs) });

/**
 * Opens the draft `reps + 1` times under fresh URIs (the first is warm-up), each followed by one
 * character typed at a word start in the middle; every round trip ends when publishDiagnostics
 * arrives for that URI and version.
 */
export async function lspRoundTrips(serverJs: string, name: string, text: string, reps: number, timeoutMs: number): Promise<LspRow> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const c = new Client(child);
  const row: LspRow = { draft: name, startupMs: NaN };
  try {
    await initialize(c);
    row.startupMs = performance.now() - t0;

    const starts = lineStarts(text);
    let mid = text.indexOf(' ', text.length >> 1);
    mid = mid < 0 ? text.length >> 1 : mid + 1;
    const at = position(starts, mid);
    const opens: number[] = [], openAlls: number[] = [], edits: number[] = [];
    for (let i = 0; i <= reps; i++) {
      const uri = `file:///factdesk-bench/${encodeURIComponent(name.replace(/\W+/g, '-'))}-${i}.md`;
      const forUri = (version: number) => publishedFor(uri, version);
      const published = await openDraft(c, uri, text, timeoutMs);
      const open = published[0]!, all = published.at(-1)!.ms;
      const edit = await c.waitFor(forUri(2), timeoutMs, () =>
        c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'a' }] }));
      const diags = edit.msg.params?.diagnostics ?? [];
      row.diagnostics = diags.length;
      row.tooLarge = diags.some((d) => /too large|larger than|maxFileSizeKB/i.test(d.message));
      c.notify('textDocument/didClose', { textDocument: { uri } });
      if (i > 0) { opens.push(open.ms); openAlls.push(all); edits.push(edit.ms); } else { row.coldOpenMs = open.ms; row.coldOpenAllMs = all; }
    }
    row.open = rt(opens);
    row.openAll = rt(openAlls);
    row.edit = rt(edits);
    await c.request('shutdown', null, 5000).catch(() => undefined);
    c.notify('exit', null);
  } catch (e) {
    row.error = `${e instanceof Error ? e.message : String(e)}${c.stderr ? ` | stderr: ${c.stderr.slice(-300)}` : ''}`;
  } finally {
    setTimeout(() => { if (c.exited === null) child.kill(); }, 1000).unref();
    await new Promise<void>((resolve) => {
      if (c.exited !== null) return resolve();
      child.once('exit', () => resolve());
      setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 3000).unref();
    });
  }
  return row;
}
