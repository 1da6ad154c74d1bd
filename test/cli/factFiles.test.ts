// The built CLI with workspace fact files: --facts, folder discovery and `facts validate`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../../dist/cli.js');
const FACTS = `version: 1
sources:
  - id: harbour-office
    title: Port of Vells harbour office annual summary
entities:
  - id: port-of-vells
    name: Port of Vells
    aliases: [Port of Vells]
facts:
  - id: vells-berths
    kind: percent
    value: 34
    statement: 34% of berths at the Port of Vells were idle
    subject: port-of-vells
    quote:
      source: harbour-office
      text: About 34% of berths at the Port of Vells stood idle last year.
`;
const DRAFT = 'Idle berths at the Port of Vells reached 41% last year, the harbour office said.\n';

let dir: string;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-facts-'));
  writeFileSync(join(dir, 'port.facts.yaml'), FACTS);
  writeFileSync(join(dir, 'story.md'), DRAFT);
  writeFileSync(join(dir, 'broken.yaml'), FACTS.replace('    kind: percent', '    kind: share'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('factdesk with fact files', () => {
  it('--facts <file> adds its facts to the bundled base', () => {
    const r = run('check', 'story.md', '--facts', 'port.facts.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('story.md:1:');
    expect(r.out).toContain('34%');
  });
  it('a folder argument finds the fact files in it', () => {
    expect(run('check', '.').code).toBe(1);
    expect(run('check', 'story.md').code).toBe(0); // no fact file named: the bundled base knows no port
  });
  it('facts validate prints file:line:col: message and exits 1', () => {
    const r = run('facts', 'validate', 'broken.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^broken\.yaml:11:11: \/facts\/0\/kind: must be one of/m);
    expect(run('facts', 'validate', 'port.facts.yaml')).toMatchObject({ code: 0 });
  });
});
