// LSP's base protocol on a byte stream: "Content-Length: N\r\n\r\n" and N bytes of JSON. Shared by
// the bench's client (lsp.ts) and the stand-in server (standin.ts).

/**
 * Cuts a stream into messages as an editor's JSON-RPC reader does: a 1 MB publication arrives in
 * some twenty pipe reads, and its body is joined once, when all of it is there. Joining and
 * searching the whole buffer on every read, as the bench's client once did, cost ~9 ms per such
 * message, which bench:typing counted against the server.
 */
export class MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The body length of the message being read, once its headers are in; -1 before. */
  private bodyLength = -1;

  constructor(private readonly onMessage: (body: string) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.bodyLength < 0) {
        // Headers are short: only what came after the last body is joined and searched.
        const buf = this.take();
        const head = buf.indexOf('\r\n\r\n');
        if (head < 0) { this.chunks = [buf]; return; }
        const m = /Content-Length:\s*(\d+)/i.exec(buf.subarray(0, head).toString('ascii'));
        this.bodyLength = Number(m?.[1] ?? 0);
        this.keep(buf.subarray(head + 4));
      }
      if (this.buffered < this.bodyLength) return;
      const all = this.take();
      const body = all.subarray(0, this.bodyLength).toString('utf8');
      this.keep(all.subarray(this.bodyLength));
      this.bodyLength = -1;
      this.onMessage(body);
    }
  }

  private take(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
  }

  private keep(rest: Buffer): void {
    this.chunks = [rest];
    this.buffered = rest.length;
  }
}

/** One message with its header, as the base protocol frames it. */
export const frame = (msg: unknown): Buffer => {
  const body = Buffer.from(JSON.stringify(msg), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};
