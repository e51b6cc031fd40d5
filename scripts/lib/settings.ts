import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root (scripts/lib/../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const portSchema = z.coerce.number().int().min(1).max(65_535);

/** A TCP port from an environment variable, or the fallback; a clear error when it is not a port. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = portSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${name}=${raw} is not a TCP port (1–65535).`);
  return parsed.data;
}

/** Prints a line prefixed with the tool's name, so it stands out from Next's own output. */
export function logger(name: string): (line: string) => void {
  return (line) => console.log(`[${name}] ${line}`);
}
