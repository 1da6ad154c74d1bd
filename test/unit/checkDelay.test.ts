import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBundledFactBase } from '../../server/src/core/facts/bundled';
import { Analysis } from '../../server/src/lsp/analysis';
import type { Log } from '../../server/src/lsp/log';
import { SettingsStore } from '../../server/src/lsp/settings';
import { Validator } from '../../server/src/lsp/validation';

const log: Log = { error: () => {}, warn: () => {}, info: () => {}, log: () => {} };
const URI = 'file:///delay/draft.md';

/** A validator over one document whose editor answers factdesk.checkDelayMs with `delay`. */
function setup(delay: unknown) {
  const published: PublishDiagnosticsParams[] = [];
  const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => { published.push(p); } } as unknown as Connection;
  const docs = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => docs.get(uri), all: () => [...docs.values()] } as unknown as TextDocuments<TextDocument>;
  const settings = new SettingsStore(log, async () => ({ checkDelayMs: delay }));
  const validator = new Validator(connection, documents, settings, new Analysis(log, loadBundledFactBase), log);
  let version = 1;
  const put = (text: string) => { const d = TextDocument.create(URI, 'markdown', version++, text); docs.set(URI, d); return d; };
  return { published, validator, put, versions: () => published.map((p) => p.version) };
}

describe('factdesk.checkDelayMs', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('holds a burst of keystrokes until typing has paused that long', async () => {
    const t = setup(400);
    t.validator.opened(t.put('Moscow holds about 85% of Donetsk.'));
    await vi.advanceTimersByTimeAsync(10);
    t.validator.changed(t.put('Moscow holds about 86% of Donetsk.')); // first after a pause: at once
    await vi.advanceTimersByTimeAsync(10);
    t.validator.changed(t.put('Moscow holds about 87% of Donetsk.'));
    await vi.advanceTimersByTimeAsync(100);
    t.validator.changed(t.put('Moscow holds about 88% of Donetsk.'));
    await vi.advanceTimersByTimeAsync(399);
    expect(t.versions()).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.versions()).toEqual([1, 2, 4]); // version 3 was overtaken before its turn
  });

  it('checks every keystroke at 0', async () => {
    const t = setup(0);
    t.validator.opened(t.put('Moscow holds about 85% of Donetsk.'));
    await vi.advanceTimersByTimeAsync(1);
    for (const n of [86, 87, 88]) { t.validator.changed(t.put(`Moscow holds about ${n}% of Donetsk.`)); await vi.advanceTimersByTimeAsync(0); }
    expect(t.versions()).toEqual([1, 2, 3, 4]);
  });
});
