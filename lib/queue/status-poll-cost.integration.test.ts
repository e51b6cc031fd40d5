// The steady state of the status poll: answered from the signed token and the
// per-process room snapshot, with no database statement of its own.
import { describe, expect, it } from "vitest";
import { GET as statusRoute } from "@/app/api/queue/status/route";
import { db } from "@/lib/db";
import { SNAPSHOT_FRESH_MS } from "@/lib/queue/room-snapshot";
import { createConcert, createUsers, sessionCookieFor } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { joinAs, recordDatabaseStatements } from "@/lib/testing/queue";

const log = recordDatabaseStatements();
/** The one statement a room snapshot refresh always sends (readRoomState). */
const ROOM_READ = /\bAS prequeued\b/;
const roomReads = () => log.statements.filter((sql) => ROOM_READ.test(sql)).length;

/** A refresh is one read of the room plus, when admission could move, one short leader transaction. */
const MOST_STATEMENTS_PER_REFRESH = 8;

function poll(token: string): Promise<Response> {
  return call(statusRoute, testRequest("GET", "/api/queue/status", { headers: { "x-queue-token": token } }));
}

describe("status poll cost", () => {
  it("answers 200 concurrent polls of waiting and admitted fans without a statement of their own", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 5 } });
    const users = await createUsers(db(), 60);
    const tokens: string[] = [];
    for (const user of users) tokens.push((await joinAs(await sessionCookieFor(db(), user.id), concertId)).body.token);
    await Promise.all(tokens.map(poll));

    const statementsBefore = log.statements.length;
    const refreshesBefore = roomReads();
    const startedAt = performance.now();
    const responses = await Promise.all(Array.from({ length: 200 }, (_, index) => poll(tokens[index % tokens.length]!)));
    const elapsedMs = performance.now() - startedAt;
    const statements = log.statements.slice(statementsBefore);
    const refreshes = roomReads() - refreshesBefore;

    expect(responses.every((response) => response.status === 200)).toBe(true);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies.filter((body) => body.status === "ADMITTED").length).toBeGreaterThan(0);
    expect(bodies.filter((body) => body.status === "WAITING").length).toBeGreaterThan(0);
    // At most one refresh per second of polling, and every statement sent belongs to a refresh.
    expect(refreshes).toBeLessThanOrEqual(1 + Math.ceil(elapsedMs / SNAPSHOT_FRESH_MS));
    expect(statements.length).toBeLessThanOrEqual(refreshes * MOST_STATEMENTS_PER_REFRESH);
    // No session lookup and no per-token row read.
    expect(statements.filter((sql) => /\bsessions\b/.test(sql))).toEqual([]);
    expect(statements.filter((sql) => /FROM queue_tokens t\b/.test(sql))).toEqual([]);
  });

  it("costs the same whatever the length of the line", async () => {
    const { concertId } = await createConcert(db(), { room: { capacity: 1 } });
    const users = await createUsers(db(), 2);
    const tokens: string[] = [];
    for (const user of users) tokens.push((await joinAs(await sessionCookieFor(db(), user.id), concertId)).body.token);
    // 20,000 more fans in line behind them: setup, not the subject, so it may take longer than a request on a busy machine.
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL statement_timeout = '120s'`;
      await tx.$executeRaw`
        WITH fans AS (
          INSERT INTO users (email, name, password_hash)
          SELECT 'line-' || n || '-' || gen_random_uuid() || '@example.test', 'Fan', 'x' FROM generate_series(1, 20000) n
          RETURNING id
        ), room AS (
          UPDATE waiting_rooms SET last_ticket = last_ticket + 20000 WHERE concert_id = ${concertId}::uuid RETURNING last_ticket
        )
        INSERT INTO queue_tokens (user_id, concert_id, ticket)
        SELECT fans.id, ${concertId}::uuid, room.last_ticket - 20000 + row_number() OVER () FROM fans, room`;
    }, { timeout: 120_000 });
    await poll(tokens[1]!);

    const statementsBefore = log.statements.length;
    const refreshesBefore = roomReads();
    const responses = await Promise.all(Array.from({ length: 200 }, () => poll(tokens[1]!)));
    const refreshes = roomReads() - refreshesBefore;

    expect((await responses[0]!.json()).position).toBe(1);
    expect(log.statements.length - statementsBefore).toBeLessThanOrEqual(refreshes * MOST_STATEMENTS_PER_REFRESH);
    expect(log.statements.slice(statementsBefore).filter((sql) => /count\(\*\)/i.test(sql) && !/waiting_rooms r/.test(sql))).toEqual([]);
  });
});
