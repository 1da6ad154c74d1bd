// `npm run test:e2e` — what a reporter sees, in a real VS Code workbench (code-server) with the
// packaged .vsix installed, driven by playwright-core through Debian chromium:
//   the squiggle under a wrong figure, the status bar count, the hover with the sourced value and
//   the source, Ctrl+. → "Replace with the sourced figure" → the text is fixed and the squiggle
//   goes away; plus the News Draft highlighting. Screenshots go to test-output/e2e/.
//
//   npm run test:e2e                 (packages the .vsix first when it is missing or stale)
//   npm run test:e2e -- --repackage  (always package first)
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../vscode/harness/browser';
import { startCodeServer, type CodeServer } from '../vscode/harness/codeServer';
import { elapsed, log, OUTPUT, ROOT, waitFor } from '../vscode/harness/env';
import { ensureVsix } from '../vscode/harness/prepare';

const args = new Set(process.argv.slice(2));
const out = path.join(OUTPUT, 'e2e');
const shots: string[] = [];
const results: Array<{ name: string; ok: boolean; ms: number; error?: string }> = [];

const norm = (s: string) => s.replace(/\u00a0/g, ' ');

async function shot(page: Page, name: string): Promise<void> {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  shots.push(path.relative(ROOT, file));
}

async function step(name: string, fn: () => Promise<void>): Promise<void> {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - t0 });
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    results.push({ name, ok: false, ms: Date.now() - t0, error });
    console.log(`  ✗ ${name} (${Date.now() - t0} ms)\n      ${error.split('\n').join('\n      ')}`);
    throw e;
  }
}

async function editorText(page: Page): Promise<string> {
  return norm(await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText());
}

async function openFromExplorer(page: Page, name: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  await waitFor(`${name} to open in an editor`, async () =>
    (await page.locator('.tabs-container .tab.active', { hasText: name }).count()) > 0, 15_000);
}

