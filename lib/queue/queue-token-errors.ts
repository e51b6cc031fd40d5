import "server-only";
import { AppError } from "@/lib/errors";

// The guard's and the poll's answers about a queue token (docs/API.md): built here only.

/** 401: no token, or one that is forged, altered, someone else's or for another concert. */
export function invalidQueueToken(): AppError {
  return new AppError("INVALID_QUEUE_TOKEN", "A valid queue token for this concert is required.");
}

/** 403: a genuine token whose turn has not come. */
export function notAdmitted(): AppError {
  return new AppError("NOT_ADMITTED", "Your turn has not come yet.");
}

/** 410: the place was left, paid, lapsed or its turn ran out. */
export function queueTokenExpired(): AppError {
  return new AppError("QUEUE_TOKEN_EXPIRED", "This place in line has ended. Join the line again.");
}
