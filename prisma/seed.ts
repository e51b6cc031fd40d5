// Idempotent demo data: `npm run db:seed`, or seedDemoData(db) from the start
// script. Concerts are found by title and accounts by email; whatever already
// exists is left alone, so running it again changes nothing.
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type Database, type Prisma } from "@/lib/db/client";
import {
  BOOKING_CLOSES_BEFORE_START_MS,
  DEMO_CONCERTS,
  DEMO_ROOM,
  DEMO_USERS,
  SEAT_GRADES,
  SOLD_OUT_BUYER,
  type DemoConcert,
} from "./seed-data.ts";
import { arenaSections } from "@/lib/venues/arena-layout";
import { gradePrices, hallSections } from "@/lib/venues/hall-layout";
import { createPerformanceSeats, insertConcertPrices, insertVenue } from "@/lib/venues/venue-records";

type Tx = Prisma.TransactionClient;

/** Serialises concurrent seeds (two app processes starting at once). */
const SEED_LOCK_KEY = 72_616_002;
/** The API's upper bound per wallet charge; the demo ledger respects it too. */
const MAX_CHARGE_WON = 1_000_000;
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type SeedSummary = { createdUsers: string[]; createdConcerts: string[] };

/** The instant of HH:MM in Seoul, `days` days after today's Seoul date. */
export function seoulTime(now: Date, days: number, time: string): Date {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const seoulToday = new Date(now.getTime() + SEOUL_OFFSET_MS);
  const midnightUtc = Date.UTC(seoulToday.getUTCFullYear(), seoulToday.getUTCMonth(), seoulToday.getUTCDate());
  return new Date(midnightUtc + days * DAY_MS + (hours * 60 + minutes) * 60_000 - SEOUL_OFFSET_MS);
}


async function ensureUser(tx: Tx, user: { email: string; name: string; role: "FAN" | "ADMIN"; password: string }) {
  const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (existing) return { id: existing.id, isNew: false };
  const created = await tx.user.create({
    data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) },
    select: { id: true },
  });
  return { id: created.id, isNew: true };
}

/** Charges in API-sized steps, then pays: every balance change has its ledger entry. */
async function recordPurchase(tx: Tx, options: { userId: string; amount: bigint }): Promise<string> {
  const { userId, amount } = options;
  await tx.wallet.upsert({ where: { userId }, create: { userId }, update: {}, select: { userId: true } });
  for (let left = amount; left > 0n; ) {
    const step = left < BigInt(MAX_CHARGE_WON) ? left : BigInt(MAX_CHARGE_WON);
    const [wallet] = await tx.$queryRaw<{ balance: bigint }[]>`
      UPDATE wallets SET balance = balance + ${step}, updated_at = now() WHERE user_id = ${userId}::uuid RETURNING balance`;
    await tx.walletEntry.create({ data: { userId, type: "CHARGE", amount: step, balanceAfter: wallet!.balance }, select: { id: true } });
    left -= step;
  }
  const payment = await tx.payment.create({ data: { userId, amount }, select: { id: true } });
  const [wallet] = await tx.$queryRaw<{ balance: bigint }[]>`
    UPDATE wallets SET balance = balance - ${amount}, updated_at = now() WHERE user_id = ${userId}::uuid RETURNING balance`;
  await tx.walletEntry.create({
    data: { userId, type: "PAYMENT", amount: -amount, balanceAfter: wallet!.balance, paymentId: payment.id },
    select: { id: true },
  });
  return payment.id;
}

async function sellOut(tx: Tx, options: { performanceId: string; buyerId: string }) {
  const seats = await tx.seat.findMany({ where: { performanceId: options.performanceId }, select: { id: true, price: true } });
  const amount = seats.reduce((sum, seat) => sum + seat.price, 0n);
  const paymentId = await recordPurchase(tx, { userId: options.buyerId, amount });
  await tx.reservation.createMany({
    data: seats.map((seat) => ({
      seatId: seat.id,
      performanceId: options.performanceId,
      userId: options.buyerId,
      price: seat.price,
      status: "CONFIRMED" as const,
      expiresAt: new Date(),
      paymentId,
    })),
  });
}

