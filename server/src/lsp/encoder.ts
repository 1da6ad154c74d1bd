// How messages are turned into bytes on stdio. Every publication carries all of a draft's
// diagnostics, and a keystroke in a book-length draft changes a few of thousands: the rest are the
// very objects sent last time (toDiagnostics reuses them), in the same order. So the bytes of the
// last publication of each document are kept, with where each diagnostic lies in them, and a new
// publication copies the stretches it shares with the last one (before and after what changed)
// whole: two copies instead of JSON.stringify and UTF-8 encoding of the whole list (~13 of the
// server's 27–31 ms per keystroke in 1 MB of our drafts, 4,482 diagnostics), or a copy per
// diagnostic (~1 µs each before the code is warm, on the first keystroke after an open).
import type { ContentTypeEncoder, Message, MessageWriterOptions } from 'vscode-jsonrpc';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
const CLOSE = ']}}';

/**
 * The diagnostics of a document's last publication and their bytes: diagnostic i is
 * body[starts[i], ends[i]), with a comma between each and the next. Diagnostics are never
 * changed once made (a moved one is a copy), so an object sent again is the same bytes.
 */
interface Sent {
  list: readonly unknown[];
  body: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
}
const lastSent = new Map<string, Sent>();

interface Publication { method: string; params: { uri: unknown; diagnostics: unknown[] } }
const isPublication = (msg: Message): msg is Message & Publication => {
  const m = msg as Partial<Publication>;
  return m.method === PUBLISH && typeof m.params === 'object' && m.params !== null && Array.isArray(m.params.diagnostics);
};

/**
 * The list's bytes, joined by commas, as parts to put after `head`, taking from `last` the
 * stretches at its start and end that are the same objects; offsets are from the end of `head`.
 */
function encodeList(head: Uint8Array, list: readonly unknown[], last: Sent | undefined): { parts: Uint8Array[]; length: number; sent: Omit<Sent, 'body'> } {
  const n = list.length;
  const m = last?.list.length ?? 0;
  let same = 0;
  let sameEnd = 0;
  if (last) {
    const limit = Math.min(n, m);
    while (same < limit && list[same] === last.list[same]) same++;
    while (sameEnd < limit - same && list[n - 1 - sameEnd] === last.list[m - 1 - sameEnd]) sameEnd++;
  }
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const parts: Uint8Array[] = [head];
  let at = 0;
  const put = (bytes: Uint8Array) => { parts.push(bytes); at += bytes.length; };
  if (same) {
    // Offsets there are what they were: both bodies start with these bytes.
    put(last!.body.subarray(0, last!.ends[same - 1]));
    starts.set(last!.starts.subarray(0, same));
    ends.set(last!.ends.subarray(0, same));
  }
  // What changed is written as one string and encoded at once: a first publication of a 1 MB
  // draft is thousands of diagnostics, each of which had its own encoding and small buffer.
  if (same < n - sameEnd) {
    let joined = '';
    for (let i = same; i < n - sameEnd; i++) {
      const json = JSON.stringify(list[i]) ?? 'null';
      if (i) { joined += ','; at += 1; }
      starts[i] = at;
      at += Buffer.byteLength(json, 'utf8');
      ends[i] = at;
      joined += json;
    }
    parts.push(Buffer.from(joined, 'utf8'));
  }
  if (sameEnd) {
    if (n - sameEnd) put(COMMA);
    const from = last!.starts[m - sameEnd]!;
    const by = at - from;
    put(last!.body.subarray(from, last!.ends[m - 1]));
    for (let k = 0; k < sameEnd; k++) {
      starts[n - sameEnd + k] = last!.starts[m - sameEnd + k]! + by;
      ends[n - sameEnd + k] = last!.ends[m - sameEnd + k]! + by;
    }
  }
  return { parts, length: at, sent: { list, starts, ends } };
}

/** The message as JSON.stringify writes it (a publication's diagnostics from the last one's bytes where they are the same). */
export function encodeMessage(msg: Message): Buffer {
  if (!isPublication(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
  // The list is put in where JSON.stringify writes it: last, as the library orders the keys.
  if (Object.keys(msg).at(-1) !== 'params' || Object.keys(msg.params).at(-1) !== 'diagnostics') return Buffer.from(JSON.stringify(msg), 'utf8');
  const { uri, diagnostics } = msg.params;
  const key = typeof uri === 'string' ? uri : null;
  const json = JSON.stringify({ ...msg, params: { ...msg.params, diagnostics: [] } });
  const head = Buffer.from(json.slice(0, -CLOSE.length), 'utf8');
  const { parts, length, sent } = encodeList(head, diagnostics, key === null ? undefined : lastSent.get(key));
  parts.push(Buffer.from(CLOSE, 'utf8'));
  const out = Buffer.concat(parts, head.length + length + CLOSE.length);
  // A closed or clean document keeps nothing here.
  if (key !== null) {
    if (diagnostics.length) lastSent.set(key, { ...sent, body: out.subarray(head.length, head.length + length) }); else lastSent.delete(key);
  }
  return out;
}

const encoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (msg) => {
    try { return Promise.resolve(encodeMessage(msg)); } catch (e) { return Promise.reject(e); }
  },
};

/** Writer options for the stdio transport (server.ts). */
export const writerOptions: MessageWriterOptions = { charset: 'utf-8', contentTypeEncoder: encoder };