/** Puts the cursor in the middle of the first occurrence of `text` in the active editor. */
async function clickText(page: Page, text: string): Promise<void> {
  const lines = page.locator('.editor-instance .monaco-editor .view-line');
  const line = lines.filter({ hasText: text }).first();
  await line.waitFor({ timeout: 10_000 });
  // Runs in the page (no DOM types in this project's TypeScript set-up, hence the loose types).
  const box = await line.evaluate((el: any, needle: string) => {
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = String(n.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
      if (i < 0) continue;
      const r = el.ownerDocument.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      const b = r.getBoundingClientRect();
      return { x: b.x as number, y: b.y as number, width: b.width as number, height: b.height as number };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not on screen in one piece`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Runs a command from the Command Palette by its title, as a user would. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

function statusItem(page: Page): Locator {
  return page.locator('.statusbar-item', { hasText: 'Fact Desk' }).first();
}

/** The extension's own timing line from its log output channel (written under the profile's logs). */
function activationFromLog(dir: string): string | undefined {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name === 'Fact Desk.log') files.push(f);
    }
  };
  try { walk(dir); } catch { return undefined; }
  for (const f of files) {
    const m = /Fact Desk activated in \d+ ms[^\n]*/.exec(readFileSync(f, 'utf8'));
    if (m) return m[0];
  }
  return undefined;
}

async function main(): Promise<number> {
  const t0 = Date.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const vsix = await ensureVsix({ rebuild: args.has('--repackage') });
  const workspace = path.join(out, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const f of ['desk-note.md', 'wire.draft']) cpSync(path.join(ROOT, 'test', 'vscode', 'fixtures', 'workspace', f), path.join(workspace, f));

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    server = await startCodeServer({ scratch: path.join(out, 'code-server'), vsix });
    browser = await launchBrowser(path.join(out, 'code-server'));
    page = browser.page;
    const p = page;

    await step('workbench loads with the folder', async () => {
      await p.goto(server!.url(workspace));
      await p.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await p.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
    });

    let opened = 0;
    await step('a squiggle appears under the wrong figure "85%"', async () => {
      opened = Date.now();
      await openFromExplorer(p, 'desk-note.md');
      await p.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 30_000 });
      log(`squiggle ${Date.now() - opened} ms after opening the draft (includes activation and server start)`);
      const text = await editorText(p);
      if (!text.includes('about 85% of Donetsk')) throw new Error(`unexpected editor text:\n${text}`);
      await shot(p, '01-squiggle');
    });

    await step('the status bar counts it: "Fact Desk: 1 wrong · 3 sourced"', async () => {
      const text = await waitFor('the Fact Desk status bar item', async () => {
        const t = norm(await statusItem(p).innerText().catch(() => ''));
        return /1 wrong · \d+ sourced/.test(t) ? t : '';
      }, 20_000);
      if (!/Fact Desk: 1 wrong · 3 sourced/.test(text)) throw new Error(`status bar says "${text}"`);
      const problems = norm(await p.locator('#status\\.problems').innerText());
      if (!/1/.test(problems)) throw new Error(`Problems indicator says "${problems}"`);
    });

    await step('the hover shows the sourced value and the source', async () => {
      const squiggle = p.locator('.monaco-editor .squiggly-warning').first();
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('no squiggle box');
      const hover = p.locator('.monaco-hover:not(.hidden)', { hasText: 'Fact Desk' }).first();
      await waitFor('the Fact Desk hover', async () => {
        await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await p.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
        return hover.isVisible().catch(() => false);
      }, 20_000, 400);
      // The diagnostic's part of the hover shows first; the server's hover follows ("Loading..."
      // until it answers, which on a busy machine takes a while): poll until it is in.
      const wants = ['75%', 'Moscow currently holds about 75% of Donetsk', 'Zelensky Says He Has No Clear Security Guarantees from Allies'];
      let text = '';
      try {
        await waitFor('the server\'s hover text', async () => {
          text = norm(await hover.innerText().catch(() => ''));
          return !text.includes('Loading...') && wants.every((w) => text.includes(w));
        }, 15_000, 250);
      } catch {
        const missing = wants.find((w) => !text.includes(w));
        throw new Error(`hover lacks "${missing ?? '(still loading)'}":\n${text}`);
      }
      await shot(p, '02-hover');
      await p.mouse.move(5, 5);
      await p.keyboard.press('Escape');
    });

    await step('Ctrl+. offers "Replace with the sourced figure"; choosing it fixes the text', async () => {
      const squiggle = p.locator('.monaco-editor .squiggly-warning').first();
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('no squiggle box');
      const menu = p.locator('.action-widget .monaco-list-row');
      await waitFor('the quick fix menu with the replacement', async () => {
        await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // the cursor inside "85%"
        await p.keyboard.press('Escape');
        await p.keyboard.press('Control+.');
        const ok = await menu.filter({ hasText: 'Replace with the sourced figure' }).first()
          .waitFor({ timeout: 3000 }).then(() => true, () => false);
        if (!ok) await p.keyboard.press('Escape');
        return ok;
      }, 30_000, 200);
      await shot(p, '03-quick-fix-menu');
      // Arrow keys + Enter: an overlay can swallow clicks.
      const rows = await menu.allInnerTexts();
      const target = rows.findIndex((r) => r.includes('Replace with the sourced figure'));
      const focused = async () => (await p.locator('.action-widget .monaco-list-row.focused').allInnerTexts())[0] ?? '';
      for (let i = 0; i < rows.length + 2 && !(await focused()).includes('Replace with the sourced figure'); i++) {
        await p.keyboard.press(target >= 0 ? 'ArrowDown' : 'ArrowDown');
      }
      await p.keyboard.press('Enter');
      const text = await waitFor('the fixed figure in the editor', async () => {
        const t = await editorText(p);
        return t.includes('85%') ? '' : t;
      }, 15_000);
      if (!/about 75% of Donetsk\./.test(text)) throw new Error(`after the fix the line reads:\n${text.split('\n').find((l) => l.includes('Donetsk'))}`);
    });

    await step('the squiggle goes away and the status bar shows 0 wrong', async () => {
      await waitFor('no warning squiggle', async () => (await p.locator('.monaco-editor .squiggly-warning').count()) === 0, 15_000);
      await waitFor('the status bar to say 0 wrong', async () => /0 wrong/.test(norm(await statusItem(p).innerText().catch(() => ''))), 15_000);
      await shot(p, '04-fixed');
    });

    await step('Command Palette → "Fact Desk: Insert Citation…" offers the fact of the figure at the cursor first, and cites it', async () => {
      await clickText(p, '75%');
      await runCommand(p, 'Fact Desk: Insert Citation');
      const rows = p.locator('.quick-input-widget .monaco-list-row');
      await rows.filter({ hasText: 'Donetsk' }).first().waitFor({ timeout: 15_000 });
      await shot(p, '06-insert-citation');
      const first = norm((await rows.first().innerText()).split('\n')[0] ?? '');
      if (!/Donetsk/.test(first)) throw new Error(`the first fact offered is "${first}", not one about Donetsk`);
      await p.keyboard.press('Enter');
      await waitFor('a footnote marker in the text', async () => /\[\^[\w-]+\]/.test(await editorText(p)), 15_000);
    });

    await step('"Fact Desk: Show Source of Figure at Cursor" opens the quote and the source', async () => {
      await clickText(p, '75%');
      await runCommand(p, 'Fact Desk: Show Source of Figure at Cursor');
      const view = p.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Quoted passage' }).first();
      await view.waitFor({ timeout: 15_000 });
      const text = norm(await view.innerText());
      if (!text.includes('Moscow currently holds about 75% of Donetsk')) throw new Error(`source view reads:\n${text}`);
      await shot(p, '07-source-view');
      await p.keyboard.press('Control+w');
    });

    await step('News Draft files get their language and highlighting', async () => {
      await openFromExplorer(p, 'wire.draft');
      await p.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 20_000 });
      const lang = norm(await p.locator('#status\\.editor\\.mode').innerText());
      if (!/News Draft/.test(lang)) throw new Error(`language indicator says "${lang}"`);
      await shot(p, '05-news-draft');
    });
    const activation = activationFromLog(path.join(out, 'code-server', 'user-data', 'logs'));
    if (activation) log(`extension log: ${activation}`);
    log(`UI test finished in ${elapsed(t0)}`);
    return 0;
  } catch (e) {
    if (page) await shot(page, '99-failure').catch(() => {});
    log(`UI test FAILED: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    const passed = results.filter((r) => r.ok).length;
    console.log(`${passed} passed, ${results.length - passed} failed`);
    if (shots.length) log(`screenshots: ${shots.join(', ')}`);
    await browser?.close();
    await server?.stop();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  log(`UI test FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
