import "server-only";
import type { SqlClient } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type LockedHold = {
  id: string;
  seatId: string;
  seatNumber: number;
  grade: string;
  performanceId: string;
  concertId: string;
  startsAt: Date;
  price: bigint;
  expiresAt: Date;
};

type HoldRow = {
  id: string;
  status: string;
  seat_id: string;
  seat_number: number;
  grade: string;
  performance_id: string;
  concert_id: string;
  starts_at: Date;
  price: bigint;
  expires_at: Date;
};

/**
 * Locks the fan's reservations to pay (in id order, so two payments of the same
 * holds queue instead of deadlocking) and checks that each one is the fan's,
 * still HELD and of one concert. Whether a hold is still live is decided later,
 * under these locks, against the database clock.
 *
 * 409 RESERVATION_NOT_PAYABLE: an id that does not exist, is another fan's, is
 * paid or cancelled, or holds of several concerts. 410 HOLD_EXPIRED: a hold the
 * release job already marked EXPIRED.
 */
export async function lockPayableHolds(db: SqlClient, options: { userId: string; reservationIds: string[] }): Promise<LockedHold[]> {
  const rows = await db.$queryRaw<HoldRow[]>`
    SELECT r.id, r.status::text AS status, r.seat_id, s.number AS seat_number, s.grade,
           r.performance_id, p.concert_id, p.starts_at, r.price, r.expires_at
    FROM reservations r
    JOIN seats s ON s.id = r.seat_id
    JOIN performances p ON p.id = r.performance_id
    WHERE r.id = ANY(${options.reservationIds}::uuid[]) AND r.user_id = ${options.userId}::uuid
    ORDER BY r.id
    FOR UPDATE OF r`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const unpayable = options.reservationIds.filter((id) => {
    const status = byId.get(id)?.status;
    return status !== "HELD" && status !== "EXPIRED";
  });
  if (unpayable.length > 0) {
    throw new AppError("RESERVATION_NOT_PAYABLE", "Some reservations cannot be paid: they are not your current holds.", {
      details: { reservationIds: unpayable },
    });
  }
  if (new Set(rows.map((row) => row.concert_id)).size > 1) {
    throw new AppError("RESERVATION_NOT_PAYABLE", "Pay for the holds of one concert at a time.", {
      details: { reservationIds: options.reservationIds },
    });
  }
  const expired = rows.filter((row) => row.status === "EXPIRED").map((row) => row.id);
  if (expired.length > 0) throw holdExpired(expired);
  return rows.map((row) => ({
    id: row.id,
    seatId: row.seat_id,
    seatNumber: row.seat_number,
    grade: row.grade,
    performanceId: row.performance_id,
    concertId: row.concert_id,
    startsAt: row.starts_at,
    price: row.price,
    expiresAt: row.expires_at,
  }));
}

export function holdExpired(reservationIds: string[]): AppError {
  return new AppError("HOLD_EXPIRED", "Your hold has expired. Pick your seats again.", { details: { reservationIds } });
}
