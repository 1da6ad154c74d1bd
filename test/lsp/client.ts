// A small LSP client for tests: starts `node dist/server.js --stdio`, frames JSON-RPC with
// Content-Length headers, answers the server's own requests the way a plain editor would, and
// keeps the last diagnostics published per document.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ClientCapabilities, CodeAction, Diagnostic, Hover, InitializeResult, Position, Range, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';

export const SERVER = resolve(__dirname, '../../dist/server.js');

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** How the fake editor answers workspace/configuration: one value per requested item. */
export type ConfigurationAnswer = (item: { scopeUri?: string; section?: string }) => unknown;

export const FULL_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.rewrite', 'source'] } },
      isPreferredSupport: true, dataSupport: true,
    },
  },
};

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';
  readonly logs: string[] = [];
  readonly serverRequests: Message[] = [];
  /** Notifications other than diagnostics and log messages (factdesk/factBaseChanged). */
  readonly notifications: Message[] = [];
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  /** Answer to workspace/configuration; by default null for every item, as a bare editor does. */
  configuration: ConfigurationAnswer = () => null;

  private buf = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly published = new Map<string, Published[]>();
  private readonly waiters: Array<() => void> = [];

  constructor(args: string[] = ['--stdio']) {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} not found: run "npm run build" first`);
    this.child = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code ?? signal})\n${this.stderr}`));
      this.pending.clear();
      this.wake();
    });
  }

  private onData(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const head = this.buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const m = /Content-Length:\s*(\d+)/i.exec(this.buf.subarray(0, head).toString('ascii'));
      if (!m) throw new Error(`bad header from server: ${this.buf.subarray(0, head).toString()}`);
      const start = head + 4;
      const len = Number(m[1]);
      if (this.buf.length < start + len) return;
      const msg = JSON.parse(this.buf.subarray(start, start + len).toString('utf8')) as Message;
      this.buf = this.buf.subarray(start + len);
      this.onMessage(msg);
    }
  }

  private onMessage(msg: Message): void {
    if (msg.id !== undefined && msg.id !== null && msg.method === undefined) {
      const p = this.pending.get(Number(msg.id));
      if (!p) return;
      this.pending.delete(Number(msg.id));
      if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined && msg.method) {
      this.serverRequests.push(msg);
      let result: unknown = null;
      if (msg.method === 'workspace/configuration') {
        const items = (msg.params as { items?: Array<{ scopeUri?: string; section?: string }> } | undefined)?.items ?? [];
        result = items.map((i) => this.configuration(i));
      }
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') {
      const p = msg.params as Published;
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
    } else if (msg.method === 'window/logMessage') {
      this.logs.push((msg.params as { message: string }).message);
    } else if (msg.method) {
      this.notifications.push(msg);
    }
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private send(msg: Message): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<R>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<R>((resolve, reject) => {
      const t = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method}: no answer in ${timeoutMs} ms\n${this.stderr}`)); }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => { clearTimeout(t); resolve(v as R); },
        reject: (e) => { clearTimeout(t); reject(e); },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async initialize(capabilities: ClientCapabilities = FULL_CAPABILITIES, workspaceFolders: Array<{ uri: string; name: string }> | null = null): Promise<InitializeResult> {
    const r = await this.request<InitializeResult>('initialize', {
      processId: process.pid, clientInfo: { name: 'fact-desk-tests' }, rootUri: null, workspaceFolders, capabilities,
    }, 30_000);
    this.notify('initialized', {});
    return r;
  }

  /** Waits until `pred` holds, re-checking on every message from the server. */
  async until<T>(what: string, pred: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = pred();
      if (v) return v;
      if (this.exit) throw new Error(`server exited while waiting for ${what}\n${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /** Every publication for a document so far, oldest first. */
  publications(uri: string): Published[] {
    return this.published.get(uri) ?? [];
  }

  /** Diagnostics published for exactly this version of the document. */
  diagnostics(uri: string, version: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return this.until(`diagnostics for ${uri} v${version}`, () =>
      this.publications(uri).filter((p) => p.version === version).at(-1)?.diagnostics, timeoutMs);
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: Array<{ range: Range; text: string } | { text: string }>): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[] | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}), triggerKind: 1 } });
  }

  async shutdown(): Promise<void> {
    if (this.exit) return;
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
      await this.until('exit', () => this.exit, 3000);
    } catch {
      this.child.kill();
    }
  }
}

// ---- text helpers -------------------------------------------------------------------------

/** Position of the n-th occurrence of `needle` (0-based n), in UTF-16 line/character. */
export function positionOf(text: string, needle: string, n = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${n}) not in text`);
  }
  return TextDocument.create('file:///x', 'markdown', 0, text).positionAt(at);
}

/** Range covering the n-th occurrence of `needle`. */
export function rangeOf(text: string, needle: string, n = 0): Range {
  const start = positionOf(text, needle, n);
  const doc = TextDocument.create('file:///x', 'markdown', 0, text);
  return { start, end: doc.positionAt(doc.offsetAt(start) + needle.length) };
}

export function textAt(text: string, range: Range): string {
  const doc = TextDocument.create('file:///x', 'markdown', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

/** The edits an action makes to one document, whichever form (changes / documentChanges) it uses. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  return out;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), edits);
}

let counter = 0;
/** A fresh document URI, so tests sharing one server never see each other's diagnostics. */
export const uniqueUri = (ext = 'md') => `file:///tmp/fact-desk-tests/draft-${process.pid}-${++counter}.${ext}`;
