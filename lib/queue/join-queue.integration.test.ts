import { describe, expect, it } from "vitest";
import { POST as joinRoute } from "@/app/api/concerts/[concertId]/queue/route";
import { setProcessClock } from "@/lib/cache/process-clock";
import { db } from "@/lib/db";
import { queueCookieName } from "@/lib/queue/token";
import { updateRoomSettings } from "@/lib/queue/update-room-settings";
import { createConcert, createUser, createUsers, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { joinAs } from "@/lib/testing/queue";

async function signedInFan() {
  const user = await createUser(db());
  return { userId: user.id, cookie: await sessionCookieFor(db(), user.id) };
}

describe("joining the waiting room", () => {
  it("gives 500 fans joining at once 500 distinct tickets from the room's counter", async () => {
    // Capacity 1 so the line stays put while everyone joins.
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1, room: { capacity: 1 } });
    const users = await createUsers(db(), 500);
    const cookies = await Promise.all(users.map((user) => sessionCookieFor(db(), user.id)));

    const answers = await Promise.all(cookies.map((cookie) => joinAs(cookie, concertId)));

    expect(answers.every((answer) => answer.httpStatus === 201)).toBe(true);
    const tickets = answers.map((answer) => answer.body.ticket);
    expect(tickets.every((ticket) => Number.isInteger(ticket))).toBe(true);
    expect(new Set(tickets).size).toBe(500);
    const rows = await db().queueToken.findMany({ where: { concertId }, select: { userId: true, ticket: true }, orderBy: { ticket: "asc" } });
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((row) => row.userId)).size).toBe(500);
    // Gaps are allowed, but every ticket comes from the room's increasing counter.
    const room = await db().waitingRoom.findUniqueOrThrow({ where: { concertId }, select: { lastTicket: true } });
    expect(Number(rows[0]!.ticket)).toBeGreaterThanOrEqual(1);
    expect(Number(rows.at(-1)!.ticket)).toBeLessThanOrEqual(Number(room.lastTicket));
    for (const answer of answers.filter((candidate) => candidate.body.status === "WAITING")) {
      expect(answer.body.position).toBeGreaterThanOrEqual(1);
      expect(answer.body.ahead).toBe(answer.body.position - 1);
    }
  });

  it("gives one fan joining from 20 tabs at once one place, the same in every answer", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 1 } });
    const fan = await signedInFan();

    const answers = await Promise.all(Array.from({ length: 20 }, () => joinAs(fan.cookie, concertId)));

    expect(answers.filter((answer) => answer.httpStatus === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.httpStatus === 200)).toHaveLength(19);
    expect(new Set(answers.map((answer) => answer.body.ticket)).size).toBe(1);
    const live = await db().queueToken.count({ where: { userId: fan.userId, concertId, status: { in: ["WAITING", "ADMITTED"] } } });
    expect(live).toBe(1);
  });

  it("admits the first fan of an empty open room at once and keeps the second waiting at position 1", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 1 } });
    const first = await signedInFan();
    const second = await signedInFan();

    const firstAnswer = await joinAs(first.cookie, concertId);
    const secondAnswer = await joinAs(second.cookie, concertId);

    expect(firstAnswer.body).toMatchObject({ status: "ADMITTED", position: 0, etaSeconds: null });
    expect(Date.parse(firstAnswer.body.admittedUntil!)).toBeGreaterThan(Date.now());
    expect(secondAnswer.body).toMatchObject({ status: "WAITING", position: 1, ahead: 0 });
    expect(secondAnswer.body.etaSeconds).toBeGreaterThan(0);
    expect(secondAnswer.body.pollAfterMs).toBeGreaterThan(0);
  });

  it("returns the same place when the fan comes back, and sets the token as an HttpOnly cookie", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 1 } });
    await joinAs((await signedInFan()).cookie, concertId);
    const fan = await signedInFan();

    const first = await joinAs(fan.cookie, concertId);
    const again = await joinAs(fan.cookie, concertId);

    expect(first.httpStatus).toBe(201);
    expect(again.httpStatus).toBe(200);
    expect(again.body.ticket).toBe(first.body.ticket);
    expect(first.setCookie).toContain(`${queueCookieName(concertId)}=`);
    expect(first.setCookie).toMatch(/HttpOnly/);
    expect(first.setCookie).toMatch(/SameSite=Lax/);
    expect(first.setCookie).toMatch(/Path=\//);
  });

  it("replaces a lapsed admission with a new place at the back", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 5 } });
    const fan = await signedInFan();
    const admitted = await joinAs(fan.cookie, concertId);
    expect(admitted.body.status).toBe("ADMITTED");
    await db().$executeRaw`UPDATE queue_tokens SET admitted_until = now() - interval '1 second' WHERE user_id = ${fan.userId}::uuid`;

    const again = await joinAs(fan.cookie, concertId);

    expect(again.httpStatus).toBe(201);
    expect(again.body.ticket).toBeGreaterThan(admitted.body.ticket!);
    const tokens = await db().queueToken.findMany({ where: { userId: fan.userId }, select: { status: true, endReason: true }, orderBy: { createdAt: "asc" } });
    expect(tokens[0]).toEqual({ status: "ENDED", endReason: "EXPIRED" });
  });

  it("answers an unknown or malformed concert with 404 and a visitor without a session with 401", async () => {
    const fan = await signedInFan();
    const unknownId = "00000000-0000-4000-8000-000000000000";
    for (const concertId of [unknownId, "not-a-uuid", "1'; DROP TABLE queue_tokens; --"]) {
      const response = await call(joinRoute, testRequest("POST", `/api/concerts/x/queue`, { cookie: fan.cookie }), { concertId });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    }
    const { concertId } = await createConcert(db());
    const anonymous = await call(joinRoute, testRequest("POST", `/api/concerts/${concertId}/queue`), { concertId });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
    const foreign = await call(
      joinRoute,
      testRequest("POST", `/api/concerts/${concertId}/queue`, { cookie: fan.cookie, origin: "https://evil.example" }),
      { concertId },
    );
    expect(foreign.status).toBe(403);
    expect(await db().queueToken.count({ where: { concertId } })).toBe(0);
  });
});

