// Builds concerts with chosen dates, opening times and sold seats for the
// catalogue tests, written straight to the tables.
import { catalogSnapshot } from "@/lib/catalog/catalog-snapshot";
import type { Db } from "@/lib/db";
import { gradePrices, hallSections, type GradeRange } from "@/lib/venues/hall-layout";
import { createPerformanceSeats, insertConcertPrices, insertVenue } from "@/lib/venues/venue-records";

const DAY_MS = 86_400_000;

export type CatalogFixture = {
  title?: string;
  /** Days from now of each performance's start (negative: in the past). */
  performanceDays?: number[];
  /** Days from now of the waiting room's opening; null: the concert has no room. */
  opensInDays?: number | null;
  seatsPerPerformance?: number;
};

export async function createCatalogConcert(db: Db, fixture: CatalogFixture = {}) {
  const now = Date.now();
  const opensInDays = fixture.opensInDays === undefined ? -1 : fixture.opensInDays;
  const seats = fixture.seatsPerPerformance ?? 3;
  const grades = catalogGrades(seats);
  const venueId = await insertVenue(db, { name: "테스트 아트홀", sections: hallSections(grades) });
  const concert = await db.concert.create({
    data: {
      title: fixture.title ?? "카탈로그 테스트 공연",
      artist: "테스트 밴드",
      venueId,
      description: "첫 줄\n둘째 줄",
      ...(opensInDays === null
        ? {}
        : {
            waitingRoom: {
              create: {
                capacity: 10, admissionRatePerMinute: 60, admissionWindowSeconds: 600, claimWindowSeconds: 60,
                opensAt: new Date(now + opensInDays * DAY_MS),
              },
            },
          }),
    },
    select: { id: true },
  });
  await insertConcertPrices(db, concert.id, gradePrices(grades));
  const performanceIds: string[] = [];
  for (const days of fixture.performanceDays ?? [7]) {
    const startsAt = new Date(now + days * DAY_MS);
    const performance = await db.performance.create({
      data: {
        concertId: concert.id,
        startsAt,
        bookingOpensAt: new Date(startsAt.getTime() - 30 * DAY_MS),
        bookingClosesAt: new Date(startsAt.getTime() - 3_600_000),
      },
      select: { id: true },
    });
    await createPerformanceSeats(db, performance.id);
    performanceIds.push(performance.id);
  }
  // Written behind the app's back, as an operator's tool would: the catalogue snapshot must not wait out its second.
  catalogSnapshot().markStale();
  return { concertId: concert.id, performanceIds };
}

/** Sells every seat of the performance to the user: one payment, CONFIRMED reservations. */
export async function sellOutPerformance(db: Db, options: { performanceId: string; userId: string }) {
  await db.$executeRaw`
    WITH payment AS (
      INSERT INTO payments (user_id, amount)
      SELECT ${options.userId}::uuid, sum(price) FROM seats WHERE performance_id = ${options.performanceId}::uuid
      RETURNING id
    )
    INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id)
    SELECT s.id, s.performance_id, ${options.userId}::uuid, s.price, 'CONFIRMED', now(), payment.id
    FROM seats s, payment WHERE s.performance_id = ${options.performanceId}::uuid`;
  catalogSnapshot().markStale();
}

/** Seat 1 VIP, seat 2 R, the rest S: every tier shows with the fewest seats. */
function catalogGrades(seats: number): GradeRange[] {
  const ranges: GradeRange[] = [
    { grade: "VIP", from: 1, to: 1, price: 150_000 },
    { grade: "R", from: 2, to: 2, price: 110_000 },
    { grade: "S", from: 3, to: seats, price: 80_000 },
  ];
  return ranges.filter(({ from, to }) => from <= to);
}
