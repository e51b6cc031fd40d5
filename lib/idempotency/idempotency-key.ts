import { AppError } from "@/lib/errors";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The Idempotency-Key of a request. Missing or empty → 400
 * IDEMPOTENCY_KEY_REQUIRED (docs/API.md); longer than 255 characters → 422
 * VALIDATION_FAILED, because the header is there but its value is bad.
 */
export function readIdempotencyKey(request: Request): string {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (!key) {
    throw new AppError("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header (1–255 characters) with this request.");
  }
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError("VALIDATION_FAILED", "The Idempotency-Key header is longer than 255 characters.", {
      details: { fields: { "Idempotency-Key": [`At most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`] } },
    });
  }
  return key;
}
