// Puts a fan straight into the ADMITTED state, for tests of what admission guards.
import type { Db } from "@/lib/db";
import { sealQueueToken } from "@/lib/queue/token";

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
