import { describe, expect, it } from "vitest";
import { GET as roomRoute, PATCH as editRoomRoute } from "@/app/api/admin/concerts/[concertId]/room/route";
import { POST as admitRoute } from "@/app/api/admin/concerts/[concertId]/room/admit/route";
import { GET as statusRoute } from "@/app/api/queue/status/route";
import { db } from "@/lib/db";
import { advanceRoom } from "@/lib/queue/advance-room";
import { updateRoomSettings } from "@/lib/queue/update-room-settings";
import { createConcert, signedInUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { fillLine, joinAs } from "@/lib/testing/queue";

async function tokenCounts(concertId: string) {
  const [row] = await db().$queryRaw<{ waiting: bigint; admitted: bigint }[]>`
    SELECT count(*) FILTER (WHERE status = 'WAITING') AS waiting, count(*) FILTER (WHERE status = 'ADMITTED') AS admitted
    FROM queue_tokens WHERE concert_id = ${concertId}::uuid`;
  return { waiting: Number(row!.waiting), admitted: Number(row!.admitted) };
}

async function servingCounter(concertId: string): Promise<number> {
  const room = await db().waitingRoom.findUniqueOrThrow({ where: { concertId } });
  return Number(room.servingCounter);
}

describe("GET and PATCH /api/admin/concerts/{id}/room", () => {
  it("answers the settings and the exact line, changes them with an audit entry, and a paused line says so to waiting fans", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10, room: { capacity: 1 } });
    const [first, second, third] = await Promise.all([signedInUser(db()), signedInUser(db()), signedInUser(db())]);
    await joinAs(first!.cookie, concertId);
    const waitingFan = await joinAs(second!.cookie, concertId);
    const leaver = await joinAs(third!.cookie, concertId);
    await db().$executeRaw`UPDATE queue_tokens SET status = 'ENDED', end_reason = 'LEFT', ended_at = now() WHERE user_id = ${third!.id}::uuid`;
    expect(leaver.body.ticket).toBe(3);
    const path = `/api/admin/concerts/${concertId}/room`;

    const read = await call(roomRoute, testRequest("GET", path, { cookie: operator.cookie }), { concertId });
    expect(read.status).toBe(200);
    expect((await read.json()).room).toMatchObject({
      capacity: 1, admissionRatePerMinute: 6000, admissionWindowSeconds: 600, claimWindowSeconds: 60, isPaused: false,
      lastTicket: 3, servingCounter: 1, waiting: 1, admitted: 1,
    });

    const paused = await call(editRoomRoute, testRequest("PATCH", path, { cookie: operator.cookie, body: { isPaused: true, capacity: 5, reason: "점검" } }), { concertId });
    expect(paused.status).toBe(200);
    expect((await paused.json()).room).toMatchObject({ isPaused: true, capacity: 5, waiting: 1 });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { concertId, action: "room.update" } });
    expect(entry).toMatchObject({ reason: "점검", before: expect.objectContaining({ isPaused: false, capacity: 1 }), after: expect.objectContaining({ isPaused: true, capacity: 5 }) });

    const status = await call(statusRoute, testRequest("GET", `/api/queue/status`, { headers: { "x-queue-token": waitingFan.body.token } }));
    expect(await status.json()).toMatchObject({ status: "WAITING", position: 1, isPaused: true });
    expect((await advanceRoom(db(), { concertId })).isLeader).toBe(true);
    expect(await tokenCounts(concertId)).toEqual({ waiting: 1, admitted: 1 });

    const audits = await db().auditEntry.count({ where: { concertId } });
    for (const body of [{ isPaused: false }, { capacity: 0, reason: "x" }, { reason: "아무것도" }, { isPaused: "yes", reason: "x" }]) {
      const refused = await call(editRoomRoute, testRequest("PATCH", path, { cookie: operator.cookie, body }), { concertId });
      expect(refused.status).toBe(422);
    }
    expect(await db().auditEntry.count({ where: { concertId } })).toBe(audits);

    await call(editRoomRoute, testRequest("PATCH", path, { cookie: operator.cookie, body: { isPaused: false, reason: "재개" } }), { concertId });
    await advanceRoom(db(), { concertId });
    expect(await tokenCounts(concertId)).toEqual({ waiting: 0, admitted: 2 });
  });
});

describe("POST /api/admin/concerts/{id}/room/admit", () => {
  it("lets the next fans in beyond the rate but never beyond the capacity, and not while paused", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10, room: { capacity: 5, admissionRatePerMinute: 1 } });
    await fillLine(concertId, 8);
    const path = `/api/admin/concerts/${concertId}/room/admit`;
    const admit = (count: number) => call(admitRoute, testRequest("POST", path, { cookie: operator.cookie, body: { count, reason: "수동 입장" } }), { concertId });

    const answers = await Promise.all([admit(3), admit(3), admit(3)]);
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(bodies.map((body) => body.admitted).sort()).toEqual([0, 2, 3]);
    expect(await tokenCounts(concertId)).toEqual({ waiting: 3, admitted: 5 });
    expect(await db().auditEntry.count({ where: { concertId, action: "room.admit" } })).toBe(3);

    await updateRoomSettings(db(), { actorId: operator.id, concertId, changes: { isPaused: true, capacity: 10, reason: "멈춤" } });
    const refused = await admit(3);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("ROOM_NOT_ADMITTING");
    expect(await tokenCounts(concertId)).toEqual({ waiting: 3, admitted: 5 });
  });
});

describe("pause racing the admission leader", () => {
  it("admits nobody once a pause has committed and never more than the capacity, over many races", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const capacity = 20;
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 10, room: { capacity, admissionRatePerMinute: 600_000 } });
    await fillLine(concertId, 1_000);
    let admittedWhileRacing = 0;
    for (let race = 0; race < 15; race++) {
      // Free the room and resume, then pause while leaders run from every side.
      await db().$executeRaw`UPDATE queue_tokens SET status = 'ENDED', end_reason = 'EXPIRED', ended_at = now() WHERE concert_id = ${concertId}::uuid AND status = 'ADMITTED'`;
      await updateRoomSettings(db(), { actorId: operator.id, concertId, changes: { isPaused: false, reason: "재개" } });
      const before = await servingCounter(concertId);
      const leaders = Array.from({ length: 6 }, () => advanceRoom(db(), { concertId }));
      const pause = updateRoomSettings(db(), { actorId: operator.id, concertId, changes: { isPaused: true, reason: "멈춤" } });
      const [pausedRoom] = await Promise.all([pause, ...leaders]);
      for (let again = 0; again < 3; again++) await advanceRoom(db(), { concertId });

      const after = await tokenCounts(concertId);
      expect(after.admitted).toBeLessThanOrEqual(capacity);
      // Everything admitted was admitted before the pause took the room: the pause's own read saw it all.
      expect(await servingCounter(concertId)).toBe(pausedRoom.servingCounter);
      expect(after.admitted).toBe(pausedRoom.admitted);
      admittedWhileRacing += pausedRoom.servingCounter - before;
    }
    expect(admittedWhileRacing).toBeGreaterThan(0);
  });
});
