// Two app processes on one database, as behind a load balancer
// (scripts/e2e-server.ts starts the second). Every request below alternates
// between them, and the invariants still hold: distinct tickets, one place
// per fan, one winner per seat, one effect per Idempotency-Key.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test, uniqueEmail } from "./fixtures.ts";

const FIRST_PORT = Number(process.env.E2E_PORT ?? 3200);
const SERVERS = [`http://localhost:${FIRST_PORT}`, `http://localhost:${process.env.E2E_SECOND_PORT ?? FIRST_PORT + 1}`];
const FAN_COUNT = 24;

type Fan = { api: APIRequestContext; id: string; token: string };

const serverFor = (index: number) => SERVERS[index % SERVERS.length]!;

async function json<T>(response: APIResponse): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(500);
  return (await response.json()) as T;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  // The second process starts right after the first; wait until it answers too.
  await expect.poll(async () => (await request.get(`${SERVERS[1]}/api/health`).catch(() => null))?.status(), { timeout: 150_000 }).toBe(200);
});

test("two app processes on one database keep tickets, seats and money consistent", async ({ playwright, database, concert }) => {
  test.setTimeout(120_000);
  const concertId = concert.id;
  const fans: Fan[] = await Promise.all(
    Array.from({ length: FAN_COUNT }, async (_, index) => {
      const api = await playwright.request.newContext();
      const signUp = await api.post(`${serverFor(index)}/api/auth/sign-up`, {
        data: { email: uniqueEmail("scale"), password: "scale-out-1234", name: "확장 팬" },
      });
      const { user } = await json<{ user: { id: string } }>(signUp);
      return { api, id: user.id, token: "" };
    }),
  );

  // Everyone joins at once, half through each process: one ticket each, all distinct.
  const joins = await Promise.all(fans.map((fan, index) => fan.api.post(`${serverFor(index)}/api/concerts/${concertId}/queue`)));
  expect(joins.map((response) => response.status())).toEqual(Array(FAN_COUNT).fill(201));
  for (const [index, join] of joins.entries()) fans[index]!.token = (await join.json()).token;
  const { rows: tickets } = await database.query<{ live: string; distinct_tickets: string }>(
    `SELECT count(*) AS live, count(DISTINCT ticket) AS distinct_tickets FROM queue_tokens
     WHERE user_id = ANY($1::uuid[]) AND concert_id = $2 AND status IN ('WAITING', 'ADMITTED')`,
    [fans.map((fan) => fan.id), concertId],
  );
  expect(tickets[0]).toEqual({ live: String(FAN_COUNT), distinct_tickets: String(FAN_COUNT) });

  // Joining again through the other process returns the same place.
  const again = await fans[0]!.api.post(`${serverFor(1)}/api/concerts/${concertId}/queue`);
  expect(again.status()).toBe(200);

  // Polls on both processes drive admission; every fan gets in.
  for (const [index, fan] of fans.entries()) {
    await expect
      .poll(async () => {
        const status = await json<{ status: string; token?: string }>(
          await fan.api.get(`${serverFor(index + 1)}/api/queue/status`, { headers: { "x-queue-token": fan.token } }),
        );
        if (status.token) fan.token = status.token;
        return status.status;
      }, { timeout: 60_000, intervals: [250, 500, 1000] })
      .toBe("ADMITTED");
  }

  // The same seat, wanted by every fan at once through both processes: exactly one winner.
  const performances = await json<{ performances: { id: string }[] }>(
    await fans[0]!.api.get(`${SERVERS[0]}/api/concerts/${concertId}/performances`, { headers: { "x-queue-token": fans[0]!.token } }),
  );
  const performanceId = performances.performances[0]!.id;
  const { seats } = await json<{ seats: { id: string; status: string }[] }>(
    await fans[0]!.api.get(`${SERVERS[1]}/api/performances/${performanceId}/seats`, { headers: { "x-queue-token": fans[0]!.token } }),
  );
  const seatId = seats.find((seat) => seat.status === "AVAILABLE")!.id;
  const holds = await Promise.all(
    fans.map((fan, index) =>
      fan.api.post(`${serverFor(index)}/api/reservations`, {
        data: { performanceId, seatIds: [seatId] },
        headers: { "x-queue-token": fan.token },
      }),
    ),
  );
  const statuses = holds.map((response) => response.status());
  expect(statuses.filter((status) => status === 201)).toHaveLength(1);
  expect(statuses.filter((status) => status === 409)).toHaveLength(FAN_COUNT - 1);
  const { rows: liveHolds } = await database.query(
    "SELECT 1 FROM reservations WHERE seat_id = $1 AND status IN ('HELD', 'CONFIRMED')",
    [seatId],
  );
  expect(liveHolds).toHaveLength(1);

  // One charge, retried at once through both processes with the same key: one effect.
  const charger = fans[1]!;
  const charges = await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      charger.api.post(`${serverFor(index)}/api/wallet/charge`, {
        data: { amount: 30_000 },
        headers: { "idempotency-key": "scale-out-charge" },
      }),
    ),
  );
  for (const charge of charges) expect([200, 409]).toContain(charge.status());
  const { rows: ledger } = await database.query<{ balance: string; entries: string }>(
    `SELECT w.balance::text AS balance, (SELECT count(*) FROM wallet_entries e WHERE e.user_id = w.user_id)::text AS entries
     FROM wallets w WHERE w.user_id = $1`,
    [charger.id],
  );
  expect(ledger[0]).toEqual({ balance: "30000", entries: "1" });

  await Promise.all(fans.map((fan) => fan.api.dispose()));
});
