import type { FactBase } from '../types';

/**
 * Every quote of every fact (and every erratum's printed text) must occur verbatim in its
 * article. The caller supplies the articles, so this stays free of file I/O.
 * Returns one line per problem; empty when all quotes are found.
 */
export function verifyQuotes(base: FactBase, article: (file: string) => string | null): string[] {
  const problems: string[] = [];
  const texts = new Map<string, string | null>();
  const textOf = (sourceId: string): string | null => {
    const file = base.sources.get(sourceId)?.file;
    if (!file) return null;
    if (!texts.has(file)) texts.set(file, article(file));
    return texts.get(file) ?? null;
  };
  for (const f of base.facts) {
    for (const q of [f.quote, ...f.alsoIn, ...f.conflicts]) {
      const text = textOf(q.source);
      if (text === null) problems.push(`${f.id}: article of source "${q.source}" not found`);
      else if (!text.includes(q.text)) problems.push(`${f.id}: quote not found verbatim in ${base.sources.get(q.source)?.file}: "${q.text}"`);
    }
    if (f.erratum) {
      const text = textOf(f.quote.source);
      if (text !== null && !text.includes(f.erratum.printed)) problems.push(`${f.id}: erratum text not in its article: "${f.erratum.printed}"`);
    }
  }
  return problems;
}
