// The built `factdesk` CLI (dist/cli.js) on drafts written to a temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../../dist/cli.js');
const { version } = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };

const WRONG = "Russia's army now occupies about 85% of Donetsk, officials in Kyiv said.";
const RIGHT = 'By its own count, Russia occupies about 75% of Donetsk. A 40-page annex follows.';

let dir: string;
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function write(rel: string, text: string) {
  const p = join(dir, rel);
  mkdirSync(resolve(p, '..'), { recursive: true });
  writeFileSync(p, text);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-'));
  write('drafts/wrong.md', `# Briefing\n\n🇺🇦 Київ — ${WRONG}\n`);
  write('drafts/right.txt', `${RIGHT}\n`);
  write('drafts/wire.draft', 'KYIV (Wire) — Talks continue.\n');
  write('drafts/notes.json', `{"text": "${WRONG}"}`);
  write('drafts/node_modules/pkg/readme.md', WRONG);
  write('drafts/.git/msg.md', WRONG);
  write('crlf.md', `Intro.\r\n\r\n${WRONG}\r\n`);
  write('clean.md', `${RIGHT}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usage', () => {
  it('--help and --version exit 0', () => {
    const h = run('--help');
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/factdesk check/);
    expect(h.out).toMatch(/UTF-16/);
    expect(run('--version')).toMatchObject({ code: 0, out: `${version}\n` });
  });

  it.each([
    [[], /no command/],
    [['publish'], /unknown command "publish"/],
    [['check'], /at least one file/],
    [['check', 'clean.md', '--format', 'xml'], /unknown format "xml"/],
    [['check', 'clean.md', '--colour'], /--colour/],
    [['facts', 'extra'], /facts takes no arguments/],
  ])('bad usage %j exits 2 with a message on stderr', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('a missing input exits 2 and names it, before reporting anything', () => {
    const r = run('check', 'clean.md', 'no-such-draft.md');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no-such-draft.md');
    expect(r.out).toBe('');
  });
});

describe('check, text format', () => {
  it('exits 0 with a summary when nothing is wrong', () => {
    const r = run('check', 'clean.md');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 file checked: 0 wrong figures/);
  });

  it('exits 1 and prints file:line:col (1-based, UTF-16 columns) for a wrong figure', () => {
    const r = run('check', 'drafts/wrong.md');
    expect(r.code).toBe(1);
    const line = `🇺🇦 Київ — ${WRONG}`;
    const col = line.indexOf('85') + 1;
    expect(r.out).toMatch(new RegExp(`^drafts/wrong\\.md:3:${col}: warning: .*75.* \\[wrong-[a-z-]+\\]$`, 'm'));
    expect(r.out).toMatch(/1 wrong figure/);
  });

  it('walks folders for drafts, skipping node_modules, .git and other extensions', () => {
    const r = run('check', 'drafts');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/3 files checked/);
    expect(r.out).not.toMatch(/node_modules|\.git|notes\.json/);
    expect(r.out.match(/: warning: /g)).toHaveLength(1);
  });

  it('counts lines in CRLF files as editors do', () => {
    const r = run('check', 'crlf.md');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^crlf\\.md:3:${WRONG.indexOf('85') + 1}: warning:`, 'm'));
  });
});

interface JsonFinding {
  file: string; line: number; column: number; endLine: number; endColumn: number;
  figure: string; verdict: string; code: string; message: string; fact: string | null; sourced: string | null;
}

describe('check --format json', () => {
  it('is an array of located findings', () => {
    const r = run('check', 'drafts', 'clean.md', '--format', 'json');
    expect(r.code).toBe(1);
    const all = JSON.parse(r.out) as JsonFinding[];
    expect(Array.isArray(all)).toBe(true);
    for (const f of all) {
      expect(Object.keys(f).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'fact', 'figure', 'file', 'line', 'message', 'sourced', 'verdict']);
    }
    const wrong = all.filter((f) => f.verdict === 'wrong');
    expect(wrong).toHaveLength(1);
    const w = wrong[0]!;
    expect(w.file).toBe('drafts/wrong.md');
    expect(w.line).toBe(3);
    expect(w.figure).toMatch(/85/);
    expect(w.endColumn - w.column).toBe(w.figure.length);
    expect(w.sourced).toMatch(/75/);
    expect(typeof w.fact).toBe('string');
    expect(all.some((f) => f.verdict === 'ok' && f.file === 'clean.md')).toBe(true);
  });
});

describe('check --format sarif', () => {
  it('is a SARIF 2.1.0 log with rules and located results', () => {
    const r = run('check', 'drafts', '--format', 'sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out) as {
      version: string; $schema: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string } }> } };
        results: Array<{
          ruleId: string; level: string; message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
        }>;
      }>;
    };
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif/);
    const run0 = log.runs[0]!;
    expect(run0.tool.driver.name).toBe('Fact Desk');
    const ruleIds = run0.tool.driver.rules.map((x) => x.id);
    expect(run0.results).toHaveLength(1);
    const res = run0.results[0]!;
    expect(ruleIds).toContain(res.ruleId);
    expect(res.level).toBe('warning');
    expect(res.message.text).toMatch(/75/);
    const loc = res.locations[0]!.physicalLocation;
    expect(loc.artifactLocation.uri).toBe('drafts/wrong.md');
    expect(loc.region).toMatchObject({ startLine: 3, endLine: 3 });
    expect(loc.region.startColumn).toBe(`🇺🇦 Київ — ${WRONG}`.indexOf('85') + 1);
    expect(loc.region.endColumn).toBeGreaterThan(loc.region.startColumn!);
  });

  it('has no results and exits 0 for a clean draft', () => {
    const r = run('check', 'clean.md', '--format', 'sarif');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).runs[0].results).toEqual([]);
  });
});

describe('facts', () => {
  it('--json lists every fact with its quote and source', () => {
    const r = run('facts', '--json');
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.out) as Array<Record<string, unknown> & { source: Record<string, unknown> }>;
    expect(facts.length).toBeGreaterThanOrEqual(35);
    for (const f of facts) {
      for (const k of ['id', 'value', 'unit', 'qualifier', 'statement']) expect(f).toHaveProperty(k);
      expect(typeof f.quote).toBe('string');
      for (const k of ['id', 'file', 'title', 'outlet', 'author', 'published']) expect(f.source).toHaveProperty(k);
      expect(f.source.file).toMatch(/\.txt$/);
    }
    expect(facts.find((f) => f.id === 'russia-holds-75-percent-donetsk')).toMatchObject({ value: 75, qualifier: 'about' });
  });

  it('prints a readable table by default', () => {
    const r = run('facts');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^ID\s+VALUE\s+UNIT\s+SOURCE\s+STATEMENT$/);
    expect(r.out).toMatch(/\d+ facts from 5 sources/);
  });
});

describe('facts --verify', () => {
  it('exits 1 and names each quote it cannot find', () => {
    write('articles/readme.txt', 'not an article');
    const r = run('facts', '--verify', 'articles');
    expect(r.code).toBe(1);
    expect(r.err).toContain('not found');
  });

  it('exits 0 when every quote is in its article', () => {
    const seeds = process.env.FACTDESK_SEEDS ?? resolve(__dirname, '../../../shared/seeds');
    if (!existsSync(seeds)) {
      if (process.env.CI) throw new Error(`source articles not found at ${seeds}`);
      return;
    }
    const r = run('facts', '--verify', seeds);
    expect(r.code).toBe(0);
    expect(r.out).toContain('every quote found verbatim');
  });
});