describe("pre-queue before opening", () => {
  it("gives early fans no ticket, then draws a fair order at opening, and later fans queue behind them", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 1, opensAt: new Date(Date.now() + 3_600_000) } });
    const early = await Promise.all(Array.from({ length: 30 }, signedInFan));

    const before = await Promise.all(early.map((fan) => joinAs(fan.cookie, concertId)));

    for (const answer of before) {
      expect(answer.httpStatus).toBe(201);
      expect(answer.body).toMatchObject({ status: "WAITING", ticket: null, isPrequeued: true, ahead: null, etaSeconds: null });
      expect(answer.body.position).toBeGreaterThanOrEqual(1);
    }
    expect(await db().queueToken.count({ where: { concertId, ticket: { not: null } } })).toBe(0);

    await updateRoomSettings(db(), { actorId: (await createUser(db(), { role: "ADMIN" })).id, concertId, changes: { opensAt: new Date(Date.now() - 1_000), reason: "개장 앞당김" } });
    const late = await signedInFan();
    const lateAnswer = await joinAs(late.cookie, concertId);

    const drawn = await db().queueToken.findMany({
      where: { concertId, userId: { in: early.map((fan) => fan.userId) } },
      select: { ticket: true },
    });
    const tickets = drawn.map((row) => Number(row.ticket)).sort((a, b) => a - b);
    expect(tickets).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(lateAnswer.body.ticket).toBe(31);
    // Joining again after the draw tells the early fan their drawn ticket (and a token that carries it).
    const again = await joinAs(early[0]!.cookie, concertId);
    expect(again.httpStatus).toBe(200);
    expect(again.body.isPrequeued).toBe(false);
    expect(again.body.ticket).toBeGreaterThanOrEqual(1);
    expect(again.body.ticket).toBeLessThanOrEqual(30);
  });

  it("never draws in a fan who arrives after the opening, even when this process still believes the room is closed", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 1, opensAt: new Date(Date.now() + 3_600_000) } });
    const early = await Promise.all(Array.from({ length: 12 }, signedInFan));
    // Time stands still for this process's snapshots, so the room snapshot read by these joins
    // (opening an hour away) is the one the late join sees.
    const frozenAtMs = Date.now();
    setProcessClock({ now: () => frozenAtMs });
    try {
      for (const fan of early) expect((await joinAs(fan.cookie, concertId)).body).toMatchObject({ isPrequeued: true, ticket: null });
      // The room opened a minute ago by the database's clock; no admission step has run since.
      await db().$executeRaw`UPDATE waiting_rooms SET opens_at = now() - interval '1 minute' WHERE concert_id = ${concertId}::uuid`;

      const late = await signedInFan();
      const lateAnswer = await joinAs(late.cookie, concertId);

      // The pre-queue was drawn first, and the late fan queues behind all of it.
      expect(lateAnswer.httpStatus).toBe(201);
      expect(lateAnswer.body.ticket).toBe(early.length + 1);
      const drawn = await db().queueToken.findMany({ where: { concertId, userId: { in: early.map((fan) => fan.userId) } }, select: { ticket: true } });
      expect(drawn.map((row) => Number(row.ticket)).sort((a, b) => a - b)).toEqual(Array.from({ length: early.length }, (_, index) => index + 1));
    } finally {
      setProcessClock(undefined);
    }
  });

  it("does not draw in the order of joining", async () => {
    // 40 fans joined in a known order; the draw must not simply reproduce it.
    const { concertId } = await createConcert(db(), { room: { capacity: 1, opensAt: new Date(Date.now() + 3_600_000) } });
    const fans = await Promise.all(Array.from({ length: 40 }, signedInFan));
    for (const fan of fans) await joinAs(fan.cookie, concertId);
    await updateRoomSettings(db(), { actorId: (await createUser(db(), { role: "ADMIN" })).id, concertId, changes: { opensAt: new Date(Date.now() - 1_000), reason: "개장 앞당김" } });
    await joinAs((await signedInFan()).cookie, concertId);

    const rows = await db().queueToken.findMany({
      where: { concertId, userId: { in: fans.map((fan) => fan.userId) } },
      select: { ticket: true },
      orderBy: { createdAt: "asc" },
    });
    const ticketsInJoinOrder = rows.map((row) => Number(row.ticket));
    expect(new Set(ticketsInJoinOrder).size).toBe(40);
    // The chance that a uniform shuffle of 40 keeps the joining order is 1/40!.
    expect(ticketsInJoinOrder).not.toEqual([...ticketsInJoinOrder].sort((a, b) => a - b));
  });
});
