import { randomBytes, timingSafeEqual } from "node:crypto";
import { createHashThreads, type HashThreads } from "@/lib/auth/hash-threads";

// scrypt with N=2^15, r=8, p=1: about 32 MiB and tens of milliseconds per
// hash, OWASP's recommended floor. Parameters are stored with each hash so
// they can be raised later without invalidating old ones.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

let sharedThreads: HashThreads | undefined;

/** One hashing thread for callers outside the sign-in and sign-up budgets (the seed, test fixtures). */
function defaultThreads(): HashThreads {
  return (sharedThreads ??= createHashThreads(1));
}

function derive(threads: HashThreads, password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return threads.derive(password.normalize("NFKC"), salt, KEY_BYTES, params);
}

/** `threads`: where to hash (lib/auth/password-budget.ts gives each budget its own). */
export async function hashPassword(password: string, threads = defaultThreads()): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(threads, password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string, threads = defaultThreads()): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(threads, password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Checked against when the email is unknown, so both cases cost the same. */
export const DECOY_PASSWORD_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
