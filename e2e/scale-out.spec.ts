// Two app processes on one database, as behind a load balancer
// (scripts/e2e-server.ts starts the second). Every request below alternates
// between them, and the invariants still hold: distinct tickets, one place
// per fan, one winner per seat, one effect per Idempotency-Key. Then the
// second process is killed with SIGKILL in the middle of a storm of charges,
// holds, payments, fans cancelling tickets and an operator refunding orders
// (signed in through the process that dies): clients retry on the surviving
// process (with the same Idempotency-Key, and once more after the answer),
// every request settles, each refund that answered 200 took effect once (one
// REFUND entry, one audit entry), refunded seats sell again and none twice,
// the recorded history is explained by the database (lib/testing/history) and
// the whole database keeps its invariants (lib/testing/ledger.ts), read in
// one REPEATABLE READ snapshot because other specs write to it meanwhile.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type pg from "pg";
import { checkHistory } from "../lib/testing/history/check-history.ts";
import type { History, Operation } from "../lib/testing/history/history-types.ts";
import { readSnapshotWith, type RunQuery } from "../lib/testing/history/read-snapshot.ts";
import { INVARIANT_VIOLATIONS_SQL, NO_VIOLATIONS, type InvariantViolations } from "../lib/testing/ledger.ts";
import { secondServerPidFile } from "../scripts/lib/e2e-second-server.ts";
import { OPERATOR } from "./console-kit.ts";
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
  const joins = await Promise.all(fans.map((fan, index) => joinAgainIfReset(fan.api, concertId, serverFor(index))));
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
 * Joins the line through `server`. A join whose connection was reset (a
 * keep-alive socket the server closed, idle while the other fans were signing
 * up, as the join was sent on it) never reached the server, so it is sent
 * once more; joining again would answer the same place anyway.
 */
async function joinAgainIfReset(api: APIRequestContext, concertId: string, server: string): Promise<APIResponse> {
  const join = () => api.post(`${server}/api/concerts/${concertId}/queue`);
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
      const fan: Fan = { api, id, token: (await json<{ token: string }>(await joinAgainIfReset(api, concertId, SERVERS[0]!))).token };
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

/** How many requests the storm made, and how many got a final answer (settle's). */
type RequestTally = { started: number; settled: number };

type Recorder = {
  /** Sends once and records the attempt; null when no answer came (the process died). */
  attempt: (operation: Operation, server: string, send: () => Promise<APIResponse>) => Promise<APIResponse | null>;
  requests: RequestTally;
};

/**
 * Records each attempt; a request that never got an answer (the process died)
 * is recorded as 599 CONNECTION_LOST. `onSend` and `onAnswer` see how many
 * requests to each server are waiting for their answer.
 */
function stormRecorder(
  history: History,
  hooks: { onSend: (server: string) => void; onSettled: (server: string) => void; onAnswer: (operation: Operation) => void },
): Recorder {
  return {
    requests: { started: 0, settled: 0 },
    attempt: async (operation, server, send) => {
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
    },
  };
}

const MAX_ATTEMPTS = 20;
const HOLDER_CHARGE = 400_000;
const STORM_CHARGE = 300_000;

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
 * A final answer: below 500, and not 409 REQUEST_IN_PROGRESS (the same key
 * still running, e.g. in a transaction of the frozen process, which the retry
 * waits out).
 */
async function isFinal(response: APIResponse | null): Promise<boolean> {
  if (!response || response.status() >= 500) return false;
  if (response.status() !== 409) return true;
  return ((await response.json()) as { error?: { code?: string } }).error?.code !== "REQUEST_IN_PROGRESS";
}

/** Sends to `firstServer`, and after a lost answer, a 5xx or REQUEST_IN_PROGRESS retries on the process that stays up, until the answer is final. */
async function settle(
  recorder: Recorder,
  operation: Operation,
  firstServer: string,
  send: (server: string) => Promise<APIResponse>,
  beforeRetry: () => Promise<APIResponse | null> = async () => null,
): Promise<APIResponse> {
  recorder.requests.started += 1;
  let server = firstServer;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const response = await recorder.attempt(operation, server, () => send(server));
    const settled = (await isFinal(response)) ? response : await beforeRetry();
    if (settled) {
      recorder.requests.settled += 1;
      return settled;
    }
    server = SERVERS[0]!;
  }
  throw new Error(`${operation.kind} by ${operation.userId} did not settle in ${MAX_ATTEMPTS} attempts`);
}

