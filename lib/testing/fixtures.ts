// Test data builders for integration tests. Each returns only what tests need.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createSession, SESSION_COOKIE } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { gradePrices, hallSections, type GradeRange, type VenueSectionSpec } from "@/lib/venues/hall-layout";
import { createPerformanceSeats, insertConcertPrices, insertVenue } from "@/lib/venues/venue-records";
import { SEAT_GRADES } from "../../prisma/seed-data.ts";

export const TEST_PASSWORD = "correct horse battery";
let sharedHash: Promise<string> | undefined;

export async function createUser(db: Db, options: { role?: "FAN" | "ADMIN"; email?: string; name?: string } = {}) {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: options.email ?? `fan-${randomUUID()}@example.test`,
      name: options.name ?? "Test Fan",
      role: options.role ?? "FAN",
      passwordHash: await sharedHash,
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** Many fans at once, in one statement, for concurrency tests. */
export async function createUsers(db: Db, count: number) {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const hash = await sharedHash;
  const rows = Array.from({ length: count }, () => ({
    email: `fan-${randomUUID()}@example.test`,
    name: "Test Fan",
    passwordHash: hash,
  }));
  await db.user.createMany({ data: rows });
  return db.user.findMany({
    where: { email: { in: rows.map((row) => row.email) } },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** A session cookie pair ("encore_session=…") for the user, as sign-in would set. */
export async function sessionCookieFor(db: Db, userId: string): Promise<string> {
  const { cookieValue } = await createSession(db, userId);
  return `${SESSION_COOKIE}=${encodeURIComponent(cookieValue)}`;
}

export type ConcertFixtureOptions = {
  performances?: number;
  /** A hall of this many seats (VIP, R, S sections); ignored when `venue` is given. */
  seatsPerPerformance?: number;
  /** Another venue, e.g. an arena (lib/venues/arena-layout.ts), with the price of each of its grades. */
  venue?: { sections: VenueSectionSpec[]; prices: Readonly<Record<string, number>> };
  room?: Partial<{
    capacity: number;
    admissionRatePerMinute: number;
    admissionWindowSeconds: number;
    claimWindowSeconds: number;
    opensAt: Date;
  }>;
};

/** A concert with performances starting in the coming days, priced seats and an open waiting room. */
export async function createConcert(db: Db, options: ConcertFixtureOptions = {}) {
  const performanceCount = options.performances ?? 2;
  const seatsPerPerformance = options.seatsPerPerformance ?? 50;
  const now = Date.now();
  const grades = fixtureGrades(seatsPerPerformance);
  const venue = options.venue ?? { sections: hallSections(grades), prices: gradePrices(grades) };
  const venueId = await insertVenue(db, { name: options.venue ? "테스트 아레나" : "테스트 홀", sections: venue.sections });
  const concert = await db.concert.create({
    data: {
      title: "테스트 콘서트",
      artist: "테스트 아티스트",
      venueId,
      description: "통합 테스트용 공연",
      waitingRoom: {
        create: {
          capacity: options.room?.capacity ?? 100,
          admissionRatePerMinute: options.room?.admissionRatePerMinute ?? 6000,
          admissionWindowSeconds: options.room?.admissionWindowSeconds ?? 600,
          claimWindowSeconds: options.room?.claimWindowSeconds ?? 60,
          opensAt: options.room?.opensAt ?? new Date(now - 60_000),
        },
      },
    },
    select: { id: true },
  });
  await insertConcertPrices(db, concert.id, venue.prices);
  const performanceIds: string[] = [];
  for (let index = 0; index < performanceCount; index++) {
    const performance = await db.performance.create({
      data: {
        concertId: concert.id,
        startsAt: new Date(now + (index + 7) * 86_400_000),
        bookingOpensAt: new Date(now - 86_400_000),
        bookingClosesAt: new Date(now + (index + 7) * 86_400_000 - 3_600_000),
      },
      select: { id: true },
    });
    await createPerformanceSeats(db, performance.id);
    performanceIds.push(performance.id);
  }
  return { concertId: concert.id, performanceIds };
}

/** The demo hall's grades (VIP 1–10, R 11–30, S from 31) for `seats` seats: fewer cut the last grades, more extend S. */
function fixtureGrades(seats: number): GradeRange[] {
  const ranges = SEAT_GRADES.filter(({ from }) => from <= seats);
  return ranges.map((range, index) => ({ ...range, to: index === ranges.length - 1 ? seats : Math.min(range.to, seats) }));
}

/** A user of the role with a live session: what a signed-in fan or operator sends. */
export async function signedInUser(db: Db, role: "FAN" | "ADMIN" = "FAN") {
  const user = await createUser(db, { role });
  return { ...user, cookie: await sessionCookieFor(db, user.id) };
}
