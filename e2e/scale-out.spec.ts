// Two app processes on one database, as behind a load balancer
// (scripts/e2e-server.ts starts the second). Every request below alternates
// between them, and the invariants still hold: distinct tickets, one place
// per fan, one winner per seat, one effect per Idempotency-Key. Then the
// second process is killed with SIGKILL in the middle of a storm of charges,
// holds, payments and fans cancelling both tickets of a payment at once:
// clients retry on the surviving process (with the same Idempotency-Key, and
// once more after the answer), every request settles, and the recorded
// history is explained by the database (lib/testing/history), refunds
// included.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { checkHistory } from "../lib/testing/history/check-history.ts";
import type { History, Operation } from "../lib/testing/history/history-types.ts";
import { readSnapshotWith, type RunQuery } from "../lib/testing/history/read-snapshot.ts";
import { secondServerPidFile } from "../scripts/lib/e2e-second-server.ts";
import { expect, test, uniqueEmail } from "./fixtures.ts";

const FIRST_PORT = Number(process.env.E2E_PORT ?? 3200);
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? FIRST_PORT + 1);
const SERVERS = [`http://localhost:${FIRST_PORT}`, `http://localhost:${SECOND_PORT}`];
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
  // Fans sign up one after another: 24 at once would run past the sign-up
  // hashing budget (503 with Retry-After), which is not what this test is about.
  const fans: Fan[] = [];
  for (let index = 0; index < FAN_COUNT; index++) {
    const api = await playwright.request.newContext();
    const signUp = await api.post(`${serverFor(index)}/api/auth/sign-up`, {
      data: { email: uniqueEmail("scale"), password: "scale-out-1234", name: "확장 팬" },
    });
    const { user } = await json<{ user: { id: string } }>(signUp);
    fans.push({ api, id: user.id, token: "" });
  }

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

type StormFan = Fan & { seatId: string };

/**
 * Joins the line through the first process. Joining again answers the same
 * place, so a join whose connection was reset (a keep-alive socket the server
 * closed while the other fans were signing up) is sent once more.
 */
async function joinAgainIfReset(api: APIRequestContext, concertId: string): Promise<APIResponse> {
  const join = () => api.post(`${SERVERS[0]}/api/concerts/${concertId}/queue`);
  return join().catch((error: unknown) => {
    if (!String(error).includes("ECONNRESET")) throw error;
    return join();
  });
}

/**
 * Signs fans up one after another (sign-up hashes a password within a
 * per-process budget, decision 076), then lets them all into the concert's
 * line at once, all through the first process.
 */
async function admittedFans(playwright: { request: { newContext: () => Promise<APIRequestContext> } }, concertId: string, count: number): Promise<Fan[]> {
  const signedUp: { api: APIRequestContext; id: string }[] = [];
  for (let index = 0; index < count; index++) {
    const api = await playwright.request.newContext();
    const signUp = await api.post(`${SERVERS[0]}/api/auth/sign-up`, {
      data: { email: uniqueEmail("sigkill"), password: "scale-out-1234", name: "장애 팬" },
    });
    signedUp.push({ api, id: (await json<{ user: { id: string } }>(signUp)).user.id });
  }
  return Promise.all(
    signedUp.map(async ({ api, id }) => {
      const fan: Fan = { api, id, token: (await json<{ token: string }>(await joinAgainIfReset(api, concertId))).token };
      await expect
        .poll(async () => {
          const status = await json<{ status: string; token?: string }>(
            await api.get(`${SERVERS[0]}/api/queue/status`, { headers: { "x-queue-token": fan.token } }),
          );
          if (status.token) fan.token = status.token;
          return status.status;
        }, { timeout: 60_000, intervals: [250, 500, 1000] })
        .toBe("ADMITTED");
      return fan;
    }),
  );
}

/**
 * Records each attempt; a request that never got an answer (the process died)
 * is recorded as 599 CONNECTION_LOST. `onSend` and `onAnswer` see how many
 * requests to each server are waiting for their answer.
 */
