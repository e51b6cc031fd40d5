import { describe, expect, it } from "vitest";
import { admittedStatus, prequeueStatus, waitingStatus, type RoomView } from "@/lib/queue/queue-status-view";
import { queueStatusSchema } from "@/lib/queue/schemas";

const NOW_MS = Date.parse("2026-12-01T11:00:00Z");
const room: RoomView = {
  concertId: "5f0c6a8e-2d0e-4d4c-9a43-1b1b1b1b1b1b",
  capacity: 100,
  ratePerMinute: 600,
  windowSeconds: 600,
  opensAtMs: NOW_MS - 60_000,
  isPaused: false,
  servingCounter: 1_000,
  lastTicket: 1_500,
  prequeued: 0,
  isSoldOut: false,
  measuredPerSecond: 2,
};

describe("status bodies", () => {
  it("tells a waiting fan their place, the fans ahead and the wait from the measured rate", () => {
    const status = waitingStatus(room, { ticket: 1_101, nowMs: NOW_MS, random: 0.5 });
    expect(status).toMatchObject({
      status: "WAITING",
      position: 101,
      ahead: 100,
      etaSeconds: 51,
      admittedUntil: null,
      ticket: 1_101,
      isPrequeued: false,
      servingCounter: 1_000,
      lastTicket: 1_500,
      opensAt: "2026-12-01T10:59:00.000Z",
    });
    expect(queueStatusSchema.safeParse(status).success).toBe(true);
  });

  it("estimates from the room's settings until a rate has been measured", () => {
    const status = waitingStatus({ ...room, measuredPerSecond: null }, { ticket: 1_101, nowMs: NOW_MS, random: 0.5 });
    // min(600/min = 10/s, 100 per 600 s ≈ 0.167/s) → 101 / 0.1667 ≈ 606 s.
    expect(status.etaSeconds).toBe(606);
  });

  it("gives a pre-queued fan no order and no estimate, only the size of the pre-queue and the opening", () => {
    const opensAtMs = NOW_MS + 10 * 60_000;
    const status = prequeueStatus({ ...room, opensAtMs, prequeued: 42 }, { nowMs: NOW_MS, random: 0 });
    expect(status).toMatchObject({ status: "WAITING", position: 42, ahead: null, etaSeconds: null, ticket: null, isPrequeued: true });
    expect(status.pollAfterMs).toBeGreaterThanOrEqual(1_000);
    expect(queueStatusSchema.safeParse(status).success).toBe(true);
  });

  it("tells an admitted fan until when their turn lasts", () => {
    const admittedUntilMs = NOW_MS + 600_000;
    const status = admittedStatus(room, { ticket: 990, admittedUntilMs });
    expect(status).toMatchObject({ status: "ADMITTED", position: 0, ahead: 0, etaSeconds: null, admittedUntil: "2026-12-01T11:10:00.000Z" });
    expect(queueStatusSchema.safeParse(status).success).toBe(true);
  });
});
