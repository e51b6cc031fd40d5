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

export const seatSchema = z
  .object({
    id: z.string(),
    number: seatNumberSchema,
    grade: z.string(),
    price: wonSchema,
    status: seatStatusSchema.describe("HELD only while a hold is live; an expired hold is AVAILABLE."),
    heldByMe: z.boolean(),
    expiresAt: isoDateTime.nullable().describe("When the caller's own hold of this seat ends; null otherwise."),
  })
  .meta({ id: "SeatState" });

export const seatsResponse = z.object({ seats: z.array(seatSchema) }).meta({ id: "SeatsResponse" });

export const heldReservationSchema = z
  .object({
    id: z.string(),
    seatId: z.string(),
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
