// The migration that introduced venues, applied to a database as the release
// before it left it, with holds, payments and ledger entries: nothing is lost,
// and every seat gets the section, row and label the seat map drew it with.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseUrl } from "@/lib/testing/global-setup";
import { migrate } from "../../scripts/migrate.ts";

const VENUES_MIGRATION = "20261129173000_venues";
const database = `encore_venues_migration_${process.pid}`;
const adminUrl = inject("adminDatabaseUrl");
let admin: pg.Client;
let client: pg.Client;

type Counts = Record<string, string>;

async function counts(): Promise<Counts> {
  const { rows } = await client.query<Counts>(`
    SELECT (SELECT count(*) FROM seats) AS seats,
           (SELECT count(*) FROM reservations) AS reservations,
           (SELECT string_agg(id::text || status || coalesce(payment_id::text, '-'), ',' ORDER BY id) FROM reservations) AS reservation_rows,
           (SELECT count(*) FROM payments) AS payments,
           (SELECT string_agg(id || type::text || amount || balance_after, ',' ORDER BY id) FROM wallet_entries) AS entries,
           (SELECT string_agg(user_id::text || balance, ',' ORDER BY user_id) FROM wallets) AS wallets`);
  return rows[0]!;
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  const url = databaseUrl(adminUrl, database);
  await migrate(url, () => {}, { before: VENUES_MIGRATION });
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe(`migration ${VENUES_MIGRATION}`, () => {
  it("keeps every seat, reservation, payment and ledger entry and places each seat in a section of its grade", async () => {
    const fan = randomUUID();
    await client.query("INSERT INTO users (id, email, name, password_hash) VALUES ($1, 'fan@example.test', '팬', 'x')", [fan]);
    await client.query("INSERT INTO wallets (user_id, balance) VALUES ($1, 40000)", [fan]);
    const { rows: [concert] } = await client.query<{ id: string }>(
      "INSERT INTO concerts (title, artist, venue, description) VALUES ('옛 공연', '가수', '옛 홀', '') RETURNING id",
    );
    const { rows: performances } = await client.query<{ id: string }>(
      `INSERT INTO performances (concert_id, starts_at, booking_opens_at, booking_closes_at)
       SELECT $1, now() + n * interval '1 day', now() - interval '1 day', now() + n * interval '1 day' - interval '1 hour'
       FROM generate_series(7, 8) AS n RETURNING id`,
      [concert!.id],
    );
    await client.query(
      `INSERT INTO seats (performance_id, number, grade, price)
       SELECT p, n, CASE WHEN n <= 10 THEN 'VIP' WHEN n <= 30 THEN 'R' ELSE 'S' END,
              CASE WHEN n <= 10 THEN 150000 WHEN n <= 30 THEN 110000 ELSE 80000 END
       FROM unnest($1::uuid[]) AS p, generate_series(1, 50) AS n`,
      [performances.map((p) => p.id)],
    );
    // A payment of seats 11 and 12 (with its charge and payment entries) and a live hold of seat 31.
    await client.query(
      `WITH payment AS (INSERT INTO payments (user_id, amount) VALUES ($1, 220000) RETURNING id),
       paid AS (
         INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id)
         SELECT s.id, s.performance_id, $1, s.price, 'CONFIRMED', now(), payment.id
         FROM seats s, payment WHERE s.performance_id = $2 AND s.number IN (11, 12)
       ),
       charge AS (INSERT INTO wallet_entries (user_id, type, amount, balance_after) VALUES ($1, 'CHARGE', 260000, 260000))
       INSERT INTO wallet_entries (user_id, type, amount, balance_after, payment_id) SELECT $1, 'PAYMENT', -220000, 40000, id FROM payment`,
      [fan, performances[0]!.id],
    );
    await client.query(
      `INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at)
       SELECT id, performance_id, $1, price, 'HELD', now() + interval '5 minutes' FROM seats WHERE performance_id = $2 AND number = 31`,
      [fan, performances[0]!.id],
    );
    const before = await counts();

    await migrate(databaseUrl(adminUrl, database));

    expect(await counts()).toEqual(before);
    const { rows: sections } = await client.query(
      `SELECT vs.name, vs.grade, vs.row_labels, vs.row_lengths, v.name AS venue
       FROM concerts c JOIN venues v ON v.id = c.venue_id JOIN venue_sections vs ON vs.venue_id = v.id
       WHERE c.id = $1 ORDER BY vs.position`,
      [concert!.id],
    );
    expect(sections).toEqual([
      { name: "VIP석", grade: "VIP", row_labels: ["A"], row_lengths: [10], venue: "옛 홀" },
      { name: "R석", grade: "R", row_labels: ["B", "C"], row_lengths: [10, 10], venue: "옛 홀" },
      { name: "S석", grade: "S", row_labels: ["D", "E"], row_lengths: [10, 10], venue: "옛 홀" },
    ]);
    const { rows: seats } = await client.query(
      `SELECT s.number, s.row_label, s.seat_in_row, s.label, vs.grade = s.grade AS grade_matches
       FROM seats s JOIN venue_sections vs ON vs.id = s.section_id
       WHERE s.performance_id = $1 AND s.number IN (1, 10, 11, 22, 31, 50) ORDER BY s.number`,
      [performances[1]!.id],
    );
    expect(seats).toEqual([
      { number: 1, row_label: "A", seat_in_row: 1, label: "VIP석 A열 1번", grade_matches: true },
      { number: 10, row_label: "A", seat_in_row: 10, label: "VIP석 A열 10번", grade_matches: true },
      { number: 11, row_label: "B", seat_in_row: 1, label: "R석 B열 1번", grade_matches: true },
      { number: 22, row_label: "C", seat_in_row: 2, label: "R석 C열 2번", grade_matches: true },
      { number: 31, row_label: "D", seat_in_row: 1, label: "S석 D열 1번", grade_matches: true },
      { number: 50, row_label: "E", seat_in_row: 10, label: "S석 E열 10번", grade_matches: true },
    ]);
    const { rows: prices } = await client.query("SELECT grade, price::int FROM concert_prices WHERE concert_id = $1 ORDER BY price DESC", [concert!.id]);
    expect(prices).toEqual([{ grade: "VIP", price: 150000 }, { grade: "R", price: 110000 }, { grade: "S", price: 80000 }]);
  });
});
