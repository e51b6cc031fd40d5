import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * The benchmarks' reference: the same wrapper and JSON response as every API
 * route, and no database work. Its throughput is the ceiling a route on this
 * machine can reach, so scenarios report ratios to it. Exists only when the
 * server runs with ENCORE_BENCH=true (set by `npm run bench`).
 */
export const GET = publicRoute(async () => {
  if (env().ENCORE_BENCH !== "true") throw new AppError("NOT_FOUND", "No such resource.");
  return json({ ok: true });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