/**
 * A money request settled as `settle` does, then sent once more with the same
 * key to the surviving process: a success must come back replayed with the
 * stored answer, a refusal as the same refusal.
 */
async function settleAndRetry(...args: Parameters<typeof settle>): Promise<APIResponse> {
  const [recorder, operation, , send] = args;
  const answer = await settle(...args);
  const retry = await settle(recorder, operation, SERVERS[0]!, send);
  expect(retry.status()).toBe(answer.status());
  if (answer.ok()) {
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
    expect(await retry.json()).toEqual(await answer.json());
  }
  return answer;
}

type RefundAnswer = { status: number; code?: string; refundId?: string };

/** The operator refunds a fan's payment through `server`, with `key`, settled and sent once more (settleAndRetry). */
async function operatorRefund(
  recorder: Recorder,
  operator: APIRequestContext,
  refund: { owner: Fan; paymentId: string; key: string; server: string },
): Promise<RefundAnswer> {
  const { owner, paymentId, key } = refund;
  const response = await settleAndRetry(recorder, { kind: "refund", userId: owner.id, paymentId, key }, refund.server, (server) =>
    operator.post(`${server}/api/admin/payments/${paymentId}/refund`, { data: { reason: "장애 중 환불" }, headers: { "idempotency-key": key } }),
  );
  return refundAnswerOf(response);
}

async function refundAnswerOf(response: APIResponse): Promise<RefundAnswer> {
  const body = (await response.json()) as { refund?: { id: string }; error?: { code: string } };
  return { status: response.status(), code: body.error?.code, refundId: body.refund?.id };
}

type Purchase = { fan: StormFan; hold: number; pay: number | null; paymentId: string | null };

/**
 * A storm fan holds their seat through `holdServer` and, when it is theirs,
 * pays for it through the second process. A hold has no key: after a lost
 * answer the fan first looks whether it took effect, as the seat map would show.
 */
async function buySeat(recorder: Recorder, fan: StormFan, performanceId: string, holdServer: string): Promise<Purchase> {
  const ownLiveHold = async () => {
    const list = await fan.api.get(`${SERVERS[0]}/api/reservations`);
    const { reservations } = (await list.json()) as { reservations: { id: string; seatId: string; status: string }[] };
    return reservations.find((row) => row.seatId === fan.seatId && row.status === "HELD") ? list : null;
  };
  const hold = await settle(
    recorder,
    { kind: "hold", userId: fan.id, seatIds: [fan.seatId] },
    holdServer,
    (server) => fan.api.post(`${server}/api/reservations`, { data: { performanceId, seatIds: [fan.seatId] }, headers: { "x-queue-token": fan.token } }),
    ownLiveHold,
  );
  // The hold's own answer, or the fan's list of reservations after a lost answer; a refusal names no reservation.
  const { reservations } = (await hold.json()) as { reservations?: { id: string; seatId: string; status?: string }[] };
  const reservationId = reservations?.find((row) => row.seatId === fan.seatId && (row.status ?? "HELD") === "HELD")?.id;
  if (!reservationId) return { fan, hold: hold.status(), pay: null, paymentId: null };
  const payKey = `sigkill-pay-${reservationId}`;
  const pay = await settle(recorder, { kind: "pay", userId: fan.id, reservationIds: [reservationId], key: payKey }, SERVERS[1]!, (server) =>
    fan.api.post(`${server}/api/payments`, {
      data: { reservationIds: [reservationId] },
      headers: { "idempotency-key": payKey, "x-queue-token": fan.token },
    }),
  );
  const paymentId = pay.status() === 201 ? ((await pay.json()) as { payment: { id: string } }).payment.id : null;
  return { fan, hold: hold.status(), pay: pay.status(), paymentId };
}

/**
 * Runs `read` in one REPEATABLE READ transaction: each of its statements sees
 * the database as of the first, so what specs running beside this one commit
 * meanwhile (each of their writes is atomic) is wholly in or wholly out.
 */
async function inOneSnapshot<T>(database: pg.Client, read: () => Promise<T>): Promise<T> {
  await database.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const result = await read();
    await database.query("COMMIT");
    return result;
  } catch (error) {
    await database.query("ROLLBACK");
    throw error;
  }
}

