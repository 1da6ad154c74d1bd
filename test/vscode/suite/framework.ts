// A tiny test runner for inside the extension host (no mocha: one less dependency, and the
// runners only need run() to resolve or reject). Prints one line per test and a closing
// "N passed, N failed" line.
import * as vscode from 'vscode';

export interface TestCase {
  name: string;
  fn: () => Promise<void>;
  timeoutMs: number;
}

const tests: TestCase[] = [];

export function test(name: string, fn: () => Promise<void>, timeoutMs = 30_000): void {
  tests.push({ name, fn, timeoutMs });
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Every line goes out on its own with a "[suite]" tag: the runners pick these out of the editor's log. */
export function say(text: string): void {
  for (const line of text.split('\n')) console.log(`[suite] ${line}`);
}

export async function runAll(log: (text: string) => void = say): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  const only = process.env.FACTDESK_TEST_GREP;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const t0 = Date.now();
    try {
      await withTimeout(t.fn(), t.timeoutMs, t.name);
      passed++;
      log(`  ✓ ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      log(`  ✗ ${t.name} (${Date.now() - t0} ms)\n      ${(e instanceof Error ? e.stack ?? e.message : String(e)).split('\n').join('\n      ')}`);
    }
  }
  log(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `check` returns something truthy; throws with `what` (and the last value) at the deadline. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000, intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${detail})`);
    }
    await sleep(intervalMs);
  }
}

export const factDeskDiagnostics = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Fact Desk');
