// Fault tolerance through the real server: every request handler answers garbage params with an
// empty result (never an error, never a crash); garbage notifications are survived; a cancelled
// request is answered; shutdown + exit ends the process with code 0. Also parseFactBase on
// generated broken raw objects: it reports problems and never throws.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFactBase } from '../../server/src/core/facts/parse';
import { CHECK_TEXT_REQUEST, CITATION_REQUEST, FACT_AT_REQUEST, FACTS_REQUEST, FINDINGS_REQUEST } from '../../server/src/lsp/protocol';
import { LspClient, positionOf, uniqueUri } from '../lsp/client';
import { report, scaled, SEED } from './common';

const DRAFT = "Russia's army now occupies about 85% of Donetsk, a senior official said.\n";
const counts = { libraryErrors: 0, garbageRequests: 0, garbageNotifications: 0, brokenFactFiles: 0, crashes: 0, errors: 0 };

const METHODS = ['textDocument/hover', 'textDocument/codeAction', FINDINGS_REQUEST, FACTS_REQUEST, CITATION_REQUEST, CHECK_TEXT_REQUEST, FACT_AT_REQUEST];

function garbageParams(openUri: string): unknown[] {
  const pos = (line: unknown, character: unknown) => ({ line, character });
  const uris: unknown[] = [null, 42, '', 'file:///nowhere/unknown.md', 'not a uri', openUri, { uri: openUri }, ['x']];
  const positions: unknown[] = [null, 'x', pos(-1, -1), pos(1e9, 1e9), pos(0, 1e9), pos(1.5, NaN), pos('0', '0'), {}];
  const out: unknown[] = [null, 0, 'string', [], {}, true, { textDocument: null }, { textDocument: 5 }];
  for (const uri of uris) {
    for (const position of positions) {
      out.push({ textDocument: { uri }, position });
      out.push({ textDocument: { uri }, range: { start: position, end: position }, context: null });
      out.push({ textDocument: { uri }, range: null, context: { diagnostics: 'x', only: 7 } });
      out.push({ uri, position, factId: 'does-not-exist', text: position, languageId: uri });
      out.push({ uri, factId: null, position });
    }
  }
  out.push({ uri: openUri, languageId: 'markdown', text: 12 });
  out.push({ uri: openUri, languageId: null, text: null });
  return out;
}

const isEmpty = (r: unknown) => r === null || (Array.isArray(r) && r.length === 0)
  || (typeof r === 'object' && r !== null && (r as { checked?: unknown }).checked === false)
  // factdesk/checkText: a summary and no diagnostics.
  || (typeof r === 'object' && r !== null && Array.isArray((r as { diagnostics?: unknown }).diagnostics) && (r as { diagnostics: unknown[] }).diagnostics.length === 0);

let client: LspClient;
beforeAll(async () => { client = new LspClient(); await client.initialize(); });
afterAll(async () => { await client.shutdown(); });

describe('garbage params', () => {
  it('every request answers garbage with an empty result and the server stays alive', async () => {
    const uri = uniqueUri();
    client.open(uri, DRAFT);
    await client.diagnostics(uri, 1);
    for (const method of METHODS) {
      for (const params of garbageParams(uri)) {
        let result: unknown;
        try {
          result = await client.request<unknown>(method, params);
        } catch (e) {
          // Params that are not an object never reach our handlers: vscode-jsonrpc answers an
          // array with InvalidParams, and vscode-languageserver reads params.workDoneToken of a
          // null first (InternalError). Those are still answers and the server stays up; every
          // object, however wrong, must be answered by our handler.
          const notObject = params === null || typeof params !== 'object' || Array.isArray(params);
          if (notObject && /-3260[23]/.test(String(e))) { counts.libraryErrors++; continue; }
          counts.errors++;
          throw new Error(`${method} ${JSON.stringify(params)}: ${String(e)}`);
        }
        counts.garbageRequests++;
        // factdesk/facts lists the facts whatever it is given; the rest answer empty unless the params name the open draft validly.
        if (method !== FACTS_REQUEST && !JSON.stringify(params ?? null).includes(uri)) {
          expect(isEmpty(result), `${method} ${JSON.stringify(params)} -> ${JSON.stringify(result)}`).toBe(true);
        }
      }
    }
    expect(client.exit).toBeNull();
    // The open draft is still checked and still hovers.
    expect(await client.hover(uri, positionOf(DRAFT, '85'))).not.toBeNull();
  }, 60_000);

  it('garbage notifications are survived, and other drafts are still checked', async () => {
    const uri = uniqueUri();
    client.open(uri, DRAFT);
    await client.diagnostics(uri, 1);
    const garbage: Array<[string, unknown]> = [
      ['textDocument/didOpen', null], ['textDocument/didOpen', { textDocument: { uri: 5, text: null } }],
      ['textDocument/didChange', null], ['textDocument/didChange', { textDocument: { uri: 'file:///unknown.md', version: 2 }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: -5, character: 0 } }, text: 'zz' }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: 'nope' }],
      ['textDocument/didSave', { textDocument: { uri: 'file:///unknown.md' } }], ['textDocument/didClose', { textDocument: { uri: 'file:///unknown.md' } }],
      ['workspace/didChangeConfiguration', { settings: { factdesk: 'garbage' } }], ['workspace/didChangeWatchedFiles', { changes: 'x' }],
      ['$/cancelRequest', { id: 'never' }], ['$/setTrace', { value: 42 }], ['factdesk/unknown', [1, 2]],
    ];
    for (const [method, params] of garbage) { client.notify(method, params); counts.garbageNotifications++; }
    // A request round trip after them proves they were all processed.
    await client.request(FACTS_REQUEST, {});
    expect(client.exit).toBeNull();
    const other = uniqueUri();
    client.open(other, DRAFT);
    expect((await client.diagnostics(other, 1)).length).toBeGreaterThan(0);
  }, 60_000);

  it('a cancelled request is still answered (result or RequestCancelled)', async () => {
    const uri = uniqueUri();
    client.open(uri, DRAFT.repeat(2000));
    const pending = client.request<unknown>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 2000, character: 0 } }, context: { diagnostics: [] } });
    // The client numbers requests from 1 in order; this one is the latest.
    const id = (client as unknown as { nextId: number }).nextId - 1;
    client.notify('$/cancelRequest', { id });
    const outcome = await pending.then(() => 'answered', (e: unknown) => String(e));
    expect(outcome === 'answered' || outcome.includes('-32800')).toBe(true);
    expect(client.exit).toBeNull();
  }, 60_000);
});

