import { CompletionItemKind, MarkupKind, type CompletionItem, type Position, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { citationKey, footnoteDefinition } from '../core/cite';
import type { FactBase } from '../core/types';

/** `[^` and the key typed so far, just before the cursor. */
const FOOTNOTE_OPEN = /\[\^([\p{L}\p{N}_.-]*)$/u;

/**
 * Typing `[^` offers the citation key of every fact, the statement as detail and the verbatim
 * quote as documentation. Choosing one closes the marker and, when the draft has no definition
 * for that key yet, appends the footnote definition at the end, as "Insert citation" does.
 */
export function footnoteCompletions(doc: TextDocument, position: Position, base: FactBase): CompletionItem[] {
  const line = doc.getText({ start: { line: position.line, character: 0 }, end: position });
  const m = FOOTNOTE_OPEN.exec(line);
  if (!m) return [];
  const text = doc.getText();
  const typed = m[1] ?? '';
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  // A key already closed after the cursor ("[^|]") is not doubled.
  const closes = text[doc.offsetAt(position)] === ']';
  const end = doc.positionAt(text.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return base.facts.map((fact, i): CompletionItem => {
    const key = citationKey(fact);
    const source = base.sources.get(fact.quote.source) ?? null;
    const defined = text.includes(`[^${key}]:`);
    const tail = text.endsWith(eol) || text === '' ? '' : eol;
    const additional: TextEdit[] = defined ? [] : [{ range: { start: end, end }, newText: `${tail}${eol}${footnoteDefinition(key, fact, source)}${eol}` }];
    return {
      label: key,
      kind: CompletionItemKind.Reference,
      detail: fact.statement,
      documentation: { kind: MarkupKind.Markdown, value: `> ${fact.quote.text}\n\n${source?.title ?? source?.label ?? fact.quote.source}` },
      filterText: key,
      sortText: String(i).padStart(5, '0'),
      textEdit: { range, newText: closes ? key : `${key}]` },
      ...(additional.length ? { additionalTextEdits: additional } : {}),
    };
  });
}
