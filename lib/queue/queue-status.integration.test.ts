import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELETE as leaveRoute } from "@/app/api/queue/route";
import { GET as statusRoute } from "@/app/api/queue/status/route";
import { db } from "@/lib/db";
import { requireAdmission } from "@/lib/queue/require-admission";
import { SNAPSHOT_FRESH_MS } from "@/lib/queue/room-snapshot";
import { queueCookieName, sealQueueToken } from "@/lib/queue/token";
import { useMovableClock } from "@/lib/testing/clock";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, cookieFrom, testRequest } from "@/lib/testing/http";
import { admitFan, joinAs } from "@/lib/testing/queue";

const UNCAPPED_RATE_PER_MINUTE = 6_000_000;

async function signedInFan() {
  const user = await createUser(db());
  return { userId: user.id, cookie: await sessionCookieFor(db(), user.id) };
}

function poll(options: { token?: string; cookie?: string; query?: string }): Promise<Response> {
  return call(
    statusRoute,
    testRequest("GET", `/api/queue/status${options.query ?? ""}`, {
      cookie: options.cookie,
      headers: options.token === undefined ? {} : { "x-queue-token": options.token },
    }),
  );
}

function leave(options: { token?: string; cookie?: string; query?: string }): Promise<Response> {
  return call(
    leaveRoute,
    testRequest("DELETE", `/api/queue${options.query ?? ""}`, {
      cookie: options.cookie,
      headers: options.token === undefined ? {} : { "x-queue-token": options.token },
    }),
  );
}

async function errorCode(response: Response): Promise<string | undefined> {
  return (await response.json()).error?.code;
}

/** A room of capacity 1: one fan admitted, one waiting right behind. */
async function roomWithOneAhead() {
  const { concertId } = await createConcert(db(), { room: { capacity: 1, admissionRatePerMinute: UNCAPPED_RATE_PER_MINUTE } });
  const first = await signedInFan();
  const second = await signedInFan();
  const firstJoin = await joinAs(first.cookie, concertId);
  const secondJoin = await joinAs(second.cookie, concertId);
  return { concertId, first: { ...first, token: firstJoin.body.token }, second: { ...second, token: secondJoin.body.token } };
}

