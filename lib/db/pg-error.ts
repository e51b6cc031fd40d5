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

/**
 * The SQLSTATE of an error thrown by Prisma (ORM call or raw query through the
 * pg adapter) or by pg itself; undefined for anything else.
 */
export function pgErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as Record<string, unknown>;
    if (candidate.code === "P2002") return PG.UNIQUE_VIOLATION;
    if (candidate.code === "P2003") return PG.FOREIGN_KEY_VIOLATION;
    for (const key of ["originalCode", "code"]) {
      const value = candidate[key];
      if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value)) return value;
    }
    current = candidate.cause ?? candidate.meta ?? (candidate.meta as Record<string, unknown> | undefined)?.driverAdapterError;
    const meta = candidate.meta as Record<string, unknown> | undefined;
    if (meta?.driverAdapterError) current = meta.driverAdapterError;
  }
  return undefined;
}
