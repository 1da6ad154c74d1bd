// Hover text is built once against this small interface and rendered as Markdown or as plain
// text, depending on what the client can show. Everything passed in is raw text; the Markdown
// renderer escapes it, because fact and source text is data, not markup.

export interface Markup {
  /** Ordinary running text. */
  text(s: string): string;
  strong(s: string): string;
  em(s: string): string;
  /** A block quotation (one paragraph). */
  quote(s: string): string;
  /** One bullet line. */
  item(s: string): string;
  /** A name to show verbatim, such as a file name. */
  code(s: string): string;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Escapes Markdown so source text cannot form links, images, HTML, emphasis, code, tables or
 * headings. Brackets are escaped, so "(" and "!" can never start a link and stay as they are;
 * the period, comma and hyphen are left alone so figures stay readable ("1.5", "800,000",
 * "2025-12-24"). What only matters at the start of a line ("- ", "1.") is neutralised there.
 */
export function escapeMarkdown(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_[\]<>#|~$&]/g, (c) => `\\${c}`)
    // Only what would start a list, rule or setext heading: "-5%" and "1.5%" stay as written.
    .replace(/^([-+=])(?=\s|$|\1)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

export const markdown: Markup = {
  text: (s) => escapeMarkdown(s),
  strong: (s) => `**${escapeMarkdown(s)}**`,
  em: (s) => `*${escapeMarkdown(s)}*`,
  quote: (s) => `> ${escapeMarkdown(s)}`,
  item: (s) => `- ${s}`,
  // A code span cannot be escaped from inside, so a name holding a backtick is escaped text instead.
  code: (s) => (/[`\r\n]/.test(s) ? escapeMarkdown(s) : `\`${s}\``),
};

export const plaintext: Markup = {
  text: (s) => oneLine(s),
  strong: (s) => oneLine(s),
  em: (s) => oneLine(s),
  quote: (s) => `“${oneLine(s)}”`,
  item: (s) => `• ${s}`,
  code: (s) => oneLine(s),
};
