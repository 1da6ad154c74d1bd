export const HELP = `factdesk — check the figures in news drafts against Fact Desk's sourced fact base

Usage:
  factdesk check <file or folder>... [--facts <file or folder>]... [--format text|json|sarif] [--report-unsourced]
  factdesk facts [--json] [--verify <articles folder>]
  factdesk facts validate <fact file or folder>...
  factdesk --help | --version

check
  Checks each file; folders are searched for *.md, *.markdown, *.txt and *.draft files
  (node_modules and .git are skipped). Files named explicitly are checked whatever their extension.
  --format text    file:line:col: warning: message [code], then a summary (default)
  --format json    an array of {file, line, column, endLine, endColumn, figure, verdict, code,
                   message, fact, sourced}, one per figure tied to a fact (wrong, disputed, ok)
  --format sarif   SARIF 2.1.0, for code-scanning tools (wrong and disputed figures)
  --report-unsourced  also report figures no fact covers (verdict "unsourced")
  --facts <path>   fact files (*.facts.yaml, *.facts.json) to use besides the bundled base; a
                   folder is searched for them. Folders being checked lend theirs too. Problems in
                   fact files are printed to stderr as file:line:col: message.
  Suppression comments (<!-- factdesk-disable --> etc., %% factdesk: ... lines) are honoured.
  Lines and columns are 1-based; columns count UTF-16 code units, as editors and LSP do.
  endColumn is exclusive (the column just after the figure), as in SARIF.

facts
  Lists the bundled fact base: id, value, statement and source; --json for every field.
  --verify <dir>   checks that every quote occurs verbatim in its article (the source's file,
                   looked up in <dir>); exit 1 when one does not.
  validate         checks fact files (or the fact files in folders) as the editor does and prints
                   each problem as file:line:col: message; exit 1 when there is any.

Exit status: 0 no wrong figures, 1 wrong figures found, 2 bad usage or unreadable input.
`;