function stormRecorder(
  history: History,
  hooks: { onSend: (server: string) => void; onSettled: (server: string) => void; onAnswer: (operation: Operation) => void },
) {
  return async (operation: Operation, server: string, send: () => Promise<APIResponse>): Promise<APIResponse | null> => {
    const start = performance.now();
    const pending = send();
    hooks.onSend(server);
    try {
      const response = await pending.finally(() => hooks.onSettled(server));
      const text = await response.text();
      const body: unknown = text ? JSON.parse(text) : null;
      const code = (body as { error?: { code?: string } } | null)?.error?.code;
      history.events.push({ ...operation, start, end: performance.now(), status: response.status(), code, body });
      hooks.onAnswer(operation);
      return response;
    } catch {
      history.events.push({ ...operation, start, end: performance.now(), status: 599, code: "CONNECTION_LOST", body: null });
      return null;
    }
  };
}

const MAX_ATTEMPTS = 20;
const HOLDER_CHARGE = 400_000;

type TicketHolder = { fan: Fan; paymentId: string; reservationIds: string[] };

/** Before the storm, through the first process: each fan charges, holds two seats of their own and pays for them. */
async function buyTwoSeatsEach(fans: Fan[], performanceId: string, seatIds: string[]): Promise<TicketHolder[]> {
  return Promise.all(
    fans.map(async (fan, index) => {
      const headers = { "x-queue-token": fan.token };
      await json(await fan.api.post(`${SERVERS[0]}/api/wallet/charge`, { data: { amount: HOLDER_CHARGE }, headers: { "idempotency-key": `holder-charge-${fan.id}` } }));
      const hold = await fan.api.post(`${SERVERS[0]}/api/reservations`, { data: { performanceId, seatIds: seatIds.slice(2 * index, 2 * index + 2) }, headers });
      expect(hold.status(), await hold.text()).toBe(201);
      const reservationIds = ((await hold.json()) as { reservations: { id: string }[] }).reservations.map((row) => row.id);
      const pay = await fan.api.post(`${SERVERS[0]}/api/payments`, {
        data: { reservationIds },
        headers: { ...headers, "idempotency-key": `holder-pay-${fan.id}` },
      });
      expect(pay.status(), await pay.text()).toBe(201);
      return { fan, paymentId: ((await pay.json()) as { payment: { id: string } }).payment.id, reservationIds };
    }),
  );
}

/**
 * A money request settled as `settle` does, then sent once more with the same
 * key to the surviving process: a success must come back replayed, a refusal
 * as the same refusal.
 */
async function settleAndRetry(...args: Parameters<typeof settle>): Promise<APIResponse> {
  const [record, operation, , send] = args;
  const answer = await settle(...args);
  const retry = await settle(record, operation, SERVERS[0]!, send);
  expect(retry.status()).toBe(answer.status());
  if (answer.ok()) expect(retry.headers()["idempotent-replayed"]).toBe("true");
  return answer;
}

/** Sends to `server`, and after a lost answer or a 5xx retries on the process that stays up, until it gets an answer below 500. */
async function settle(
  record: ReturnType<typeof stormRecorder>,
  operation: Operation,
  firstServer: string,
  send: (server: string) => Promise<APIResponse>,
  beforeRetry: () => Promise<APIResponse | null> = async () => null,
): Promise<APIResponse> {
  let server = firstServer;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const response = await record(operation, server, () => send(server));
    if (response && response.status() < 500) return response;
    server = SERVERS[0]!;
    const settled = await beforeRetry();
    if (settled) return settled;
  }
  throw new Error(`${operation.kind} by ${operation.userId} did not settle in ${MAX_ATTEMPTS} attempts`);
}

