// Shared set-up for the booking integration tests: admitted fans and calls
// to the booking route handlers with their session cookie and queue token.
import { GET as listPerformancesRoute } from "@/app/api/concerts/[concertId]/performances/route";
import { GET as listSeatsRoute } from "@/app/api/performances/[performanceId]/seats/route";
import { GET as listSectionsRoute } from "@/app/api/performances/[performanceId]/sections/route";
import { DELETE as releaseRoute } from "@/app/api/reservations/[reservationId]/route";
import { GET as myReservationsRoute, POST as holdRoute } from "@/app/api/reservations/route";
import { db } from "@/lib/db";
import { createUser, createUsers, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { admitFan } from "@/lib/testing/queue";

export type Fan = { userId: string; cookie: string; headers: Record<string, string> };

/** A signed-in fan with a live admitted token for the concert. */
export async function admittedFan(concertId: string): Promise<Fan> {
  const user = await createUser(db());
  return admitted(user.id, concertId);
}

export async function admittedFans(concertId: string, count: number): Promise<Fan[]> {
  const users = await createUsers(db(), count);
  const fans: Fan[] = [];
  // One at a time: each admission bumps the room's counters.
  for (const user of users) fans.push(await admitted(user.id, concertId));
  return fans;
}

async function admitted(userId: string, concertId: string): Promise<Fan> {
  const cookie = await sessionCookieFor(db(), userId);
  const { headers } = await admitFan(db(), { userId, concertId });
  return { userId, cookie, headers };
}

export function requestHold(fan: Fan, body: unknown): Promise<Response> {
  return call(holdRoute, testRequest("POST", "/api/reservations", { body, cookie: fan.cookie, headers: fan.headers }));
}

export function requestRelease(fan: Fan, reservationId: string): Promise<Response> {
  return call(
    releaseRoute,
    testRequest("DELETE", `/api/reservations/${reservationId}`, { cookie: fan.cookie, headers: fan.headers }),
    { reservationId },
  );
}

/** A conditional GET: the ETag the caller has. */
type Revalidation = { ifNoneMatch?: string };

function revalidating(fan: Fan, options: Revalidation): Record<string, string> {
  return options.ifNoneMatch === undefined ? fan.headers : { ...fan.headers, "if-none-match": options.ifNoneMatch };
}

/** The seat list of a performance, or of one of its sections. */
export function requestSeats(fan: Fan, performanceId: string, options: Revalidation & { section?: string } = {}): Promise<Response> {
  const query = options.section === undefined ? "" : `?section=${encodeURIComponent(options.section)}`;
  return call(
    listSeatsRoute,
    testRequest("GET", `/api/performances/${performanceId}/seats${query}`, { cookie: fan.cookie, headers: revalidating(fan, options) }),
    { performanceId },
  );
}

export function requestSections(fan: Fan, performanceId: string, options: Revalidation = {}): Promise<Response> {
  return call(
    listSectionsRoute,
    testRequest("GET", `/api/performances/${performanceId}/sections`, { cookie: fan.cookie, headers: revalidating(fan, options) }),
    { performanceId },
  );
}

export function requestPerformances(fan: Fan, concertId: string): Promise<Response> {
  return call(
    listPerformancesRoute,
    testRequest("GET", `/api/concerts/${concertId}/performances`, { cookie: fan.cookie, headers: fan.headers }),
    { concertId },
  );
}

export function requestMyReservations(fan: Pick<Fan, "cookie">): Promise<Response> {
  return call(myReservationsRoute, testRequest("GET", "/api/reservations", { cookie: fan.cookie }));
}

/** The seat ids of a performance ordered by seat number. */
export async function seatIdsOf(performanceId: string): Promise<string[]> {
  const seats = await db().seat.findMany({ where: { performanceId }, orderBy: { number: "asc" }, select: { id: true } });
  return seats.map((seat) => seat.id);
}

/** Live (HELD or CONFIRMED) reservation rows per seat, straight from the table. */
export async function liveRowsPerSeat(performanceId: string): Promise<Map<string, { userId: string; count: number }>> {
  const rows = await db().reservation.findMany({
    where: { performanceId, status: { in: ["HELD", "CONFIRMED"] } },
    select: { seatId: true, userId: true },
  });
  const perSeat = new Map<string, { userId: string; count: number }>();
  for (const row of rows) {
    const entry = perSeat.get(row.seatId);
    perSeat.set(row.seatId, { userId: row.userId, count: (entry?.count ?? 0) + 1 });
  }
  return perSeat;
}

/** Moves a hold's end into the past on the database clock, as if its five minutes had run out. */
export async function backdateHolds(reservationIds: string[]): Promise<void> {
  await db().$executeRaw`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = ANY(${reservationIds}::uuid[])`;
}

/** Every reservation row of a performance, whatever its status. */
export async function reservationCount(performanceId: string): Promise<number> {
  return db().reservation.count({ where: { performanceId } });
}

/** Sections whose stored counts differ from counting the seats and sold reservations (none, ever). */
export async function storedCountsDisagreeing(): Promise<unknown[]> {
  return db().$queryRaw`
    SELECT c.performance_id, c.section_id, c.total_seats, c.sold_seats, actual.total_seats AS actual_total, actual.sold_seats AS actual_sold
    FROM performance_section_seats c
    JOIN LATERAL (
      SELECT count(*)::int AS total_seats, count(r.id)::int AS sold_seats
      FROM seats s LEFT JOIN reservations r ON r.seat_id = s.id AND r.status = 'CONFIRMED'
      WHERE s.performance_id = c.performance_id AND s.section_id = c.section_id
    ) actual ON true
    WHERE (c.total_seats, c.sold_seats) <> (actual.total_seats, actual.sold_seats)`;
}