describe("status poll", () => {
  it("tells a waiting fan their place, then admits them when the fan ahead leaves", async () => {
    const { first, second } = await roomWithOneAhead();

    const waiting = await poll({ token: second.token });
    expect(waiting.status).toBe(200);
    expect(await waiting.json()).toMatchObject({ status: "WAITING", position: 1, ahead: 0, admittedUntil: null });

    expect((await leave({ token: first.token, cookie: first.cookie })).status).toBe(204);
    const leaverPoll = await poll({ token: first.token });
    expect(leaverPoll.status).toBe(410);
    expect(await errorCode(leaverPoll)).toBe("QUEUE_TOKEN_EXPIRED");

    const admitted = await poll({ token: second.token });
    expect(admitted.status).toBe(200);
    const body = await admitted.json();
    expect(body).toMatchObject({ status: "ADMITTED", position: 0, etaSeconds: null });
    expect(Date.parse(body.admittedUntil)).toBeGreaterThan(Date.now());
    expect(typeof body.token).toBe("string");

    // The fresh token answers by itself from now on, and the turn was claimed by showing up.
    const later = await poll({ token: body.token });
    expect(await later.json()).toMatchObject({ status: "ADMITTED", admittedUntil: body.admittedUntil });
    const row = await db().queueToken.findFirstOrThrow({ where: { userId: second.userId }, select: { claimedAt: true } });
    expect(row.claimedAt).not.toBeNull();
  });

  it("reads the web UI's cookie for the concert named in the query, and replaces it with a fresh token", async () => {
    const { concertId, first, second } = await roomWithOneAhead();
    const cookie = `${queueCookieName(concertId)}=${encodeURIComponent(second.token)}`;

    const waiting = await poll({ cookie, query: `?concertId=${concertId}` });
    expect(await waiting.json()).toMatchObject({ status: "WAITING", position: 1 });
    expect(waiting.headers.get("set-cookie")).toBeNull();

    await leave({ token: first.token, cookie: first.cookie });
    const admitted = await poll({ cookie, query: `?concertId=${concertId}` });
    expect((await admitted.json()).status).toBe("ADMITTED");
    expect(cookieFrom(admitted)).toMatch(new RegExp(`^${queueCookieName(concertId)}=`));

    expect(await errorCode(await poll({ cookie }))).toBe("INVALID_QUEUE_TOKEN");
    const otherConcert = await createConcert(db());
    const misplaced = `${queueCookieName(otherConcert.concertId)}=${encodeURIComponent(second.token)}`;
    const foreign = await poll({ cookie: misplaced, query: `?concertId=${otherConcert.concertId}` });
    expect(foreign.status).toBe(401);
  });

  it("refuses forged, altered, garbage, overlong and missing tokens with 401, never 500", async () => {
    const { concertId, second } = await roomWithOneAhead();
    // Well formed, claiming ticket 1, but signed with a key the server does not have.
    const body = `q1.${Buffer.from(JSON.stringify({ tid: crypto.randomUUID(), uid: second.userId, cid: concertId, tkt: "1", exp: 2e9 })).toString("base64url")}`;
    const forged = `${body}.${createHmac("sha256", "not-the-server-key").update(body).digest("base64url")}`;
    const middle = Math.floor(second.token.length / 2);
    const altered = second.token.slice(0, middle) + (second.token[middle] === "A" ? "B" : "A") + second.token.slice(middle + 1);
    const candidates = [forged, altered, "garbage", "q1..", "q1.e30.", "x".repeat(10_000), ""];
    for (const token of candidates) {
      const response = await poll({ token });
      expect({ token: token.slice(0, 20), status: response.status }).toEqual({ token: token.slice(0, 20), status: 401 });
      expect(await errorCode(response)).toBe("INVALID_QUEUE_TOKEN");
    }
    expect((await poll({})).status).toBe(401);
    const badQuery = await poll({ token: second.token, query: "?concertId=nope" });
    expect(badQuery.status).toBe(422);
  });

  it("answers 410 for a turn that is over, by the clock or because it ended in another process", async () => {
    const clock = useMovableClock();
    const { concertId } = await createConcert(db());
    const fan = await signedInFan();
    const admission = await admitFan(db(), { userId: fan.userId, concertId });
    const lapsed = await sealQueueToken({ tid: admission.tokenId, uid: fan.userId, cid: concertId, tkt: "1", adm: Date.now() - 1_000 });
    expect(await errorCode(await poll({ token: lapsed }))).toBe("QUEUE_TOKEN_EXPIRED");

    expect((await poll({ token: admission.token })).status).toBe(200);
    // Paid in another process: this process learns it from its next snapshot refresh.
    await db().$executeRaw`UPDATE queue_tokens SET status = 'ENDED', end_reason = 'PAID', ended_at = now() WHERE id = ${admission.tokenId}::uuid`;
    clock.advance(SNAPSHOT_FRESH_MS);
    const afterPayment = await poll({ token: admission.token });
    expect(afterPayment.status).toBe(410);
    expect(await errorCode(afterPayment)).toBe("QUEUE_TOKEN_EXPIRED");
  });

  it("tells a pre-queued fan that the order is drawn at opening and when to poll again", async () => {
    const opensAt = new Date(Date.now() + 10 * 60_000);
    const { concertId } = await createConcert(db(), { room: { opensAt } });
    const fan = await signedInFan();
    const { body } = await joinAs(fan.cookie, concertId);

    const response = await poll({ token: body.token });

    expect(await response.json()).toMatchObject({
      status: "WAITING",
      isPrequeued: true,
      ticket: null,
      ahead: null,
      etaSeconds: null,
      opensAt: opensAt.toISOString(),
    });
  });
});

describe("sold out", () => {
  it("says so once every seat is sold, and not for a concert that has no dates yet", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 2 });
    const buyer = await createUser(db());
    await db().$executeRaw`
      WITH payment AS (INSERT INTO payments (user_id, amount) VALUES (${buyer.id}::uuid, 1) RETURNING id)
      INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at, payment_id)
      SELECT s.id, s.performance_id, ${buyer.id}::uuid, s.price, 'CONFIRMED', now(), payment.id
      FROM seats s, payment WHERE s.performance_id = ${performanceIds[0]}::uuid`;
    const fan = await signedInFan();
    expect((await joinAs(fan.cookie, concertId)).body).toMatchObject({ soldOut: true });

    const [undated] = await db().$queryRaw<{ id: string }[]>`
      INSERT INTO concerts (title, artist, venue_id, description) VALUES ('날짜 미정', '미정', create_venue('미정', '[]'), '') RETURNING id::text`;
    await db().$executeRaw`
      INSERT INTO waiting_rooms (concert_id, capacity, admission_rate_per_minute, admission_window_seconds, claim_window_seconds, opens_at)
      VALUES (${undated!.id}::uuid, 10, 600, 600, 60, now() - interval '1 minute')`;
    expect((await joinAs(fan.cookie, undated!.id)).body).toMatchObject({ soldOut: false });
  });
});

