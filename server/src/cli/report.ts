import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Verdict } from '../core/types';
import type { Draft } from './files';

/** One reported figure, located the way editors count (1-based lines, 1-based UTF-16 columns). */
export interface Reported {
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** Exclusive: the column just after the figure. */
  endColumn: number;
  figure: string;
  verdict: Verdict;
  code: string;
  message: string;
  /** Id of the fact the figure was judged against. */
  fact: string | null;
  /** What the sources say (the fact's statement). */
  sourced: string | null;
}

export const codeOf = (f: Finding): string => f.kind ?? (f.verdict === 'wrong' ? 'wrong-value' : f.verdict);

export function report(draft: Draft, findings: readonly Finding[]): Reported[] {
  // TextDocument counts lines and UTF-16 columns exactly as the language server does.
  const doc = TextDocument.create('file:///draft', 'plaintext', 0, draft.text);
  return findings.map((f) => {
    const start = doc.positionAt(f.figure.span.start);
    const end = doc.positionAt(f.figure.span.end);
    return {
      file: draft.display,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      figure: draft.text.slice(f.figure.span.start, f.figure.span.end),
      verdict: f.verdict,
      code: codeOf(f),
      message: f.message,
      fact: f.fact?.id ?? null,
      sourced: f.fact?.statement ?? null,
    };
  });
}

export interface Totals {
  files: number;
  wrong: number;
  disputed: number;
  ok: number;
  unsourced: number;
}

export function totals(files: number, all: readonly Reported[]): Totals {
  const t: Totals = { files, wrong: 0, disputed: 0, ok: 0, unsourced: 0 };
  for (const r of all) t[r.verdict]++;
  return t;
}
