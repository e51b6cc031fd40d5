/**
 * Structured log lines on stderr: one JSON object per line. `message` says what
 * failed; the error's own name, message and stack go under `error`, so neither
 * they nor `context` can overwrite it.
 */
export function logError(message: string, error: unknown, context: Record<string, unknown> = {}): void {
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error;
  console.error(JSON.stringify({ ...context, level: "error", time: new Date().toISOString(), message, error: detail }));
}
