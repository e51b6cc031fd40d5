import { z } from "zod";
import { counterSchema, seatCountSchema, wonSchema } from "@/lib/validation/bounded-integers";

const seatCounts = {
  total: seatCountSchema.describe("Seats of every date of the concert."),
  sold: seatCountSchema,
  held: seatCountSchema.describe("Seats under a live hold (expired holds count as available)."),
  available: seatCountSchema,
};

export const liveMinuteSchema = z
  .object({
    minute: z.iso.datetime().describe("The start of the minute."),
    joins: counterSchema,
    admissions: counterSchema,
    holds: counterSchema.describe("Seats held in the minute."),
    payments: counterSchema.describe("Payments of seats still sold."),
    seatsSold: counterSchema.describe("Seats sold in the minute that are still sold (a refunded seat drops out)."),
  })
  .meta({ id: "LiveMinute" });

export const liveResponse = z
  .object({
    room: z.object({
      waiting: counterSchema, admitted: counterSchema, isPaused: z.boolean(), lastTicket: counterSchema, servingCounter: counterSchema,
      noShows: counterSchema.describe(
        "An addition: fans admitted who did not claim their turn within the claim window (ended as ABANDONED, or lapsed and not yet ended).",
      ),
      etaSeconds: counterSchema.nullable().describe(
        "An addition: seconds until the last fan waiting now is admitted, at the pace of the last 5 minutes' admissions "
        + "(or, with none, the pace the settings allow); 0 when nobody waits, null while paused or before the opening.",
      ),
    }),
    seats: z.object(seatCounts),
    revenue: wonSchema.describe("Won of the seats sold (refunded seats excluded)."),
    perMinute: z.array(liveMinuteSchema).describe("The last 60 minutes, oldest first, the current minute last."),
    dates: z
      .array(z.object({
        performanceId: z.string(),
        startsAt: z.iso.datetime(),
        ...seatCounts,
        sections: z
          .array(z.object({
            sectionId: z.string(), name: z.string(), grade: z.string(), ...seatCounts,
            x: z.number(), y: z.number(), width: z.number(), height: z.number(),
            rotation: z.number().describe("The section's box on the venue drawing (1000 × 1000 view box), as the sections endpoint draws it."),
          }))
          .describe("Per section of the venue, in drawing order: the heat map."),
      }))
      .describe("An addition: the seat counts per date and per section."),
    readAt: z.iso.datetime().describe("An addition: when the database was read (the answer is shared for about a second)."),
  })
  .meta({ id: "LiveCounts" });

export type LiveCounts = z.infer<typeof liveResponse>;
