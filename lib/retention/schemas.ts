import { z } from "zod";

const removed = z.number().int().min(0);

/** Rows the cron removed because their retention window was over (lib/retention/retention-policy.ts). */
export const purgedRowsSchema = z
  .object({ sessions: removed, idempotencyRecords: removed, queueTokens: removed, signInThrottles: removed })
  .meta({ id: "PurgedRows" });
