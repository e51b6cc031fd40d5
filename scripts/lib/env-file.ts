import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";

/**
 * Reads KEY=value lines from a .env file into process.env. Variables already
 * set in the environment win, so `PORT=4000 npm start` beats the file.
 */
export function loadEnvFile(file = ".env"): string[] {
  if (!existsSync(file)) return [];
  const values = parseEnv(readFileSync(file, "utf8")) as Record<string, string>;
  const loaded: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (process.env[key] !== undefined) continue;
    process.env[key] = value;
    loaded.push(key);
  }
  return loaded;
}