describe('shutdown', () => {
  it('shutdown then exit ends the process with code 0', async () => {
    const c = new LspClient();
    await c.initialize();
    c.open(uniqueUri(), DRAFT);
    expect(await c.request('shutdown', null)).toBeNull();
    c.notify('exit', null);
    await c.until('exit', () => c.exit, 5000);
    expect(c.exit?.code).toBe(0);
  }, 30_000);
});

// ---- parseFactBase on broken raw objects ----------------------------------------------------

const root = resolve(__dirname, '../..');
const valid = parse(readFileSync(join(root, 'server/facts/bundled.facts.yaml'), 'utf8')) as unknown;

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.constant(undefined), fc.boolean(), fc.double(), fc.integer(), fc.string({ maxLength: 8 }), fc.constant(''),
  fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(-1e308), fc.constant('x'.repeat(10_000)), fc.constant([]), fc.constant({}),
  fc.constant({ __proto__: { polluted: true } }), fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown), fc.constant(['a', 1, null]),
);

/** Paths into the valid file, to break one thing at a time. */
function pathsOf(v: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (prefix.length > 5) return out;
  if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  return out;
}
const PATHS = pathsOf(valid);

type Mutation = { kind: 'set' | 'delete' | 'dup'; path: Array<string | number>; value: unknown };
function mutate(v: unknown, m: Mutation): unknown {
  if (!m.path.length) return m.value;
  if (!v || typeof v !== 'object') return v; // an earlier mutation replaced the whole file
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const k of m.path.slice(0, -1)) {
    const next = at[k];
    if (!next || typeof next !== 'object') return copy; // an earlier mutation removed this path
    at = next as Record<string | number, unknown>;
  }
  const last = m.path[m.path.length - 1]!;
  if (m.kind === 'delete') { if (Array.isArray(at)) at.splice(Number(last), 1); else delete at[last]; }
  else if (m.kind === 'dup' && Array.isArray(at)) at.push(structuredClone(at[last]));
  else at[last] = m.value;
  return copy;
}

describe('parseFactBase on broken raw objects', () => {
  it('reports problems and never throws', () => {
    const mutation = fc.record({ kind: fc.constantFrom<Mutation['kind']>('set', 'delete', 'dup'), path: fc.constantFrom(...PATHS), value: junk });
    let withProblems = 0;
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      let data = valid;
      for (const m of ms) data = mutate(data, m);
      let r: ReturnType<typeof parseFactBase> | null = null;
      try { r = parseFactBase(data); } catch (e) { counts.crashes++; throw e; }
      counts.brokenFactFiles++;
      if (r.problems.length) withProblems++;
      for (const p of r.problems) { expect(typeof p.path).toBe('string'); expect(typeof p.message).toBe('string'); }
    }), { seed: SEED, numRuns: scaled(100) });
    // Deep nesting and absurd sizes as whole files.
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { facts: [deep] };
    for (const data of [deep, { sources: [], facts: Array.from({ length: Math.min(scaled(2_000), 20_000) }, () => ({ id: 'dup' })) }, 'x'.repeat(1e6), [valid, valid]]) {
      const [ms, r] = (() => { const t = performance.now(); const x = parseFactBase(data); return [Math.round(performance.now() - t), x] as const; })();
      expect(r.problems.length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(10_000);
      counts.brokenFactFiles++;
    }
    report('fault tolerance', { garbageRequests: counts.garbageRequests + counts.libraryErrors, answeredByLibraryError: counts.libraryErrors, garbageNotifications: counts.garbageNotifications, brokenRawFactObjects: counts.brokenFactFiles, withProblems, crashes: counts.crashes, errors: counts.errors });
  }, 60_000);
});
