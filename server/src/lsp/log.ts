/** Where the server's messages go: the client's output channel, not stdout (which carries LSP). */
export interface Log {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

/**
 * Wraps a handler so that a failure is logged with its context and answered with `fallback`.
 * One bad document or a checker bug must never take the server (and every open draft) down.
 */
export function guard<P, R>(log: Log, context: (params: P) => string, fallback: R, fn: (params: P) => R | Promise<R>) {
  return async (params: P): Promise<R> => {
    try {
      return await fn(params);
    } catch (e) {
      let where = '';
      try { where = context(params); } catch { /* the context itself must not throw */ }
      log.error(`[${where}] ${describeError(e)}`);
      return fallback;
    }
  };
}
