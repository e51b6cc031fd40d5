import { z } from "zod";
import { admissionWindowSecondsSchema, claimWindowSecondsSchema } from "@/lib/queue/schemas";
import { wonSchema } from "@/lib/validation/bounded-integers";

/**
 * Where a concert stands for a visitor right now:
 * ON_SALE — the waiting room is open and a performance still has seats;
 * OPENS_SOON — the waiting room has not opened yet (opensAt says when);
 * SOLD_OUT — every performance still on sale has sold every seat;
 * ENDED — no performance can be booked any more.
 */
export const SALE_STATUSES = ["ON_SALE", "OPENS_SOON", "SOLD_OUT", "ENDED"] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export const saleStatusSchema = z.enum(SALE_STATUSES).meta({
  id: "SaleStatus",
  description: "ON_SALE, OPENS_SOON (see opensAt), SOLD_OUT (every bookable performance sold) or ENDED.",
});

/** Responses only: an ISO-8601 UTC time written by the server. */
const isoTime = z.string().meta({ format: "date-time" });

export const concertSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    artist: z.string(),
    venue: z.string(),
    firstPerformanceAt: isoTime,
    lastPerformanceAt: isoTime,
    status: saleStatusSchema,
    opensAt: isoTime.nullable().meta({ description: "When the waiting room opens (null when it has none)." }),
  })
  .meta({ id: "ConcertSummary" });

export const concertListResponse = z
  .object({ concerts: z.array(concertSummarySchema) })
  .meta({ id: "ConcertListResponse", description: "Concerts with at least one performance, by first performance." });

export const performanceSummarySchema = z
  .object({
    id: z.string(),
    startsAt: isoTime,
    isSoldOut: z.boolean(),
    isOnSale: z.boolean().meta({ description: "Booking has not closed yet." }),
  })
  .meta({ id: "PerformanceSummary" });

export const priceTierSchema = z
  .object({ grade: z.string(), price: wonSchema })
  .meta({ id: "PriceTier", description: "A seat grade and its price in won." });

export const concertDetailSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    artist: z.string(),
    venue: z.string(),
    description: z.string(),
    status: saleStatusSchema,
    opensAt: isoTime.nullable(),
    admissionWindowSeconds: admissionWindowSecondsSchema.nullable().meta({ description: "How long an admitted fan may shop." }),
    claimWindowSeconds: claimWindowSecondsSchema.nullable().meta({ description: "How soon an admitted fan must show up." }),
    performances: z.array(performanceSummarySchema),
    priceTiers: z.array(priceTierSchema),
  })
  .meta({ id: "ConcertDetail" });

export const concertResponse = z.object({ concert: concertDetailSchema }).meta({ id: "ConcertResponse" });

export const concertIdParams = z.object({ concertId: z.uuid() });

export type ConcertSummary = z.infer<typeof concertSummarySchema>;
export type PerformanceSummary = z.infer<typeof performanceSummarySchema>;
export type PriceTier = z.infer<typeof priceTierSchema>;
export type ConcertDetail = z.infer<typeof concertDetailSchema>;
