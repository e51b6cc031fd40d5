// Vercel Cron: every minute ("* * * * *" in vercel.json). Expired holds are
// already free for every read and every new hold; this run marks them EXPIRED
// in bounded batches, ends queue tokens whose admission is over, and then lets
// each waiting room admit fans into the places that freed up.
import { releaseExpiredHolds } from "@/lib/booking/release-expired-holds";
import { db } from "@/lib/db";
import { json } from "@/lib/http/responses";
import { cronRoute } from "@/lib/http/route";
import { advanceAllRooms } from "@/lib/queue/advance-all-rooms";
import { expireQueueTokens } from "@/lib/queue/expire-queue-tokens";

export const GET = cronRoute(async () => {
  const released = await releaseExpiredHolds(db());
  const expiredTokens = await expireQueueTokens(db());
  await advanceAllRooms(db());
  return json({ released, expiredTokens });
});
