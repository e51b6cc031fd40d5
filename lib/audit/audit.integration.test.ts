import { describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/admin/audit/route";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { recordAudit, type AuditRecord } from "@/lib/audit/record-audit";
import { reasonInput } from "@/lib/audit/schemas";
import { db } from "@/lib/db";
import { pgErrorCode, PG } from "@/lib/db/pg-error";
import { inRawTransaction } from "@/lib/db/sql-transaction";
import { parseOrThrow } from "@/lib/http/request";
import { createConcert, createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

async function signedIn(role: "FAN" | "ADMIN") {
  const user = await createUser(db(), { role });
  return { ...user, cookie: await sessionCookieFor(db(), user.id) };
}

function change(actorId: string, concertId: string, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    actorId, action: "room.update", target: `concert:${concertId}`, concertId, reason: "정원 조정",
    before: { capacity: 100 }, after: { capacity: 200 }, ...overrides,
  };
}

describe("GET /api/admin/audit", () => {
  it("answers 401 without a session and 403 FORBIDDEN to a fan", async () => {
    expect((await call(auditRoute, testRequest("GET", "/api/admin/audit"))).status).toBe(401);
    const fan = await signedIn("FAN");
    const refused = await call(auditRoute, testRequest("GET", "/api/admin/audit", { cookie: fan.cookie }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");
  });

  it("lists entries newest first with the operator's email, filtered by concert and paged by cursor", async () => {
    const operator = await signedIn("ADMIN");
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
    const other = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
    for (const reason of ["첫째", "둘째", "셋째"]) await recordAudit(db(), change(operator.id, concertId, { reason }));
    await recordAudit(db(), change(operator.id, other.concertId, { reason: "다른 공연" }));

    const response = await call(auditRoute, testRequest("GET", `/api/admin/audit?concertId=${concertId}`, { cookie: operator.cookie }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.entries.map((entry: { reason: string }) => entry.reason)).toEqual(["셋째", "둘째", "첫째"]);
    expect(body.entries[0]).toEqual({
      id: expect.any(String), actorEmail: operator.email, action: "room.update", target: `concert:${concertId}`, concertId,
      reason: "셋째", before: { capacity: 100 }, after: { capacity: 200 }, createdAt: expect.any(String),
    });
    expect(body.nextCursor).toBeNull();

    const first = await listAuditEntries(db(), { concertId, limit: 2 });
    expect(first.entries.map((entry) => entry.reason)).toEqual(["셋째", "둘째"]);
    const second = await listAuditEntries(db(), { concertId, limit: 2, cursor: first.nextCursor! });
    expect(second.entries.map((entry) => entry.reason)).toEqual(["첫째"]);
    expect(second.nextCursor).toBeNull();

    const everything = await call(auditRoute, testRequest("GET", "/api/admin/audit", { cookie: operator.cookie }));
    expect((await everything.json()).entries[0].reason).toBe("다른 공연");
  });

  it("refuses a cursor or a concert id that is not one with 422", async () => {
    const operator = await signedIn("ADMIN");
    for (const query of ["cursor=abc", "concertId=nope"]) {
      const response = await call(auditRoute, testRequest("GET", `/api/admin/audit?${query}`, { cookie: operator.cookie }));
      expect(response.status).toBe(422);
    }
  });
});

describe("recordAudit", () => {
  it("writes nothing when the change's transaction rolls back", async () => {
    const operator = await createUser(db(), { role: "ADMIN" });
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
    const refusal = new Error("the change was refused");
    await expect(inRawTransaction(db(), async (tx) => {
      await recordAudit(tx, change(operator.id, concertId));
      throw refusal;
    })).rejects.toBe(refusal);
    expect((await listAuditEntries(db(), { concertId })).entries).toEqual([]);
    await inRawTransaction(db(), (tx) => recordAudit(tx, change(operator.id, concertId)));
    expect((await listAuditEntries(db(), { concertId })).entries).toHaveLength(1);
  });

  it("keeps the log append-only and refuses a blank reason in the database too", async () => {
    const operator = await createUser(db(), { role: "ADMIN" });
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 1 });
    await recordAudit(db(), change(operator.id, concertId));
    const edited = await db().$executeRaw`UPDATE audit_entries SET reason = 'x' WHERE concert_id = ${concertId}::uuid`.catch((error: unknown) => error);
    expect(edited).toBeInstanceOf(Error);
    const blank = await recordAudit(db(), change(operator.id, concertId, { reason: "  " })).catch((error: unknown) => error);
    expect(pgErrorCode(blank)).toBe(PG.CHECK_VIOLATION);
  });
});

describe("reasonSchema", () => {
  it.each([
    ["missing", {}],
    ["blank", { reason: "   " }],
    ["longer than 500 characters", { reason: "가".repeat(501) }],
    ["not text", { reason: 5 }],
  ])("refuses a reason that is %s with 422 VALIDATION_FAILED", (_label, body) => {
    expect(() => parseOrThrow(reasonInput, body)).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED", status: 422 }));
  });

  it("keeps a reason of 1 to 500 characters, trimmed", () => {
    expect(parseOrThrow(reasonInput, { reason: "  환불 요청  " })).toEqual({ reason: "환불 요청" });
    expect(parseOrThrow(reasonInput, { reason: "가".repeat(500) }).reason).toHaveLength(500);
  });
});
