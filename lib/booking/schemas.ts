import { z } from "zod";
import { purgedRowsSchema } from "@/lib/retention/schemas";
import { counterSchema, seatCountSchema, seatNumberSchema, wonSchema } from "@/lib/validation/bounded-integers";

/** Seat ids of one hold request: 1–4 distinct UUIDs (the per-fan limit is checked against live holds too). */
export const MAX_SEATS_PER_REQUEST = 4;

export const holdSeatsInput = z
  .object({
    performanceId: z.uuid(),
    seatIds: z
      .array(z.uuid())
      .min(1, "Choose at least one seat.")
      .max(MAX_SEATS_PER_REQUEST, `Choose at most ${MAX_SEATS_PER_REQUEST} seats.`)
      .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, "Each seat may appear only once."),
  })
  .meta({ id: "HoldSeatsInput" });

export type HoldSeatsInput = z.infer<typeof holdSeatsInput>;

export const concertIdParams = z.object({ concertId: z.uuid() });
export const performanceIdParams = z.object({ performanceId: z.uuid() });
export const reservationIdParams = z.object({ reservationId: z.uuid() });

const isoDateTime = z.iso.datetime();

export const performanceSchema = z
  .object({
    id: z.string(),
    startsAt: isoDateTime,
    availableSeats: seatCountSchema.describe("Seats free now; an expired hold counts as free."),
    totalSeats: seatCountSchema,
    bookingOpensAt: isoDateTime,
    bookingClosesAt: isoDateTime,
    isBookingOpen: z.boolean().describe("Holds are accepted now: booking has opened (and has not closed, or the date would not be listed)."),
    isSoldOut: z.boolean(),
  })
  .meta({ id: "BookablePerformance" });

export const performancesResponse = z.object({ performances: z.array(performanceSchema) }).meta({ id: "PerformancesResponse" });

export const seatStatusSchema = z.enum(["AVAILABLE", "HELD", "SOLD"]);

/** Where a seat is and what a fan reads: on every seat object of the API. */
export const seatPlaceFields = {
  sectionId: z.string().describe("The venue section's id (GET /api/performances/{performanceId}/sections)."),
  sectionName: z.string(),
  row: z.string().describe("The row's label within its section, e.g. \"3\" or \"B\"."),
  label: z.string().describe("What a fan reads, e.g. \"A구역 3열 12번\"."),
};

export const seatsQuery = z.object({
  section: z.string().max(100).optional().describe("Only this section's seats; a section that is not of the performance's venue answers 404."),
});

export const seatSchema = z
  .object({
    id: z.string(),
    number: seatNumberSchema,
    ...seatPlaceFields,
    grade: z.string(),
    price: wonSchema,
    status: seatStatusSchema.describe("HELD only while a hold is live; an expired hold is AVAILABLE."),
    heldByMe: z.boolean(),
    expiresAt: isoDateTime.nullable().describe("When the caller's own hold of this seat ends; null otherwise."),
  })
  .meta({ id: "SeatState" });

export const seatsResponse = z.object({ seats: z.array(seatSchema) }).meta({ id: "SeatsResponse" });

const viewBoxCoordinate = z.number().describe("In the venue drawing's 1000 × 1000 view box.");

export const sectionSchema = z
  .object({
    id: z.string(),
    position: z.number().int().min(0).describe("Drawing order; seats are numbered section by section in this order."),
    name: z.string(),
    grade: z.string(),
    price: wonSchema.nullable().describe("The price of every seat of the section; null for a section without seats on this date."),
    totalSeats: seatCountSchema,
    availableSeats: seatCountSchema.describe("Seats free now; an expired hold counts as free."),
    rowLabels: z.array(z.string()).describe("Front row first."),
    rowLengths: z.array(seatCountSchema).describe("Seats in each row, front row first."),
    aislesAfter: z.array(seatCountSchema).describe("Seat positions in a row after which an aisle is drawn."),
    x: viewBoxCoordinate,
    y: viewBoxCoordinate,
    width: viewBoxCoordinate,
    height: viewBoxCoordinate,
    rotation: z.number().describe("Degrees clockwise about the box's centre."),
  })
  .meta({ id: "VenueSection" });

export const sectionsResponse = z
  .object({
    venue: z.object({ id: z.string(), name: z.string() }),
    sections: z.array(sectionSchema),
    totalSeats: seatCountSchema,
    availableSeats: seatCountSchema,
  })
  .meta({ id: "SectionsResponse" });

export const heldReservationSchema = z
  .object({
    id: z.string(),
    seatId: z.string(),
    ...seatPlaceFields,
    performanceId: z.string(),
    price: wonSchema,
    status: z.literal("HELD"),
    expiresAt: isoDateTime,
  })
  .meta({ id: "HeldReservation" });

export const holdSeatsResponse = z.object({ reservations: z.array(heldReservationSchema) }).meta({ id: "HoldSeatsResponse" });

export const reservationStatusSchema = z.enum(["HELD", "CONFIRMED", "EXPIRED", "CANCELLED"]);

export const myReservationSchema = z
  .object({
    id: z.string(),
    seatId: z.string(),
    seatNumber: seatNumberSchema,
    ...seatPlaceFields,
    grade: z.string(),
    performanceId: z.string(),
    startsAt: isoDateTime,
    concertId: z.string(),
    concertTitle: z.string(),
    price: wonSchema,
    status: reservationStatusSchema.describe("A hold whose time ran out is EXPIRED even before the cron marks it."),
    expiresAt: isoDateTime,
    createdAt: isoDateTime,
  })
  .meta({ id: "MyReservation" });

export const myReservationsResponse = z.object({ reservations: z.array(myReservationSchema) }).meta({ id: "MyReservationsResponse" });

export const releaseHoldsResponse = z
  .object({
    released: counterSchema,
    expiredTokens: counterSchema,
    purged: purgedRowsSchema,
    /** False when the purge's time budget ended it with rows left for the next run. */
    isPurgeDrained: z.boolean(),
  })
  .meta({ id: "ReleaseHoldsResponse" });
