import { z } from "zod";
import { reasonSchema } from "@/lib/audit/schemas";
import { seatCountSchema, wonSchema } from "@/lib/validation/bounded-integers";
import { safeText } from "@/lib/validation/safe-text";

// What an operator sends to create and edit concerts and their dates, shared
// by the JSON routes under /api/admin and the console's server actions, and
// what they answer.

const title = safeText().trim().min(1, "Give the concert a title.").max(200, "Keep the title to 200 characters.");
const artist = safeText().trim().min(1, "Name the artist.").max(200, "Keep the artist to 200 characters.");
const description = safeText().trim().max(5_000, "Keep the description to 5,000 characters.");
/** Won per grade; the grades are the venue's (every one on creation). */
const prices = z.record(safeText().min(1).max(20), wonSchema);
/** An instant, as ISO-8601 text (or a Date from a server action). */
const instant = z.coerce.date({ error: "Give a date and time." });

export const concertInput = z
  .object({
    title,
    artist,
    description: description.default(""),
    venueId: z.uuid("Pick a venue.").transform((id) => id.toLowerCase()),
    prices: prices.describe("Won per grade: every grade of the venue, no other."),
    /** When the waiting room opens; at once when absent. */
    opensAt: instant.optional(),
    reason: reasonSchema,
  })
  .meta({ id: "ConcertInput" });

export const concertUpdate = z
  .object({
    title: title.optional(),
    artist: artist.optional(),
    description: description.optional(),
    prices: prices.optional().describe("Won per grade, for the grades to change. A grade with a seat sold or held keeps its price (409 SEATS_SOLD)."),
    reason: reasonSchema,
  })
  .strict()
  .refine((update) => [update.title, update.artist, update.description, update.prices].some((field) => field !== undefined), "Change at least one field.")
  .meta({ id: "ConcertUpdate" });

/** Booking opens before it closes, and closes no later than the start. */
function bookingWindowIssues(times: { startsAt: Date; bookingOpensAt: Date; bookingClosesAt: Date }): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (times.bookingOpensAt >= times.bookingClosesAt) issues.push({ path: "bookingClosesAt", message: "Booking must close after it opens." });
  if (times.bookingClosesAt > times.startsAt) issues.push({ path: "bookingClosesAt", message: "Booking must close by the start." });
  return issues;
}

export const performanceInput = z
  .object({ startsAt: instant, bookingOpensAt: instant, bookingClosesAt: instant, reason: reasonSchema })
  .superRefine((times, context) => {
    for (const issue of bookingWindowIssues(times)) context.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  })
  .meta({ id: "PerformanceInput" });

export const performanceUpdate = z
  .object({ startsAt: instant.optional(), bookingOpensAt: instant.optional(), bookingClosesAt: instant.optional(), reason: reasonSchema })
  .strict()
  .refine((update) => [update.startsAt, update.bookingOpensAt, update.bookingClosesAt].some((time) => time !== undefined), "Change at least one time.")
  .meta({ id: "PerformanceUpdate" });

export { bookingWindowIssues };

export const concertIdParams = z.object({ concertId: z.uuid() });
export const performanceIdParams = z.object({ performanceId: z.uuid() });

const isoTime = z.iso.datetime();

export const adminPerformanceSchema = z
  .object({
    id: z.string(),
    startsAt: isoTime,
    bookingOpensAt: isoTime,
    bookingClosesAt: isoTime,
    totalSeats: seatCountSchema,
    soldSeats: seatCountSchema,
  })
  .meta({ id: "AdminPerformance" });

export const adminConcertSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    artist: z.string(),
    description: z.string(),
    venueId: z.string(),
    venueName: z.string(),
    prices: z.record(z.string(), wonSchema),
    createdAt: isoTime,
    roomOpensAt: isoTime,
    isPaused: z.boolean(),
    performances: z.array(adminPerformanceSchema),
  })
  .meta({ id: "AdminConcert" });

export const adminConcertResponse = z.object({ concert: adminConcertSchema }).meta({ id: "AdminConcertAnswer" });
export const adminConcertListResponse = z.object({ concerts: z.array(adminConcertSchema) }).meta({ id: "AdminConcertList" });
export const adminPerformanceResponse = z.object({ performance: adminPerformanceSchema }).meta({ id: "AdminPerformanceAnswer" });

export type ConcertInput = z.infer<typeof concertInput>;
export type ConcertUpdate = z.infer<typeof concertUpdate>;
export type PerformanceInput = z.infer<typeof performanceInput>;
export type PerformanceUpdate = z.infer<typeof performanceUpdate>;
export type AdminConcert = z.infer<typeof adminConcertSchema>;
export type AdminPerformance = z.infer<typeof adminPerformanceSchema>;