test("an app process killed with SIGKILL mid-storm: retries on the other settle everything, nothing lost or sold twice", async ({
  playwright,
  database,
  concert,
}) => {
  test.setTimeout(240_000);
  const STORM_FANS = 16;
  const TICKET_HOLDERS = 4;
  const admitted = await admittedFans(playwright, concert.id, STORM_FANS + TICKET_HOLDERS);
  const fans = admitted.slice(0, STORM_FANS);
  const performances = await json<{ performances: { id: string }[] }>(
    await fans[0]!.api.get(`${SERVERS[0]}/api/concerts/${concert.id}/performances`, { headers: { "x-queue-token": fans[0]!.token } }),
  );
  const performanceId = performances.performances[0]!.id;
  const { seats } = await json<{ seats: { id: string; status: string }[] }>(
    await fans[0]!.api.get(`${SERVERS[0]}/api/performances/${performanceId}/seats`, { headers: { "x-queue-token": fans[0]!.token } }),
  );
  // Two fans want each seat.
  const free = seats.filter((seat) => seat.status === "AVAILABLE");
  const stormFans: StormFan[] = fans.map((fan, index) => ({ ...fan, seatId: free[Math.floor(index / 2)]!.id }));
  // Fans with two paid seats each (of their own), whose tickets the storm refunds.
  const holders = await buyTwoSeatsEach(admitted.slice(STORM_FANS), performanceId, free.slice(STORM_FANS / 2).map((seat) => seat.id));

  const query: RunQuery = async (sql, params) => (await database.query(sql, params)).rows;
  const userIds = admitted.map((fan) => fan.id);
  const history: History = { before: await readSnapshotWith(query, { userIds }), events: [] };
  const pidFile = secondServerPidFile(SECOND_PORT);
  const killedPid = Number(readFileSync(pidFile, "utf8"));
  // When the first hold is answered, the second process is frozen (SIGSTOP):
  // what it was doing stops mid-way, and what is sent to it waits. It is
  // killed (SIGKILL) as soon as a request is sent to it after that, which then
  // surely loses its answer, or when every request still waiting waits on it.
  // One of the two is bound to come: every payment goes to the second process
  // and follows a won hold, and at most the first hold was answered before the
  // freeze.
  const waiting = new Map<string, number>(SERVERS.map((server) => [server, 0]));
  let isFrozen = false;
  let isKilled = false;
  let onFrozen = () => {};
  const frozen = new Promise<void>((resolve) => (onFrozen = resolve));
  const kill = () => {
    isKilled = true;
    process.kill(killedPid, "SIGKILL");
  };
  const onlySecondIsWaiting = () => waiting.get(SERVERS[0]!) === 0 && waiting.get(SERVERS[1]!)! > 0;
  const record = stormRecorder(history, {
    onSend: (server) => {
      waiting.set(server, waiting.get(server)! + 1);
      if (isFrozen && !isKilled && server === SERVERS[1]) kill();
    },
    onSettled: (server) => {
      waiting.set(server, waiting.get(server)! - 1);
      if (isFrozen && !isKilled && onlySecondIsWaiting()) kill();
    },
    onAnswer: (operation) => {
      if (operation.kind !== "hold" || isFrozen) return;
      process.kill(killedPid, "SIGSTOP");
      isFrozen = true;
      onFrozen();
      if (onlySecondIsWaiting()) kill();
    },
  });

  // Once the second process is frozen, each holder cancels both tickets of
  // their payment at once, sent to the frozen process (the first of them
  // kills it) and retried on the other with their keys.
  const refunds = Promise.all(
    holders.map(async ({ fan, reservationIds }) => {
      await frozen;
      const cancels = await Promise.all(
        reservationIds.map((ticket) => {
          const key = `sigkill-cancel-${ticket}`;
          return settleAndRetry(record, { kind: "cancel", userId: fan.id, reservationId: ticket, key }, SERVERS[1]!, (server) =>
            fan.api.post(`${server}/api/tickets/${ticket}/cancel`, { headers: { "idempotency-key": key } }),
          );
        }),
      );
      return cancels.map((cancel) => cancel.status());
    }),
  );
  const outcomes = await Promise.all(
    stormFans.map(async (fan, index) => {
      const own = SERVERS[index % 2]!;
      const other = SERVERS[(index + 1) % 2]!;
      const chargeKey = `sigkill-charge-${fan.id}`;
      const charge = await settle(record, { kind: "charge", userId: fan.id, amount: 300_000, key: chargeKey }, own, (server) =>
        fan.api.post(`${server}/api/wallet/charge`, { data: { amount: 300_000 }, headers: { "idempotency-key": chargeKey } }),
      );
      // A hold has no key: after a lost answer the fan first looks whether it took effect, as the seat map would show.
      const ownLiveHold = async () => {
        const list = await fan.api.get(`${SERVERS[0]}/api/reservations`);
        const { reservations } = (await list.json()) as { reservations: { id: string; seatId: string; status: string }[] };
        return reservations.find((row) => row.seatId === fan.seatId && row.status === "HELD") ? list : null;
      };
      const hold = await settle(
        record,
        { kind: "hold", userId: fan.id, seatIds: [fan.seatId] },
        other,
        (server) => fan.api.post(`${server}/api/reservations`, { data: { performanceId, seatIds: [fan.seatId] }, headers: { "x-queue-token": fan.token } }),
        ownLiveHold,
      );
      // The hold's own answer, or the fan's list of reservations after a lost answer; a refusal names no reservation.
      const { reservations } = (await hold.json()) as { reservations?: { id: string; seatId: string; status?: string }[] };
      const reservationId = reservations?.find((row) => row.seatId === fan.seatId && (row.status ?? "HELD") === "HELD")?.id;
      if (!reservationId) return { fan, charge: charge.status(), hold: hold.status(), pay: null };
      const payKey = `sigkill-pay-${fan.id}`;
      const pay = await settle(record, { kind: "pay", userId: fan.id, reservationIds: [reservationId], key: payKey }, SERVERS[1]!, (server) =>
        fan.api.post(`${server}/api/payments`, {
          data: { reservationIds: [reservationId] },
          headers: { "idempotency-key": payKey, "x-queue-token": fan.token },
        }),
      );
      return { fan, charge: charge.status(), hold: hold.status(), pay: pay.status() };
    }),
  );

  // The kill hit the storm: some requests lost their answer, and every one of them settled on a retry.
  expect(history.events.filter((event) => event.code === "CONNECTION_LOST").length).toBeGreaterThan(0);
  for (const outcome of outcomes) {
    expect(outcome.charge).toBe(200);
    expect([200, 201, 409]).toContain(outcome.hold);
    if (outcome.pay !== null) expect(outcome.pay).toBe(201);
  }
  // Each seat has exactly one buyer, who paid once.
  const paid = outcomes.filter((outcome) => outcome.pay === 201);
  expect(paid.map((outcome) => outcome.fan.seatId).sort()).toEqual([...new Set(stormFans.map((fan) => fan.seatId))].sort());
  // Every cancellation went through, and every holder got all their money back, each seat refunded once.
  expect((await refunds).flat()).toEqual(Array(2 * TICKET_HOLDERS).fill(200));
  const { rows: holderRows } = await database.query<{ balance: string; refunded: string; refunds: string }>(
    `SELECT w.balance::text AS balance,
            (SELECT count(*) FROM reservations r WHERE r.user_id = w.user_id AND r.status = 'CANCELLED' AND r.refund_id IS NOT NULL)::text AS refunded,
            (SELECT count(*) FROM wallet_entries e WHERE e.user_id = w.user_id AND e.type = 'REFUND')::text AS refunds
     FROM wallets w WHERE w.user_id = ANY($1::uuid[])`,
    [holders.map(({ fan }) => fan.id)],
  );
  for (const row of holderRows) expect({ balance: row.balance, refunded: row.refunded }).toEqual({ balance: String(HOLDER_CHARGE), refunded: "2" });
  expect(holderRows).toHaveLength(TICKET_HOLDERS);
  expect(history.events.filter((event) => event.kind === "cancel").length).toBeGreaterThanOrEqual(4 * TICKET_HOLDERS);
  // The history checker also checks these fans' money: every wallet's entries chain and sum to its balance, never negative.
  // (The whole-database invariant check runs in the restart storm: this database is shared with specs whose teardown deletes their concerts.)
  expect(checkHistory(history, await readSnapshotWith(query, { userIds }))).toEqual([]);

  // The process manager started the killed process again; it serves the same state.
  await expect.poll(() => Number(readFileSync(pidFile, "utf8")), { timeout: 60_000 }).not.toBe(killedPid);
  await expect.poll(async () => (await fans[0]!.api.get(`${SERVERS[1]}/api/health`).catch(() => null))?.status(), { timeout: 150_000 }).toBe(200);
  const wallet = await json<{ balance: number }>(await fans[0]!.api.get(`${SERVERS[1]}/api/wallet`));
  const { rows } = await database.query<{ balance: string }>("SELECT balance::text FROM wallets WHERE user_id = $1", [fans[0]!.id]);
  expect(String(wallet.balance)).toBe(rows[0]!.balance);

  await Promise.all(admitted.map((fan) => fan.api.dispose()));
});