/** Each payment's money and seats after the storm: refunded, credited, and the operator's refunds with their audit entries. */
const REFUNDED_PAYMENTS_SQL = `
  SELECT p.id::text AS "paymentId", p.amount::float8 AS amount, p.status,
         (SELECT coalesce(sum(f.amount), 0) FROM refunds f WHERE f.payment_id = p.id)::float8 AS refunded,
         (SELECT coalesce(sum(e.amount), 0) FROM refunds f JOIN wallet_entries e ON e.refund_id = f.id AND e.type = 'REFUND'
          WHERE f.payment_id = p.id)::float8 AS credited,
         (SELECT count(*) FROM refunds f WHERE f.payment_id = p.id
            AND (SELECT count(*) FROM wallet_entries e WHERE e.refund_id = f.id AND e.type = 'REFUND') <> 1)::int AS "refundsNotCreditedOnce",
         (SELECT coalesce(array_agg(r.seat_id::text ORDER BY r.seat_id), '{}') FROM reservations r
          WHERE r.payment_id = p.id AND r.status = 'CANCELLED' AND r.refund_id IS NOT NULL) AS "refundedSeatIds",
         (SELECT count(*) FROM reservations r WHERE r.payment_id = p.id)::int AS seats,
         (SELECT coalesce(array_agg(f.id::text ORDER BY f.id::text), '{}') FROM refunds f
          WHERE f.payment_id = p.id AND f.actor_id = $2::uuid) AS "operatorRefundIds",
         (SELECT coalesce(array_agg(a.after->>'refundId' ORDER BY a.after->>'refundId'), '{}') FROM audit_entries a
          WHERE a.action = 'payment.refund' AND a.target = 'payment:' || p.id AND a.actor_id = $2::uuid) AS "auditedRefundIds"
  FROM payments p WHERE p.id = ANY($1::uuid[])`;

type RefundedPayment = {
  paymentId: string;
  amount: number;
  status: string;
  refunded: number;
  credited: number;
  refundsNotCreditedOnce: number;
  refundedSeatIds: string[];
  seats: number;
  operatorRefundIds: string[];
  auditedRefundIds: string[];
};

/** Who holds each of these seats now: a sale, or a hold still live. */
const LIVE_SEATS_SQL = `
  SELECT seat_id::text AS "seatId", user_id::text AS "userId", status::text, payment_id::text AS "paymentId"
  FROM reservations
  WHERE seat_id = ANY($1::uuid[]) AND (status = 'CONFIRMED' OR is_live_hold(status, expires_at, clock_timestamp()))`;

