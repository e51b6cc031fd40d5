import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { logError } from "@/lib/log";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    return json({ status: "ok", database: "up" });
  } catch (error) {
    logError("health check: database unreachable", error);
    return json({ status: "degraded", database: "down" }, { status: 503, headers: { "retry-after": "1" } });
  }
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
