// How messages are turned into bytes on stdio. Every publication carries all of a draft's
// diagnostics, and a keystroke in a book-length draft changes a few of thousands: the rest are the
// very objects sent last time (toDiagnostics reuses them). Their bytes are kept, so a publication
// costs a copy of them instead of JSON.stringify and UTF-8 encoding of the whole list (~13 of the
// server's 27–31 ms per keystroke in 1 MB of our drafts, 4,482 diagnostics).
import type { ContentTypeEncoder, Message, MessageWriterOptions } from 'vscode-jsonrpc';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
const CLOSE = ']}}';

/**
 * Bytes of each diagnostic sent, by the object itself. Diagnostics are never changed once made
 * (a moved one is a copy): an object seen again is the same diagnostic, and so are its bytes.
 */
const sent = new WeakMap<object, Uint8Array>();
// Not Buffer.from: a small Buffer is a slice of a shared 8 KB pool, and one kept for as long as
// its diagnostic lives would keep the whole pool block alive.
const utf8 = new TextEncoder();

function bytesOf(d: unknown): Uint8Array {
  if (d === null || typeof d !== 'object') return utf8.encode(JSON.stringify(d) ?? 'null');
  let b = sent.get(d);
  if (!b) { b = utf8.encode(JSON.stringify(d)); sent.set(d, b); }
  return b;
}

interface Publication { method: string; params: { diagnostics: unknown[] } }
const isPublication = (msg: Message): msg is Message & Publication => {
  const m = msg as Partial<Publication>;
  return m.method === PUBLISH && typeof m.params === 'object' && m.params !== null && Array.isArray(m.params.diagnostics);
};

/** The message as JSON.stringify writes it (a publication's diagnostics from the kept bytes). */
export function encodeMessage(msg: Message): Buffer {
  if (!isPublication(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
  // The list is put in where JSON.stringify writes it: last, as the library orders the keys.
  if (Object.keys(msg).at(-1) !== 'params' || Object.keys(msg.params).at(-1) !== 'diagnostics') return Buffer.from(JSON.stringify(msg), 'utf8');
  const { diagnostics } = msg.params;
  const head = JSON.stringify({ ...msg, params: { ...msg.params, diagnostics: [] } });
  const parts: Uint8Array[] = [Buffer.from(head.slice(0, -CLOSE.length), 'utf8')];
  diagnostics.forEach((d, i) => {
    if (i) parts.push(COMMA);
    parts.push(bytesOf(d));
  });
  parts.push(Buffer.from(CLOSE, 'utf8'));
  return Buffer.concat(parts);
}

const encoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (msg) => {
    try { return Promise.resolve(encodeMessage(msg)); } catch (e) { return Promise.reject(e); }
  },
};

/** Writer options for the stdio transport (server.ts). */
export const writerOptions: MessageWriterOptions = { charset: 'utf-8', contentTypeEncoder: encoder };
