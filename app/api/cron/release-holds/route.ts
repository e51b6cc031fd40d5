// Vercel Cron: every minute ("* * * * *" in vercel.json). Expired holds are
// already free for every read and every new hold; this run marks them EXPIRED
// in bounded batches, ends queue tokens whose admission is over, and then lets
// each waiting room admit fans into the places that freed up. Last, it removes
// rows past their retention (lib/retention), also in bounded batches.
import { releaseExpiredHolds } from "@/lib/booking/release-expired-holds";
import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { cronRoute } from "@/lib/http/route";
import { advanceAllRooms } from "@/lib/queue/advance-all-rooms";
import { expireQueueTokens } from "@/lib/queue/expire-queue-tokens";
import { purgeExpiredRows } from "@/lib/retention/purge-expired-rows";

export const GET = cronRoute(async () => {
  const released = await releaseExpiredHolds(db());
  const expiredTokens = await expireQueueTokens(db());
  await advanceAllRooms(db());
  const { isDrained, ...purged } = await purgeExpiredRows(db());
  return json({ released, expiredTokens, purged, isPurgeDrained: isDrained });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
