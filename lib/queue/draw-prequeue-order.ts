import "server-only";
import type { Prisma } from "@/lib/db";

/** Drawing a very large pre-queue may take longer than an ordinary statement may. */
const DRAW_STATEMENT_TIMEOUT_MS = 120_000;

/**
 * At opening, gives every pre-queued token (ticket NULL) a ticket in random
 * order, after the tickets already handed out, and marks the room ordered.
 * Runs inside the room leader's transaction. Returns the room's new
 * last_ticket.
 *
 * Fairness invariant: no fan who pre-queued is left without a ticket, and no
 * later arrival is drawn in. The first statement takes the room row's lock and
 * joins take that same lock (lib/queue/join-queue.ts), so a join that inserted
 * a NULL-ticket token has committed before the draw reads them, and a join
 * that waits for the lock sees the room ordered and takes a numbered ticket
 * after the drawn ones.
 */
export async function drawPrequeueOrder(tx: Prisma.TransactionClient, options: { concertId: string }): Promise<number> {
  await tx.$queryRaw`
    UPDATE waiting_rooms SET is_prequeue_ordered = true
    WHERE concert_id = ${options.concertId}::uuid
    RETURNING set_config('statement_timeout', ${String(DRAW_STATEMENT_TIMEOUT_MS)}, true)`;
  const [room] = await tx.$queryRaw<{ last_ticket: bigint }[]>`
    WITH drawn AS (
      SELECT id, row_number() OVER (ORDER BY random()) AS draw
      FROM queue_tokens
      WHERE concert_id = ${options.concertId}::uuid AND status = 'WAITING' AND ticket IS NULL
    ), numbered AS (
      UPDATE queue_tokens q
      SET ticket = room.last_ticket + drawn.draw
      FROM drawn, (SELECT last_ticket FROM waiting_rooms WHERE concert_id = ${options.concertId}::uuid) room
      WHERE q.id = drawn.id
      RETURNING q.id
    )
    UPDATE waiting_rooms SET last_ticket = last_ticket + (SELECT count(*) FROM numbered)
    WHERE concert_id = ${options.concertId}::uuid
    RETURNING last_ticket`;
  return Number(room?.last_ticket ?? 0);
}
