// A language server that does no work: it answers every didChange, and the didOpen of a draft
// of 128 KB or more, at once with diagnostics recorded from the real server (a JSON array in the
// file FACTDESK_STANDIN_DIAGNOSTICS), and smaller drafts with none. Driven by an editor's
// measuring tool, it shows what the tool and the transport cost on their own: a floor no server
// sending the same diagnostics can beat. See stdio-floor.ts.
import { readFileSync } from 'node:fs';
import { frame, MessageReader } from './framing';

const file = process.env.FACTDESK_STANDIN_DIAGNOSTICS;
if (!file) {
  process.stderr.write('standin.mjs: set FACTDESK_STANDIN_DIAGNOSTICS to a JSON array of diagnostics\n');
  process.exit(2);
}
// Encoded once: a publication costs the stand-in a copy of these bytes, not a JSON.stringify of
// 1.3 MB, so what is measured is the tool and the pipe alone.
const diagnostics = Buffer.from(JSON.stringify(JSON.parse(readFileSync(file, 'utf8')) as unknown[]), 'utf8');
const NONE = Buffer.from('[]', 'ascii');
const BIG = 128 * 1024;

interface Incoming { id?: number | string; method?: string; params?: { textDocument?: { uri: string; version?: number; text?: string } } }

const send = (msg: Record<string, unknown>): void => { process.stdout.write(frame({ jsonrpc: '2.0', ...msg })); };

/** A publication whose diagnostics are bytes already encoded, framed as frame() frames a message. */
function publish(uri: string, version: number | undefined, list: Buffer): void {
  const head = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics: [] } });
  const body = Buffer.concat([Buffer.from(head.slice(0, -'[]}}'.length), 'utf8'), list, Buffer.from('}}', 'ascii')]);
  process.stdout.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
}

function onMessage(m: Incoming): void {
  const doc = m.params?.textDocument;
  switch (m.method) {
    case 'initialize': return send({ id: m.id, result: { capabilities: { textDocumentSync: 2 } } });
    case 'exit': return process.exit(0);
    case 'textDocument/didOpen':
    case 'textDocument/didChange':
      return publish(doc!.uri, doc!.version, m.method === 'textDocument/didChange' || (doc!.text?.length ?? 0) >= BIG ? diagnostics : NONE);
    default:
      if (m.id !== undefined) send({ id: m.id, result: null });
  }
}

const reader = new MessageReader((body) => onMessage(JSON.parse(body) as Incoming));
process.stdin.on('data', (chunk: Buffer) => reader.push(chunk));
process.stdin.on('end', () => process.exit(0));
