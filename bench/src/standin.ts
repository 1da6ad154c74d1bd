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
const diagnostics = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
const BIG = 128 * 1024;

interface Incoming { id?: number | string; method?: string; params?: { textDocument?: { uri: string; version?: number; text?: string } } }

const send = (msg: Record<string, unknown>): void => { process.stdout.write(frame({ jsonrpc: '2.0', ...msg })); };

function onMessage(m: Incoming): void {
  const doc = m.params?.textDocument;
  switch (m.method) {
    case 'initialize': return send({ id: m.id, result: { capabilities: { textDocumentSync: 2 } } });
    case 'exit': return process.exit(0);
    case 'textDocument/didOpen':
    case 'textDocument/didChange':
      return send({ method: 'textDocument/publishDiagnostics', params: {
        uri: doc!.uri, version: doc!.version,
        diagnostics: m.method === 'textDocument/didChange' || (doc!.text?.length ?? 0) >= BIG ? diagnostics : [],
      } });
    default:
      if (m.id !== undefined) send({ id: m.id, result: null });
  }
}

const reader = new MessageReader((body) => onMessage(JSON.parse(body) as Incoming));
process.stdin.on('data', (chunk: Buffer) => reader.push(chunk));
process.stdin.on('end', () => process.exit(0));
