import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";

export const MAX_REASON_LENGTH = 500;
export const AUDIT_ENTRIES_PAGE_SIZE = 50;

/**
 * Why an operator made a change: every operator change carries one (docs/API.md,
 * "Operators"), 1–500 characters after trimming. Missing or blank → 422
 * VALIDATION_FAILED. Every admin input schema embeds it as `reason`.
 */
export const reasonSchema = safeText()
  .trim()
  .min(1, "Say why you are making this change.")
  .max(MAX_REASON_LENGTH, `Keep the reason to ${MAX_REASON_LENGTH} characters.`);

/** The body of an operator change that carries nothing but its reason (e.g. a refund). */
export const reasonInput = z.object({ reason: reasonSchema }).meta({ id: "ReasonInput" });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    actorEmail: z.string(),
    /** What was done, as "<thing>.<verb>", e.g. "concert.create", "payment.refund". */
    action: z.string(),
    /** What it was done to, as "<thing>:<id>", e.g. "payment:…". */
    target: z.string(),
    /** The concert the change belongs to, when it belongs to one. */
    concertId: z.string().nullable(),
    reason: z.string(),
    /** The values before the change (null when it created something). */
    before: z.unknown(),
    /** The values after the change. */
    after: z.unknown(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AuditEntry" });

/** The cursor is opaque to clients: pass back the nextCursor of the previous page (empty or absent: the newest). */
export const auditEntriesQuery = z.object({
  cursor: z.string().regex(/^([1-9][0-9]{0,17})?$/, "Not a cursor from a previous page.").optional(),
  /** Only the changes of this concert. */
  concertId: z.uuid("The concert id must be a UUID.").transform((id) => id.toLowerCase()).optional(),
});

export const auditEntriesResponse = z
  .object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: "AuditEntries" });

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditEntriesPage = z.infer<typeof auditEntriesResponse>;
