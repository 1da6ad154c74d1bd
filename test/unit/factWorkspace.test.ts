// A rebuild reads and parses only the fact files whose text changed, or whose parse depends on
// ids another file stopped (or started) declaring; everything else keeps what it gave.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FactBase } from '../../server/src/core/types';
import { FactWorkspace } from '../../server/src/workspace/factWorkspace';

const noBundled = (): FactBase => { throw new Error('bundled base not used here'); };

/** A file declaring a source and a reservoir (when `declares`), and one fact about `subject`. */
function factFile(o: { id: string; value: number; subject: string; declares?: string; padding?: number }): string {
  const lines = [
    ...Array.from({ length: o.padding ?? 0 }, (_, i) => `# note ${i}`),
    'version: 1',
    'sources:',
    `  - id: board-${o.id}`,
    '    title: Water board bulletin',
    'entities:',
    ...(o.declares ? [`  - id: ${o.declares}`, `    name: ${o.declares}`, `    aliases: [${o.declares}]`] : []),
    'facts:',
    `  - id: ${o.id}`,
    '    kind: percent',
    `    value: ${o.value}`,
    `    statement: it was ${o.value}% full`,
    `    subject: ${o.subject}`,
    '    quote:',
    `      source: board-${o.id}`,
    `      text: it is ${o.value}% full`,
  ];
  if (!o.declares) lines.splice(lines.indexOf('entities:'), 1);
  return `${lines.join('\n')}\n`;
}

let dir: string;
let ws: FactWorkspace;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
const valueOf = (base: FactBase, id: string) => {
  const v = base.facts.find((f) => f.id === id)?.value;
  return v && 'n' in v ? v.n : undefined;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-ws-'));
  ws = new FactWorkspace(noBundled);
  ws.setFolders([pathToFileURL(dir).href]);
  ws.setSettings({ factFiles: [], useBundledFacts: false });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('FactWorkspace rebuilds', () => {
  it('keep an unchanged file as it was read, until its change event', () => {
    write('a.facts.yaml', factFile({ id: 'a-level', value: 41, subject: 'lake-a', declares: 'lake-a' }));
    write('b.facts.yaml', factFile({ id: 'b-level', value: 10, subject: 'lake-b', declares: 'lake-b' }));
    ws.rescan();
    expect(valueOf(ws.build().merged.base, 'a-level')).toBe(41);
    // The disk changes with no event yet (the watcher lags): a keystroke in b does not read a again.
    write('a.facts.yaml', factFile({ id: 'a-level', value: 42, subject: 'lake-a', declares: 'lake-a' }));
    ws.setBuffer(uri('b.facts.yaml'), factFile({ id: 'b-level', value: 11, subject: 'lake-b', declares: 'lake-b' }));
    let base = ws.build().merged.base;
    expect(valueOf(base, 'a-level')).toBe(41);
    expect(valueOf(base, 'b-level')).toBe(11);
    ws.fileEvent(uri('a.facts.yaml'), false);
    base = ws.build().merged.base;
    expect(valueOf(base, 'a-level')).toBe(42);
  });

  it('parse an unchanged file again when an id it uses stops being declared elsewhere', () => {
    write('a.facts.yaml', factFile({ id: 'a-level', value: 41, subject: 'lake-b' }));
    write('b.facts.yaml', factFile({ id: 'b-level', value: 10, subject: 'lake-b', declares: 'lake-b' }));
    ws.rescan();
    let result = ws.build();
    expect(result.problems.get(uri('a.facts.yaml'))).toEqual([]);
    ws.setBuffer(uri('b.facts.yaml'), factFile({ id: 'b-level', value: 10, subject: 'lake-c', declares: 'lake-c' }));
    result = ws.build();
    expect(result.problems.get(uri('a.facts.yaml'))!.map((p) => p.message)).toEqual(['unknown subject "lake-b" (not in entities)']);
    // And once declared again, the fact is back without a. being touched.
    ws.setBuffer(uri('b.facts.yaml'), factFile({ id: 'b-level', value: 10, subject: 'lake-b', declares: 'lake-b' }));
    result = ws.build();
    expect(result.problems.get(uri('a.facts.yaml'))).toEqual([]);
    expect(valueOf(result.merged.base, 'a-level')).toBe(41);
  });

  it('locate a duplicate id where the file reads now, and report it on every rebuild', () => {
    write('a.facts.yaml', factFile({ id: 'level', value: 41, subject: 'lake-a', declares: 'lake-a' }));
    ws.rescan();
    ws.setBuffer(uri('b.facts.yaml'), factFile({ id: 'level', value: 10, subject: 'lake-b', declares: 'lake-b' }));
    const line = (text: string) => text.split('\n').indexOf('  - id: level');
    const duplicate = () => ws.build().problems.get(uri('b.facts.yaml'))!.filter((p) => p.message.startsWith('duplicate fact id'));
    let b = factFile({ id: 'level', value: 10, subject: 'lake-b', declares: 'lake-b' });
    expect(duplicate().map((p) => p.start.line)).toEqual([line(b)]);
    expect(duplicate().map((p) => p.start.line)).toEqual([line(b)]);
    b = factFile({ id: 'level', value: 10, subject: 'lake-b', declares: 'lake-b', padding: 3 });
    ws.setBuffer(uri('b.facts.yaml'), b);
    expect(duplicate().map((p) => p.start.line)).toEqual([line(b)]);
  });
});