test("an app process killed with SIGKILL mid-storm of holds, payments and the operator's refunds: every request settles, each refund takes effect once, the whole database stays consistent", async ({
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
  const pairs = Array.from({ length: STORM_FANS / 2 }, (_, seat) => [stormFans[2 * seat]!, stormFans[2 * seat + 1]!]);
  // Fans with two paid seats each (of their own), whose orders the storm refunds.
  const holders = await buyTwoSeatsEach(admitted.slice(STORM_FANS), performanceId, free.slice(STORM_FANS / 2).map((seat) => seat.id));
  // The operator signs in through the process that is about to be killed; the session (a database row) serves on both.
  const operator = await playwright.request.newContext();
  const signIn = await operator.post(`${SERVERS[1]}/api/auth/sign-in`, { data: OPERATOR });
  const operatorId = (await json<{ user: { id: string } }>(signIn)).user.id;

  const query: RunQuery = async (sql, params) => (await database.query(sql, params)).rows;
  const userIds = admitted.map((fan) => fan.id);
  const history: History = { before: await inOneSnapshot(database, () => readSnapshotWith(query, { userIds })), events: [] };
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
  const recorder = stormRecorder(history, {
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

  // Once the second process is frozen, for each holder at once: the fan
  // cancels their first ticket while the operator refunds the whole order
  // from two tabs (two keys), all sent to the frozen process (the first of
  // them kills it, so all lose their answer). Each is retried on the survivor
  // with its key, where the three race for the order, until it settles, then
  // sent once more.
  const holderRefunds = Promise.all(
    holders.map(async ({ fan, paymentId, reservationIds: [ticket] }) => {
      await frozen;
      const cancelKey = `sigkill-cancel-${ticket}`;
      const [cancel, ...refunds] = await Promise.all([
        settleAndRetry(recorder, { kind: "cancel", userId: fan.id, reservationId: ticket!, key: cancelKey }, SERVERS[1]!, (server) =>
          fan.api.post(`${server}/api/tickets/${ticket}/cancel`, { headers: { "idempotency-key": cancelKey } }),
        ).then(refundAnswerOf),
        operatorRefund(recorder, operator, { owner: fan, paymentId, key: `sigkill-refund-${paymentId}`, server: SERVERS[1]! }),
        operatorRefund(recorder, operator, { owner: fan, paymentId, key: `sigkill-refund-${paymentId}-again`, server: SERVERS[1]! }),
      ]);
      return { paymentId, cancel, refunds };
    }),
  );
  // Meanwhile both fans of each pair charge and try to buy their seat at
  // once; the operator refunds the sale through either process, and the
  // other fan of the pair buys the seat, on sale again.
  const seatSales = await Promise.all(
    pairs.map(async (pair, pairIndex) => {
      const first = await Promise.all(
        pair.map(async (fan, inPair) => {
          const own = SERVERS[inPair]!;
          const chargeKey = `sigkill-charge-${fan.id}`;
          const charge = await settle(recorder, { kind: "charge", userId: fan.id, amount: STORM_CHARGE, key: chargeKey }, own, (server) =>
            fan.api.post(`${server}/api/wallet/charge`, { data: { amount: STORM_CHARGE }, headers: { "idempotency-key": chargeKey } }),
          );
          return { charge: charge.status(), ...(await buySeat(recorder, fan, performanceId, SERVERS[1 - inPair]!)) };
        }),
      );
      const sold = first.find((purchase) => purchase.paymentId !== null);
      const other = first.find((purchase) => purchase !== sold)!;
      if (!sold) return { first, sold, refund: null, resale: null };
      const refund = await operatorRefund(recorder, operator, {
        owner: sold.fan,
        paymentId: sold.paymentId!,
        key: `sigkill-refund-${sold.paymentId}`,
        server: SERVERS[pairIndex % 2]!,
      });
      const resale = refund.status === 200 ? await buySeat(recorder, other.fan, performanceId, SERVERS[(pairIndex + 1) % 2]!) : null;
      return { first, sold, refund, resale };
    }),
  );
  const holderAnswers = await holderRefunds;

  // The kill hit the storm, the operator's refunds too; every request got a final answer on a retry.
  expect(history.events.filter((event) => event.code === "CONNECTION_LOST").length).toBeGreaterThan(0);
  expect(history.events.some((event) => event.kind === "refund" && event.code === "CONNECTION_LOST")).toBe(true);
  expect(recorder.requests.settled).toBe(recorder.requests.started);
  // Each seat: one of the pair bought it, the operator's refund went through, the other fan bought it again.
  for (const { first, sold, refund, resale } of seatSales) {
    for (const purchase of first) {
      expect(purchase.charge).toBe(200);
      expect([200, 201, 409]).toContain(purchase.hold);
      if (purchase.pay !== null) expect(purchase.pay).toBe(201);
    }
    expect(first.filter((purchase) => purchase.paymentId !== null)).toHaveLength(1);
    expect(refund).toMatchObject({ status: 200 });
    expect([200, 201]).toContain(resale?.hold);
    expect(resale?.pay).toBe(201);
    expect(sold!.fan.seatId).toBe(resale!.fan.seatId);
  }
  // Each holder: exactly one of the operator's two refunds refunds what the
  // fan's cancellation left (the other: 409 ALREADY_REFUNDED); the
  // cancellation came first (200) or found its seat refunded (409).
  for (const { cancel, refunds } of holderAnswers) {
    expect(refunds.map((refund) => refund.status).sort()).toEqual([200, 409]);
    expect(refunds.find((refund) => refund.status === 409)?.code).toBe("ALREADY_REFUNDED");
    expect([200, 409]).toContain(cancel.status);
    if (cancel.status === 409) expect(cancel.code).toBe("ALREADY_REFUNDED");
  }

  // Everything below reads one snapshot of the shared e2e database.
  const holderSeatIds = free.slice(STORM_FANS / 2, STORM_FANS / 2 + 2 * TICKET_HOLDERS).map((seat) => seat.id);
  const refundedPaymentIds = [...holderAnswers.map(({ paymentId }) => paymentId), ...seatSales.map(({ sold }) => sold!.paymentId!)];
  const checked = await inOneSnapshot(database, async () => ({
    after: await readSnapshotWith(query, { userIds }),
    violations: (await database.query<InvariantViolations>(INVARIANT_VIOLATIONS_SQL)).rows[0],
    payments: (await database.query<RefundedPayment>(REFUNDED_PAYMENTS_SQL, [refundedPaymentIds, operatorId])).rows,
    liveSeats: (await database.query<{ seatId: string; userId: string; status: string; paymentId: string | null }>(LIVE_SEATS_SQL, [
      [...holderSeatIds, ...pairs.map(([fan]) => fan!.seatId)],
    ])).rows,
  }));

  // Every refunded order: the money back exactly, each refund credited once,
  // every seat refunded; the operator's refund that answered 200 is its only
  // one, with exactly one audit entry (written in its transaction).
  const operatorAnswers = new Map<string, RefundAnswer[]>([
    ...holderAnswers.map(({ paymentId, refunds }): [string, RefundAnswer[]] => [paymentId, refunds.filter((refund) => refund.status === 200)]),
    ...seatSales.map(({ sold, refund }): [string, RefundAnswer[]] => [sold!.paymentId!, [refund!]]),
  ]);
  expect(checked.payments).toHaveLength(refundedPaymentIds.length);
  for (const payment of checked.payments) {
    const answered = operatorAnswers.get(payment.paymentId)!.map((refund) => refund.refundId!);
    expect(payment).toMatchObject({ status: "REFUNDED", refunded: payment.amount, credited: payment.amount, refundsNotCreditedOnce: 0 });
    expect(payment.refundedSeatIds).toHaveLength(payment.seats);
    expect(payment.operatorRefundIds).toEqual(answered);
    expect(payment.auditedRefundIds).toEqual(answered);
  }
  // The holders' seats are on sale again (no sale, no live hold); each contested seat is sold once, to the fan who bought it after the refund.
  const bySeat = (a: { seatId: string }, b: { seatId: string }) => (a.seatId < b.seatId ? -1 : a.seatId > b.seatId ? 1 : 0);
  const resold = seatSales.map(({ resale }) => ({ seatId: resale!.fan.seatId, userId: resale!.fan.id, status: "CONFIRMED", paymentId: resale!.paymentId }));
  expect(checked.liveSeats.toSorted(bySeat)).toEqual(resold.toSorted(bySeat));
  // Balances: holders and first buyers have all their money back; the second buyers paid once.
  const balanceOf = new Map(checked.after.wallets.map((wallet) => [wallet.userId, wallet.balance]));
  const amountOf = new Map(checked.after.payments.map((payment) => [payment.id, payment.amount]));
  for (const { fan } of holders) expect(balanceOf.get(fan.id)).toBe(HOLDER_CHARGE);
  for (const { sold, resale } of seatSales) {
    expect(balanceOf.get(sold!.fan.id)).toBe(STORM_CHARGE);
    expect(balanceOf.get(resale!.fan.id)).toBe(STORM_CHARGE - amountOf.get(resale!.paymentId!)!);
  }
  // The history is explained by the database, and the whole database keeps its invariants.
  expect(checkHistory(history, checked.after)).toEqual([]);
  expect(checked.violations).toEqual(NO_VIOLATIONS);

  // The process manager started the killed process again; it serves the same state.
  await expect.poll(() => Number(readFileSync(pidFile, "utf8")), { timeout: 60_000 }).not.toBe(killedPid);
  await expect.poll(async () => (await fans[0]!.api.get(`${SERVERS[1]}/api/health`).catch(() => null))?.status(), { timeout: 150_000 }).toBe(200);
  const wallet = await json<{ balance: number }>(await fans[0]!.api.get(`${SERVERS[1]}/api/wallet`));
  const { rows } = await database.query<{ balance: string }>("SELECT balance::text FROM wallets WHERE user_id = $1", [fans[0]!.id]);
  expect(String(wallet.balance)).toBe(rows[0]!.balance);

  await Promise.all([...admitted.map((fan) => fan.api.dispose()), operator.dispose()]);
});
