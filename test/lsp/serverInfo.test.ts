// factdesk/serverInfo: the client's crash recovery tells a restarted server from the dead one by
// its process id, so the answer must be the real pid of the process on the other end.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LspClient } from './client';

let client: LspClient;
beforeAll(async () => { client = new LspClient(); await client.initialize(); });
afterAll(async () => { await client.shutdown(); });

it('answers the server process id and its age', async () => {
  const info = await client.request<{ pid: number; uptimeMs: number }>('factdesk/serverInfo', {});
  expect(info.pid).toBe(client.child.pid);
  expect(info.uptimeMs).toBeGreaterThan(0);
});

it('killing the reported pid ends that server (what the in-editor crash-recovery test relies on)', async () => {
  const c = new LspClient();
  await c.initialize();
  const { pid } = await c.request<{ pid: number }>('factdesk/serverInfo', {});
  process.kill(pid, 'SIGKILL');
  await c.until('exit', () => c.exit, 5000);
  expect(c.exit?.signal).toBe('SIGKILL');
});
