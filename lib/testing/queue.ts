// Waiting-room helpers for integration tests.
import { POST as joinRoute } from "@/app/api/concerts/[concertId]/queue/route";
import { db as appDb, type Db } from "@/lib/db";
import { sqlPoolOf } from "@/lib/db/client";
import { sealQueueToken } from "@/lib/queue/token";
import { createUsers } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

/** Puts a fan straight into the ADMITTED state, for tests of what admission guards. */
export async function admitFan(
  db: Db,
  options: { userId: string; concertId: string; admittedForSeconds?: number },
): Promise<{ tokenId: string; token: string; headers: { "x-queue-token": string } }> {
  const seconds = options.admittedForSeconds ?? 600;
  const [room] = await db.$queryRaw<{ ticket: bigint }[]>`
    UPDATE waiting_rooms SET last_ticket = last_ticket + 1, serving_counter = last_ticket + 1
    WHERE concert_id = ${options.concertId}::uuid RETURNING last_ticket AS ticket`;
  if (!room) throw new Error("The concert has no waiting room.");
  const [row] = await db.$queryRaw<{ id: string; admitted_until: Date }[]>`
    INSERT INTO queue_tokens (user_id, concert_id, ticket, status, admitted_at, admitted_until, claim_by, claimed_at)
    VALUES (${options.userId}::uuid, ${options.concertId}::uuid, ${room.ticket}, 'ADMITTED', now(),
            now() + make_interval(secs => ${seconds}), now() + interval '60 seconds', now())
    RETURNING id, admitted_until`;
  const token = await sealQueueToken({
    tid: row!.id,
    uid: options.userId,
    cid: options.concertId,
    tkt: room.ticket.toString(),
    adm: row!.admitted_until.getTime(),
  });
  return { tokenId: row!.id, token, headers: { "x-queue-token": token } };
}

/** The status body a join answers with (docs/API.md), plus the HTTP status. */
export type JoinAnswer = {
  httpStatus: number;
  setCookie: string | null;
  body: {
    token: string;
    status: "WAITING" | "ADMITTED";
    position: number;
    ahead: number | null;
    ticket: number | null;
    isPrequeued: boolean;
    admittedUntil: string | null;
    pollAfterMs: number;
    etaSeconds: number | null;
  };
};

/** Joins the concert's line through the real route handler, as the signed-in fan of `cookie`. */
export async function joinAs(cookie: string, concertId: string): Promise<JoinAnswer> {
  const response = await call(joinRoute, testRequest("POST", `/api/concerts/${concertId}/queue`, { cookie }), { concertId });
  const body = await response.json();
  if (response.status !== 200 && response.status !== 201) throw new Error(`join failed: ${response.status} ${JSON.stringify(body)}`);
  return { httpStatus: response.status, setCookie: response.headers.get("set-cookie"), body };
}

/**
 * Records the text of every statement the app's database client (lib/db.ts,
 * built as in production) sends, by watching each connection its pool opens.
 * Call before anything in the test file touches db(), so no connection
 * escapes. The test harness disconnects the client after the file.
 */
export function recordDatabaseStatements(): { statements: string[]; values: unknown[][] } {
  const log = { statements: [] as string[], values: [] as unknown[][] };
  sqlPoolOf(appDb()).on("connect", (client) => {
    const send = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const query = args[0] as string | { text?: unknown; values?: unknown[] } | undefined;
      log.statements.push(typeof query === "string" ? query : String(query?.text ?? ""));
      // The parameters as sent, so a test can run the same statement again (under EXPLAIN, say).
      log.values.push(typeof query === "string" ? ((args[1] as unknown[] | undefined) ?? []) : (query?.values ?? []));
      return send(...args);
    };
  });
  return log;
}

/** `count` new fans waiting in the concert's open, drawn room, with tickets after the ones handed out. */
export async function fillLine(concertId: string, count: number): Promise<void> {
  const fans = await createUsers(appDb(), count);
  await appDb().$executeRaw`
    WITH room AS (
      UPDATE waiting_rooms SET last_ticket = last_ticket + ${count}, is_prequeue_ordered = true
      WHERE concert_id = ${concertId}::uuid RETURNING last_ticket - ${count} AS first
    )
    INSERT INTO queue_tokens (user_id, concert_id, ticket)
    SELECT fan.id, ${concertId}::uuid, room.first + fan.n FROM room, unnest(${fans.map((fan) => fan.id)}::uuid[]) WITH ORDINALITY AS fan(id, n)`;
}
