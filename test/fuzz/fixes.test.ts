// Fix safety: every code action offered on a random draft touches only the figure (a
// replacement), the citation marker and the footnote definition (a citation); citing twice never
// duplicates a definition; reversing the edits restores the draft byte for byte.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/core/check';
import { citationKey } from '../../server/src/core/cite';
import type { Finding } from '../../server/src/core/types';
import { codeActions } from '../../server/src/lsp/codeActions';
import { citationStyleFor, DEFAULT_SETTINGS, type Settings } from '../../server/src/lsp/settings';
import { figureExtent } from '../../server/src/lsp/positions';
import { editsFor } from '../lsp/client';
import { BASE, FIGURE_SENTENCES, report, scaled, SEED } from './common';

const RUNS = scaled(150);
const counts = { drafts: 0, actions: 0, replacements: 0, citations: 0, citedTwice: 0, secondCiteApplied: 0, undone: 0, corrupted: 0 };

const draftArb = fc.record({
  heading: fc.constantFrom('', '# Briefing\n\n', '## Front line\r\n\r\n'),
  sentences: fc.array(fc.constantFrom(...FIGURE_SENTENCES), { minLength: 1, maxLength: 6 }),
  joiner: fc.constantFrom(' ', '\n\n', '\r\n\r\n', '\n', ' 😀 ', ' Донецк. '),
  footer: fc.constantFrom('', '\n', '\r\n', '\n\n[^other]: Another source.\n', '\n\n[^zz]: x', '\r'),
  language: fc.constantFrom('markdown', 'plaintext', 'news-draft'),
  style: fc.constantFrom<Settings['citationStyle']>('footnote', 'inline', 'parenthetical'),
});

function actionsFor(text: string, languageId: string, style: Settings['citationStyle']): { actions: CodeAction[]; findings: Finding[]; doc: TextDocument } {
  const doc = TextDocument.create('file:///fuzz/fix.md', languageId, 1, text);
  const settings: Settings = { ...DEFAULT_SETTINGS, citationStyle: style };
  const findings = check(text, BASE);
  const whole = { start: doc.positionAt(0), end: doc.positionAt(text.length) };
  const actions = codeActions({
    doc, findings, base: BASE, settings, style: citationStyleFor(languageId, settings), edit: { documentChanges: true },
    params: { textDocument: { uri: doc.uri }, range: whole, context: { diagnostics: [] } },
  });
  return { actions, findings, doc };
}

interface Applied { text: string; undo: Array<{ start: number; end: number; newText: string }> }

/** Applies edits by offset (non-overlapping), recording the reverse edits. */
function apply(doc: TextDocument, edits: readonly TextEdit[]): Applied {
  const text = doc.getText();
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let shift = 0;
  const undo: Applied['undo'] = [];
  for (const s of spans) {
    expect(s.start, 'edits do not overlap').toBeGreaterThanOrEqual(pos);
    out += text.slice(pos, s.start) + s.newText;
    undo.push({ start: s.start + shift, end: s.start + shift + s.newText.length, newText: text.slice(s.start, s.end) });
    shift += s.newText.length - (s.end - s.start);
    pos = s.end;
  }
  return { text: out + text.slice(pos), undo };
}

function revert(text: string, undo: Applied['undo']): string {
  let out = text;
  for (const u of [...undo].reverse()) out = out.slice(0, u.start) + u.newText + out.slice(u.end);
  return out;
}

const definitionCount = (text: string, key: string) =>
  text.split(/\r\n|\n|\r/).filter((l) => l.replace(/^[ \t]{0,3}/, '').startsWith(`[^${key}]:`)).length;

describe('fix safety fuzz', () => {
  it('code actions change only the figure, the marker and the definition; cite twice and undo are safe', () => {
    fc.assert(fc.property(draftArb, (d) => {
      const text = d.heading + d.sentences.join(d.joiner) + d.footer;
      counts.drafts++;
      const { actions, findings, doc } = actionsFor(text, d.language, d.style);
      for (const action of actions) {
        counts.actions++;
        const edits = editsFor(action.edit, doc.uri);
        expect(edits.length).toBeGreaterThan(0);
        const applied = apply(doc, edits);
        const isCite = /^(Insert citation|Cite source)/.test(action.title);
        if (!isCite) {
          counts.replacements++;
          // One edit, inside one wrong figure (its hedge included), on one line.
          expect(edits).toHaveLength(1);
          const s = doc.offsetAt(edits[0]!.range.start);
          const e = doc.offsetAt(edits[0]!.range.end);
          const owner = findings.find((f) => { const x = figureExtent(f.figure); return f.verdict === 'wrong' && x.start <= s && e <= x.end; });
          expect(owner, `replacement ${JSON.stringify(edits[0])} inside a wrong figure of ${JSON.stringify(text)}`).toBeDefined();
          expect(edits[0]!.newText).not.toMatch(/[\r\n]/);
        } else {
          counts.citations++;
          for (const e of edits) {
            // Citations only insert: the marker (or parenthetical) after a sentence, the definition at the end.
            expect(doc.offsetAt(e.range.start)).toBe(doc.offsetAt(e.range.end));
            const at = doc.offsetAt(e.range.start);
            const marker = /^\[\^[^\]\s]+\]$/.test(e.newText);
            const definition = at === text.length && /^(?:\r\n|\n|\r)*[ \t]{0,3}\[\^[^\]\s]+\]: [^\r\n]*(?:\r\n|\n|\r)?$/.test(e.newText);
            const inline = !/[\r\n]/.test(e.newText) && /\S/.test(e.newText);
            expect(marker || definition || (d.style !== 'footnote' || d.language === 'plaintext' ? inline : false),
              `citation edit ${JSON.stringify(e)} in ${JSON.stringify(text)}`).toBe(true);
          }
          // Citing the same fact again on the edited draft adds no second definition.
          const again = actionsFor(applied.text, d.language, d.style);
          const title = action.title;
          const twice = again.actions.find((a) => a.title === title);
          let final = applied.text;
          if (twice) { final = apply(again.doc, editsFor(twice.edit, again.doc.uri)).text; counts.secondCiteApplied++; }
          counts.citedTwice++;
          for (const f of findings) {
            if (!f.fact) continue;
            const key = citationKey(f.fact);
            expect(definitionCount(final, key), `definitions of [^${key}] after citing twice`).toBeLessThanOrEqual(Math.max(1, definitionCount(text, key)));
          }
        }
        const back = revert(applied.text, applied.undo);
        if (back !== text) counts.corrupted++;
        expect(back).toBe(text);
        counts.undone++;
      }
    }), { seed: SEED, numRuns: RUNS });
    report('fix safety', { drafts: counts.drafts, actions: counts.actions, replacements: counts.replacements, citations: counts.citations, citedTwice: counts.citedTwice, secondCiteApplied: counts.secondCiteApplied, undone: counts.undone, crashes: 0, corruptedDrafts: counts.corrupted });
    expect(counts.actions).toBeGreaterThan(0);
  }, 60_000 * Math.max(1, Number(process.env.FUZZ_SCALE ?? '1')));
});
