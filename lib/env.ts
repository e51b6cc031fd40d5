import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Configuration, validated once. Every setting is documented in .env.example;
 * nothing else in the app reads process.env.
 */
const deploymentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by `npm start` and the test suite: a production build run on this machine. */
  ENCORE_LOCAL: z.enum(["true", "false"]).default("false"),
});

const envSchema = deploymentSchema.extend({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_SECRET: z.string().min(32).optional(),
  CRON_SECRET: z.string().min(16).optional(),
  QUEUE_TOKEN_SECRET: z.string().min(32).optional(),
  HOLD_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  MAX_HOLDS_PER_PERFORMANCE: z.coerce.number().int().min(1).max(10).default(4),
  /**
   * Password hashes handed at once to the hashing thread of sign-in (unknown emails included) and of
   * sign-up (lib/auth/hash-threads.ts), so it always has the next one while the event loop is busy.
   */
  SIGN_IN_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  SIGN_UP_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Requests admitted behind the running hashes; more are shed with 503 + Retry-After. */
  SIGN_IN_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
  SIGN_UP_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  /** Longest expected wait for a hashing slot a request is admitted to (both budgets). */
  HASH_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** How long a sign-in or sign-up shed by its budget waits before its 503 is answered (docs/decisions/180). */
  HASH_SHED_ANSWER_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(1_000),
  /** The port this server listens on (`next start -p` / `npm start`): the proxy renders shared pages through it. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  ENCORE_DATA_DIR: z.string().default(".data"),
  /** Set only by `npm run bench`: enables the reference route /api/bench/noop. */
  ENCORE_BENCH: z.enum(["true", "false"]).default("false"),
});

export type Env = Omit<z.infer<typeof envSchema>, "SESSION_SECRET" | "CRON_SECRET" | "QUEUE_TOKEN_SECRET"> & {
  SESSION_SECRET: string;
  CRON_SECRET: string;
  QUEUE_TOKEN_SECRET: string;
  isProduction: boolean;
  secureCookies: boolean;
};

/**
 * A secret from the environment, or outside production one generated once
 * into the data folder so sessions survive restarts. Production refuses to
 * start without it.
 */
function resolveSecret(name: string, value: string | undefined, dataDir: string, isProduction: boolean): string {
  if (value) return value;
  if (isProduction) throw new Error(`${name} must be set in production (see .env.example).`);
  const file = path.join(dataDir, name.toLowerCase().replaceAll("_", "-"));
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const raw = parsed.data;
  const isProduction = isProductionDeployment(raw);
  const dataDir = path.resolve(raw.ENCORE_DATA_DIR);
  return {
    ...raw,
    isProduction,
    secureCookies: raw.SECURE_COOKIES ? raw.SECURE_COOKIES === "true" : isProduction,
    SESSION_SECRET: resolveSecret("SESSION_SECRET", raw.SESSION_SECRET, dataDir, isProduction),
    CRON_SECRET: resolveSecret("CRON_SECRET", raw.CRON_SECRET, dataDir, isProduction),
    QUEUE_TOKEN_SECRET: resolveSecret("QUEUE_TOKEN_SECRET", raw.QUEUE_TOKEN_SECRET, dataDir, isProduction),
  };
}

/**
 * A real deployment (not a local stack, not `next build`, which runs with
 * NODE_ENV=production but no secrets). Reads only these variables, so code
 * that needs nothing else (the API's HSTS header) need not load the whole
 * configuration.
 */
export function isProductionDeployment(
  variables: { NODE_ENV?: string; ENCORE_LOCAL?: string } = deploymentSchema.parse(process.env),
): boolean {
  const isBuilding = process.env.NEXT_PHASE === "phase-production-build";
  return variables.NODE_ENV === "production" && variables.ENCORE_LOCAL === "false" && !isBuilding;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
