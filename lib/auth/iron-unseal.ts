import "server-only";
import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from "node:crypto";

/**
 * Opens a seal made by iron-session's `sealData` with a single string
 * password, synchronously, with node:crypto. iron-session's own `unsealData`
 * does the same steps through WebCrypto: seven awaited calls, each a trip to
 * the thread pool, about 0.26 ms of CPU per seal against 0.02 ms here, and a
 * fan's first request to a process always pays it (docs/decisions/
 * 040-session-checks.md). Sealing stays with iron-session.
 *
 * The format (iron "Fe26.2", iron-session's "~2" suffix):
 *   Fe26.2*<password id>*<encryption salt>*<iv>*<ciphertext>*<expiry ms>*<hmac salt>*<hmac>~2
 * Keys are PBKDF2-SHA1 (1 iteration, 32 bytes) of the password with the hex
 * salt string; the HMAC is SHA-256 over the first six parts, compared as its
 * base64url text in constant time before anything is decrypted; the payload
 * is AES-256-CBC JSON.
 *
 * Returns the payload, or null for anything that is not a genuine, unexpired
 * seal under this password. Never throws.
 */
export function unsealIron(seal: string, password: string, nowMs = Date.now()): unknown {
  return openSeal(seal, password, nowMs)?.payload ?? null;
}

/** unsealIron's work, with the seal's expiry as it read it (Infinity: none). */
function openSeal(seal: string, password: string, nowMs: number): { payload: unknown; expiresAtMs: number } | null {
  const [sealed, version, ...rest] = seal.split("~");
  if (version !== IRON_SESSION_VERSION || rest.length > 0) return null;
  const parts = sealed!.split("*");
  if (parts.length !== 8) return null;
  const [prefix, passwordId, encryptionSalt, iv, ciphertext, expiry, hmacSalt, hmac] = parts as [string, ...string[]];
  if (prefix !== MAC_PREFIX || passwordId !== PASSWORD_ID || !encryptionSalt || !hmacSalt) return null;
  if (expiry && (!/^\d+$/.test(expiry) || hasExpired(Number(expiry), nowMs))) return null;

  const macBase = parts.slice(0, 6).join("*");
  const expected = Buffer.from(createHmac("sha256", deriveKey(password, hmacSalt)).update(macBase).digest("base64url"));
  const given = Buffer.from(hmac!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  try {
    const decipher = createDecipheriv("aes-256-cbc", deriveKey(password, encryptionSalt), Buffer.from(iv!, "base64url"));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext!, "base64url")), decipher.final()]);
    return { payload: JSON.parse(plaintext.toString("utf8")), expiresAtMs: expiry ? Number(expiry) : Infinity };
  } catch {
    return null;
  }
}

/** Genuine seals a process keeps opened at once (one per fan signed in lately); the oldest go first. */
const MAX_REMEMBERED_SEALS = 20_000;

type RememberedSeal = { password: string; payload: unknown; expiresAtMs: number };

const holder = globalThis as unknown as { encoreRememberedSeals?: Map<string, RememberedSeal> };
const rememberedSeals = (holder.encoreRememberedSeals ??= new Map());

/**
 * unsealIron for a seal that comes back on every request (a fan's session
 * cookie): a genuine seal's payload is kept by the seal's text, so its next
 * request costs a lookup instead of two PBKDF2 derivations, an HMAC and a
 * decryption — the largest share of a section refresh's own CPU once its
 * seat map was shared (docs/decisions/165). Expiry is checked on every call,
 * and the password must be the one that opened it; only genuine seals are
 * kept, so anything else is opened, and refused, every time. The payload is
 * shared between calls: never change it.
 */
export function unsealIronRemembered(seal: string, password: string, nowMs = Date.now()): unknown {
  const known = rememberedSeals.get(seal);
  if (known && known.password === password) return hasExpired(known.expiresAtMs, nowMs) ? null : known.payload;
  const opened = openSeal(seal, password, nowMs);
  if (opened === null || opened.payload === null) return null;
  if (!known && rememberedSeals.size >= MAX_REMEMBERED_SEALS) rememberedSeals.delete(rememberedSeals.keys().next().value!);
  rememberedSeals.set(seal, { password, ...opened });
  return opened.payload;
}

function hasExpired(expiresAtMs: number, nowMs: number): boolean {
  return expiresAtMs <= nowMs - TIMESTAMP_SKEW_MS;
}

const MAC_PREFIX = "Fe26.2";
/** iron-session seals with the id "1" when given a single password string. */
const PASSWORD_ID = "1";
const IRON_SESSION_VERSION = "2";
const TIMESTAMP_SKEW_MS = 60_000;

function deriveKey(password: string, salt: string): Buffer {
  return pbkdf2Sync(password, salt, 1, 32, "sha1");
}
