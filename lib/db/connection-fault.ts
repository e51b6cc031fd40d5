import { pgErrorCode } from "@/lib/db/pg-error";

/**
 * SQLSTATEs that say the session, not the request, failed: class 08
 * (connection exception), 57P01–57P03 (the server is shutting down, crashing,
 * or not accepting connections yet) and 53300 (too many connections).
 */
function isConnectionSqlState(sqlState: string): boolean {
  return sqlState.startsWith("08") || sqlState === "57P01" || sqlState === "57P02" || sqlState === "57P03" || sqlState === "53300";
}

/** Socket errors of a connection that could not be opened or was cut. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** Prisma's codes for "could not reach / lost the database" and "no connection from the pool in time". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** The kinds @prisma/adapter-pg gives the same failures. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * pg and pg-pool report a lost or unobtainable connection as a plain Error
 * (no code) with one of these messages: the server closed the socket, the
 * client is no longer queryable, or the pool timed out connecting.
 */
const DRIVER_MESSAGE = /Connection terminated|is not queryable|timeout exceeded when trying to connect|Client was closed/;

/**
 * Prisma's P2028 when no connection came free for an interactive transaction
 * within maxWait: the pool is exhausted, the request itself is fine. (P2028
 * also names other transaction failures, so the message decides.)
 */
const NO_CONNECTION_FOR_TRANSACTION = /Unable to start a transaction in the given time/;

type ErrorLike = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };

/**
 * True when `error` means the database is unreachable or dropped this
 * request's connection: the request itself may be fine, so the answer is 503
 * with Retry-After, and a safe read may be retried on a fresh connection.
 * Looks through Prisma's and the adapter's wrappers and any `cause` chain.
 */
export function isConnectionFault(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const sqlState = pgErrorCode(error);
  if (sqlState !== undefined && isConnectionSqlState(sqlState)) return true;
  const candidate = error as ErrorLike;
  if (typeof candidate.code === "string" && (SOCKET_CODES.has(candidate.code) || PRISMA_CODES.has(candidate.code))) return true;
  const kind = candidate.meta?.driverAdapterError?.cause?.kind ?? candidate.kind;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  // Prisma wraps a driver error it does not know in its own, keeping the driver's message in its own.
  if (typeof candidate.message === "string" && DRIVER_MESSAGE.test(candidate.message)) return true;
  if (candidate.code === "P2028" && typeof candidate.message === "string" && NO_CONNECTION_FOR_TRANSACTION.test(candidate.message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isConnectionFault(inner, depth + 1))) return true;
  return candidate.cause !== undefined && candidate.cause !== error && isConnectionFault(candidate.cause, depth + 1);
}

/**
 * Runs a read again, once, when its connection failed: the pool has dropped
 * the broken connection, so the second attempt runs on another one. Only for
 * work that changes nothing (a retried write could take effect twice).
 */
export async function retryReadOnce<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isConnectionFault(error)) throw error;
    return read();
  }
}
