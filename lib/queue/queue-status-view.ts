// Status bodies (docs/API.md "Status body") built from a room snapshot. Pure: the
// clock (database time) and the random jitter are passed in.
import {
  ADMITTED_POLL_AFTER_MS,
  aheadOf,
  estimateWaitSeconds,
  expectedAdmissionsPerSecond,
  positionOf,
  suggestPollAfterMs,
  suggestPrequeuePollAfterMs,
} from "@/lib/queue/admission-math";
import type { QueueStatus } from "@/lib/queue/schemas";

/** The parts of a room snapshot a status body needs. */
export type RoomView = {
  concertId: string;
  capacity: number;
  ratePerMinute: number;
  windowSeconds: number;
  opensAtMs: number;
  isPaused: boolean;
  servingCounter: number;
  lastTicket: number;
  prequeued: number;
  isSoldOut: boolean;
  measuredPerSecond: number | null;
};

type Moment = { nowMs: number; random: number };

function roomFields(room: RoomView) {
  return {
    concertId: room.concertId,
    opensAt: new Date(room.opensAtMs).toISOString(),
    soldOut: room.isSoldOut,
    isPaused: room.isPaused,
    servingCounter: room.servingCounter,
    lastTicket: Math.max(room.lastTicket, room.servingCounter),
  };
}

/** A fan with a ticket who has not been admitted yet. */
export function waitingStatus(room: RoomView, options: Moment & { ticket: number }): QueueStatus {
  const position = positionOf(options.ticket, room.servingCounter);
  const etaSeconds = estimateWaitSeconds({
    position,
    measuredPerSecond: room.measuredPerSecond,
    expectedPerSecond: expectedAdmissionsPerSecond(room),
  });
  return {
    ...roomFields(room),
    status: "WAITING",
    position,
    ahead: aheadOf(position),
    etaSeconds,
    pollAfterMs: suggestPollAfterMs({ position, etaSeconds, random: options.random }),
    admittedUntil: null,
    ticket: options.ticket,
    isPrequeued: false,
  };
}

/**
 * A fan who joined before the room opened: there is no order yet (it is drawn
 * at opening), so the position is the size of the pre-queue.
 */
export function prequeueStatus(room: RoomView, options: Moment): QueueStatus {
  return {
    ...roomFields(room),
    status: "WAITING",
    position: Math.max(1, room.prequeued),
    ahead: null,
    etaSeconds: null,
    pollAfterMs: suggestPrequeuePollAfterMs({ msUntilOpen: room.opensAtMs - options.nowMs, random: options.random }),
    admittedUntil: null,
    ticket: null,
    isPrequeued: true,
  };
}

/** A fan whose turn is live until `admittedUntilMs`. */
export function admittedStatus(room: RoomView, options: { ticket: number | null; admittedUntilMs: number }): QueueStatus {
  return {
    ...roomFields(room),
    status: "ADMITTED",
    position: 0,
    ahead: 0,
    etaSeconds: null,
    pollAfterMs: ADMITTED_POLL_AFTER_MS,
    admittedUntil: new Date(options.admittedUntilMs).toISOString(),
    ticket: options.ticket,
    isPrequeued: false,
  };
}