describe("leaving the line", () => {
  it("ends the place once, and answers 204 again for a place already given up", async () => {
    const { concertId, second } = await roomWithOneAhead();
    const cookie = `${second.cookie}; ${queueCookieName(concertId)}=${encodeURIComponent(second.token)}`;

    const left = await leave({ cookie, query: `?concertId=${concertId}` });
    expect(left.status).toBe(204);
    expect(left.headers.get("set-cookie")).toMatch(new RegExp(`^${queueCookieName(concertId)}=;.*Max-Age=0`));
    const row = await db().queueToken.findFirstOrThrow({ where: { userId: second.userId }, select: { status: true, endReason: true } });
    expect(row).toEqual({ status: "ENDED", endReason: "LEFT" });
    expect((await leave({ token: second.token, cookie: second.cookie })).status).toBe(204);
    expect((await poll({ token: second.token })).status).toBe(410);
  });

  it("lets only the token's own holder leave, and only with a genuine token", async () => {
    const { first, second } = await roomWithOneAhead();

    const foreign = await leave({ token: first.token, cookie: second.cookie });
    expect(foreign.status).toBe(401);
    expect(await errorCode(foreign)).toBe("INVALID_QUEUE_TOKEN");
    expect(await errorCode(await leave({ token: "garbage", cookie: second.cookie }))).toBe("INVALID_QUEUE_TOKEN");
    expect(await errorCode(await leave({ cookie: second.cookie }))).toBe("INVALID_QUEUE_TOKEN");
    expect(await errorCode(await leave({ token: first.token }))).toBe("UNAUTHENTICATED");
    const crossSite = await call(
      leaveRoute,
      testRequest("DELETE", "/api/queue", { cookie: first.cookie, headers: { "x-queue-token": first.token }, origin: "https://evil.example" }),
    );
    expect(crossSite.status).toBe(403);
    const row = await db().queueToken.findFirstOrThrow({ where: { userId: first.userId }, select: { status: true } });
    expect(row.status).toBe("ADMITTED");
  });
});

describe("the admission guard (requireAdmission)", () => {
  it("checks every rule of ADMITTED: genuine, own, this concert, admitted and live", async () => {
    const { concertId, first, second } = await roomWithOneAhead();
    const other = await createConcert(db());
    const guard = (token: string | undefined, userId: string, forConcert = concertId) =>
      requireAdmission(db(), { token, userId, concertId: forConcert }).then(
        (admission) => ({ ok: admission.concertId }),
        (error: { code: string }) => ({ code: error.code }),
      );

    expect(await guard(first.token, first.userId)).toEqual({ ok: concertId });
    expect(await guard(second.token, second.userId)).toEqual({ code: "NOT_ADMITTED" });
    expect(await guard(first.token, second.userId)).toEqual({ code: "INVALID_QUEUE_TOKEN" });
    expect(await guard(first.token, first.userId, other.concertId)).toEqual({ code: "INVALID_QUEUE_TOKEN" });
    // The signature's first character carries six bits of its first byte: any other character is another signature.
    const [format, claims, signature] = first.token.split(".") as [string, string, string];
    const altered = `${format}.${claims}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    expect(await guard(altered, first.userId)).toEqual({ code: "INVALID_QUEUE_TOKEN" });
    expect(await guard(undefined, first.userId)).toEqual({ code: "INVALID_QUEUE_TOKEN" });

    await leave({ token: first.token, cookie: first.cookie });
    expect(await guard(first.token, first.userId)).toEqual({ code: "QUEUE_TOKEN_EXPIRED" });
  });

  it("claims a turn on its first use and only reads the row after that", async () => {
    const { concertId } = await createConcert(db());
    const fan = await signedInFan();
    const admission = await admitFan(db(), { userId: fan.userId, concertId });
    await db().$executeRaw`UPDATE queue_tokens SET claimed_at = NULL WHERE id = ${admission.tokenId}::uuid`;
    const version = async () => {
      const [row] = await db().$queryRaw<{ xmin: string; claimed: boolean }[]>`
        SELECT xmin::text AS xmin, claimed_at IS NOT NULL AS claimed FROM queue_tokens WHERE id = ${admission.tokenId}::uuid`;
      return row!;
    };
    const unclaimed = await version();

    await requireAdmission(db(), { token: admission.token, userId: fan.userId, concertId });
    const claimed = await version();
    await Promise.all(Array.from({ length: 5 }, () => requireAdmission(db(), { token: admission.token, userId: fan.userId, concertId })));

    expect(unclaimed.claimed).toBe(false);
    expect(claimed.claimed).toBe(true);
    expect(claimed.xmin).not.toBe(unclaimed.xmin);
    // Later uses write nothing: the row is the version the claim wrote.
    expect(await version()).toEqual(claimed);
  });

  it("refuses a turn not claimed within the claim window, even before the leader has ended it", async () => {
    const { concertId } = await createConcert(db());
    const fan = await signedInFan();
    const admission = await admitFan(db(), { userId: fan.userId, concertId });
    await db().$executeRaw`UPDATE queue_tokens SET claimed_at = NULL, claim_by = now() - interval '1 second' WHERE id = ${admission.tokenId}::uuid`;

    await expect(requireAdmission(db(), { token: admission.token, userId: fan.userId, concertId })).rejects.toMatchObject({
      code: "QUEUE_TOKEN_EXPIRED",
    });
    const row = await db().queueToken.findUniqueOrThrow({ where: { id: admission.tokenId }, select: { claimedAt: true } });
    expect(row.claimedAt).toBeNull();
  });
});