async function createConcert(tx: Tx, concert: DemoConcert, options: { now: Date; soldOutBuyerId: () => Promise<string> }) {
  const opensAt = seoulTime(options.now, concert.opensInDays, "20:00");
  const sections = concert.arena ? arenaSections(concert.arena.plan) : hallSections(SEAT_GRADES);
  const venueId = await insertVenue(tx, { name: concert.venue, sections });
  const { id: concertId } = await tx.concert.create({
    data: {
      title: concert.title,
      artist: concert.artist,
      venueId,
      description: concert.description,
      waitingRoom: { create: { ...DEMO_ROOM, opensAt } },
    },
    select: { id: true },
  });
  await insertConcertPrices(tx, concertId, concert.arena?.prices ?? gradePrices(SEAT_GRADES));
  for (const { day, time } of concert.performances) {
    const startsAt = seoulTime(options.now, day, time);
    const { id: performanceId } = await tx.performance.create({
      data: {
        concertId,
        startsAt,
        bookingOpensAt: opensAt,
        bookingClosesAt: new Date(startsAt.getTime() - BOOKING_CLOSES_BEFORE_START_MS),
      },
      select: { id: true },
    });
    await createPerformanceSeats(tx, performanceId);
    if (concert.isSoldOut) await sellOut(tx, { performanceId, buyerId: await options.soldOutBuyerId() });
  }
}

/**
 * Creates the demo accounts and concerts that are missing, in one transaction
 * under an advisory lock, so a crash leaves nothing half-made and two
 * processes seeding at once create everything once.
 */
export async function seedDemoData(db: Database, options: { now?: Date } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const summary = await db.$transaction(
    async (tx) => {
      // Seeding is a one-off job, not a request: while another process seeds,
      // wait for it as long as the transaction may run, not the request's 5 s.
      await tx.$executeRaw`SET LOCAL statement_timeout = '120s'`;
      await tx.$executeRaw`SET LOCAL lock_timeout = '120s'`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      const summary: SeedSummary = { createdUsers: [], createdConcerts: [] };
      for (const user of DEMO_USERS) {
        if ((await ensureUser(tx, user)).isNew) summary.createdUsers.push(user.email);
      }
      let buyerId: string | undefined;
      const soldOutBuyerId = async () => {
        if (buyerId) return buyerId;
        const buyer = await ensureUser(tx, { ...SOLD_OUT_BUYER, role: "FAN", password: randomBytes(24).toString("base64url") });
        if (buyer.isNew) summary.createdUsers.push(SOLD_OUT_BUYER.email);
        return (buyerId = buyer.id);
      };
      for (const concert of DEMO_CONCERTS) {
        const existing = await tx.concert.findFirst({ where: { title: concert.title }, select: { id: true } });
        if (existing) continue;
        await createConcert(tx, concert, { now, soldOutBuyerId });
        summary.createdConcerts.push(concert.title);
      }
      return summary;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  // The planner's statistics describe the seeded tables, not the empty ones (docs/decisions/086).
  if (summary.createdConcerts.length || summary.createdUsers.length) await db.$executeRaw`ANALYZE`;
  return summary;
}

const isRunDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isRunDirectly) {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set. `npm start` seeds the embedded database by itself.");
    process.exit(1);
  }
  const db = createPrismaClient({ connectionString, poolSize: 2 });
  try {
    const { createdUsers, createdConcerts } = await seedDemoData(db);
    console.log(
      createdUsers.length || createdConcerts.length
        ? `Seeded ${createdConcerts.length} concert(s) and ${createdUsers.length} account(s).`
        : "Demo data already present; nothing to do.",
    );
  } finally {
    await db.$disconnect();
  }
}
