/** Where the CLI writes, so tests can run it in-process and read what it printed. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** Bad usage or unreadable input: exit 2 with the message on stderr. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_WRONG = 1;
export const EXIT_USAGE = 2;
