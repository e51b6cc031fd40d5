import "server-only";
import type { Database } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { preparedQuery } from "@/lib/db/prepared-query";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { concertOfPerformance } from "@/lib/booking/concert-of-performance";
import { holdRefusalError, seatUnavailable, type HoldRefusal } from "@/lib/booking/hold-refusals";
import { markSeatMapStale } from "@/lib/booking/seat-map-snapshot";
import { toQueuePlace, type QueuePlace } from "@/lib/queue/claim-queue-place";
import { queueTokenFor, type QueueTokens } from "@/lib/queue/queue-tokens";
import { admissionRefusal, verifyQueueToken } from "@/lib/queue/require-admission";
import type { SeatPlace } from "@/lib/venues/seat-place";

export type HoldSeatsOptions = {
  userId: string;
  performanceId: string;
  /** 1–4 distinct seat ids (validated by the caller's schema). */
  seatIds: string[];
  /** The request's queue tokens; the performance's concert picks the one that counts. */
  queueTokens: QueueTokens;
  /** Defaults to HOLD_TTL_SECONDS. */
  holdTtlSeconds?: number;
  /** Defaults to MAX_HOLDS_PER_PERFORMANCE. */
  maxHoldsPerPerformance?: number;
};

export type HeldReservation = SeatPlace & {
  id: string;
  seatId: string;
  performanceId: string;
  price: number;
  status: "HELD";
  expiresAt: Date;
};

type HoldSeatsRow = {
  place_status: string | null;
  place_admitted_until: Date | null;
  place_is_live: boolean | null;
  refusal: HoldRefusal | "NOT_ADMITTED" | "NO_PERFORMANCE" | null;
  seat_ids: string[] | null;
  live_holds: number | null;
  reservation_ids: string[] | null;
  held_seat_ids: string[] | null;
  prices: bigint[] | null;
  expires_at: Date | null;
  section_ids: string[] | null;
  section_names: string[] | null;
  row_labels: string[] | null;
  labels: string[] | null;
};

/** Waiting too long behind a competing claim (lock_timeout, statement_timeout, a deadlock) means someone else is taking the seat. */
const LOST_RACE_CODES: ReadonlySet<string> = new Set([PG.LOCK_NOT_AVAILABLE, PG.QUERY_CANCELED, PG.DEADLOCK_DETECTED]);

/**
 * Holds all of the requested seats for the fan, or none of them.
 *
 * The performance's concert picks the queue token, which must verify; then
 * ONE statement, the SQL function hold_seats (migration 20261124100000), runs
 * the rest of the ADMITTED guard (claim_queue_place) and the claim: under a
 * lock on this fan's holds of the performance, expired holds of the seats
 * give way and the holds are inserted guarded by the partial unique index
 * reservations_one_live_per_seat, so two fans can never hold one seat. Its
 * transaction never waits on this process (docs/decisions/020).
 */
export async function holdSeats(database: Database, options: HoldSeatsOptions): Promise<HeldReservation[]> {
  const seatIds = [...new Set(options.seatIds.map((id) => id.toLowerCase()))].sort();
  const maxHolds = options.maxHoldsPerPerformance ?? env().MAX_HOLDS_PER_PERFORMANCE;
  const concertId = await concertOfPerformance(database, options.performanceId);
  const claims = await verifyQueueToken({ token: queueTokenFor(options.queueTokens, concertId), userId: options.userId, concertId });

  let row: HoldSeatsRow | undefined;
  try {
    [row] = await preparedQuery<HoldSeatsRow>(database)`
      SELECT * FROM hold_seats(${claims.tid}::uuid, ${options.userId}::uuid, ${concertId}::uuid, ${options.performanceId}::uuid,
                               ${seatIds}::uuid[], ${options.holdTtlSeconds ?? env().HOLD_TTL_SECONDS}::int, ${maxHolds}::int)`;
  } catch (error) {
    if (!LOST_RACE_CODES.has(pgErrorCode(error) ?? "")) throw error;
    markSeatMapStale(options.performanceId);
    throw seatUnavailable(seatIds);
  }
  if (!row) throw new Error("hold_seats answered no row.");
  if (row.refusal === "NOT_ADMITTED") throw admissionRefusal(placeOf(row)) ?? new Error("hold_seats refused an admitted place.");
  if (row.refusal === "NO_PERFORMANCE") throw new AppError("NOT_FOUND", "No such performance.");
  if (row.refusal) {
    // The fan's map showed these seats free: this process's copy of the map is behind.
    if (row.refusal === "SEAT_UNAVAILABLE") markSeatMapStale(options.performanceId);
    throw holdRefusalError(row.refusal, { seatIds: row.seat_ids ?? [], liveHolds: row.live_holds ?? 0, maxHolds });
  }
  return heldReservations(row, options.performanceId);
}

/** The queue token's place as hold_seats found it; null when the token has no row for this fan and concert. */
function placeOf(row: HoldSeatsRow): QueuePlace | null {
  if (row.place_status === null) return null;
  return toQueuePlace({ status: row.place_status, admitted_until: row.place_admitted_until, is_live: row.place_is_live ?? false });
}

function heldReservations(row: HoldSeatsRow, performanceId: string): HeldReservation[] {
  const ids = row.reservation_ids ?? [];
  return ids.map((id, index) => ({
    id,
    seatId: row.held_seat_ids![index]!,
    sectionId: row.section_ids![index]!,
    sectionName: row.section_names![index]!,
    row: row.row_labels![index]!,
    label: row.labels![index]!,
    performanceId,
    price: Number(row.prices![index]!),
    status: "HELD",
    expiresAt: row.expires_at!,
  }));
}
