// `npm run test:grammar` — the TextMate grammars on sample lines, with vscode-tmgrammar-test
// (the same vscode-textmate + Oniguruma engine VS Code uses):
//   *.test.draft  News Draft grammar (text.news-draft)
//   *.test.md     the Markdown injection, over a stub Markdown grammar, and over VS Code's own
//                 Markdown grammar when code-server is in the cache (npm run test:vscode puts it there)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_DIR, log, ROOT } from '../vscode/harness/env';

const bin = path.join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const realMarkdown = path.join(CODE_SERVER_DIR, 'lib', 'vscode', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');

const runs: Array<{ name: string; args: string[] }> = [
  { name: 'News Draft grammar', args: ['test/grammar/*.test.draft'] },
  { name: 'Markdown injection (stub Markdown grammar)', args: ['-g', 'test/grammar/markdown-stub.tmLanguage.json', 'test/grammar/*.test.md'] },
];
if (existsSync(realMarkdown)) {
  runs.push({ name: "Markdown injection (VS Code's Markdown grammar)", args: ['-g', realMarkdown, 'test/grammar/*.test.md'] });
} else {
  log("VS Code's Markdown grammar is not in the cache: the injection is tested over the stub only");
}

let passed = 0;
let failed = 0;
for (const r of runs) {
  const res = spawnSync(process.execPath, [bin, '--config', 'package.json', ...r.args], { cwd: ROOT, encoding: 'utf8' });
  // The real Markdown grammar embeds dozens of languages this test does not load.
  const output = `${res.stdout}${res.stderr}`.split('\n').filter((l) => l.trim() && !/^grammar not found for/.test(l)).join('\n');
  if (res.status === 0) {
    passed++;
    console.log(`  ✓ ${r.name}`);
  } else {
    failed++;
    console.log(`  ✗ ${r.name}\n${output}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
