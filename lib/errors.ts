/**
 * The one error type of the domain. Each code maps to one HTTP status; the
 * route wrapper (lib/http) turns an AppError into the error body of docs/API.md.
 */
export const ERROR_STATUS = {
  /** The body is not JSON. */
  MALFORMED_JSON: 400,
  /** POST /api/wallet/charge or /api/payments without an Idempotency-Key. */
  IDEMPOTENCY_KEY_REQUIRED: 400,
  /** No valid session. */
  UNAUTHENTICATED: 401,
  /** Wrong email or password (same answer for an unknown email). */
  INVALID_CREDENTIALS: 401,
  /** The queue token is missing, forged, altered or someone else's. */
  INVALID_QUEUE_TOKEN: 401,
  /** The wallet cannot cover the payment. */
  INSUFFICIENT_BALANCE: 402,
  /** Signed in, but not allowed (e.g. an operator page for a fan). */
  FORBIDDEN: 403,
  /** A non-GET request whose Origin is not ours. */
  FORBIDDEN_ORIGIN: 403,
  /** The queue token is valid but its turn has not come. */
  NOT_ADMITTED: 403,
  /** An unknown /api path, or an id that names nothing. */
  NOT_FOUND: 404,
  /** A known /api path asked with a method it does not serve; the answer carries Allow. */
  METHOD_NOT_ALLOWED: 405,
  EMAIL_TAKEN: 409,
  /** A seat of the request is held by someone else or sold; details.seatIds names them. */
  SEAT_UNAVAILABLE: 409,
  /** The fan would hold more than the per-performance limit. */
  HOLD_LIMIT: 409,
  /** A reservation to pay is not the fan's, not held, or already paid. */
  RESERVATION_NOT_PAYABLE: 409,
  /** The same Idempotency-Key is still being processed. */
  REQUEST_IN_PROGRESS: 409,
  /** The booking of this performance is closed or not open yet. */
  BOOKING_CLOSED: 409,
  /** The seats to refund (or the ticket to cancel) are refunded already: nothing is left to refund. */
  ALREADY_REFUNDED: 409,
  /** The ticket's date no longer takes bookings, so it can no longer be cancelled. */
  CANCELLATION_CLOSED: 409,
  /** Another unique value already exists. */
  CONFLICT: 409,
  /** An operator change would alter what fans already bought or hold (a sold date's start, a sold grade's price). */
  SEATS_SOLD: 409,
  /** The waiting room is paused, or not open yet: nobody can be admitted now. */
  ROOM_NOT_ADMITTING: 409,
  QUEUE_TOKEN_EXPIRED: 410,
  /** A hold to pay expired before the payment committed. */
  HOLD_EXPIRED: 410,
  /** The request body is larger than the endpoint accepts (64 KB unless it says otherwise). */
  PAYLOAD_TOO_LARGE: 413,
  /** Field values fail validation; details holds the field errors. */
  VALIDATION_FAILED: 422,
  /** The same Idempotency-Key was used with another request body. */
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The database is unreachable, dropped the connection or is too busy; retry after Retry-After. */
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Seconds after which a retry may succeed (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
