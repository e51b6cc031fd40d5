/** SQLSTATE codes the app reacts to. */
export const PG = {
  UNIQUE_VIOLATION: "23505",
  CHECK_VIOLATION: "23514",
  FOREIGN_KEY_VIOLATION: "23503",
  INVALID_TEXT_REPRESENTATION: "22P02",
  LOCK_NOT_AVAILABLE: "55P03",
  QUERY_CANCELED: "57014",
  DEADLOCK_DETECTED: "40P01",
  SERIALIZATION_FAILURE: "40001",
} as const;

type ErrorLike = {
  code?: unknown;
  severity?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The SQLSTATE of an error thrown by Prisma (an ORM call or a raw query, both
 * through the pg driver adapter) or by pg itself; undefined for anything else.
 */
export function pgErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const candidate = error as ErrorLike;
  const fromAdapter = candidate.meta?.driverAdapterError?.cause?.originalCode ?? candidate.originalCode;
  if (typeof fromAdapter === "string" && SQLSTATE.test(fromAdapter)) return fromAdapter;
  if (candidate.code === "P2002") return PG.UNIQUE_VIOLATION;
  if (candidate.code === "P2003") return PG.FOREIGN_KEY_VIOLATION;
  // pg's own DatabaseError carries the SQLSTATE in `code` next to a severity.
  if (typeof candidate.code === "string" && candidate.severity !== undefined && SQLSTATE.test(candidate.code)) {
    return candidate.code;
  }
  return candidate.cause && candidate.cause !== error ? pgErrorCode(candidate.cause) : undefined;
}
