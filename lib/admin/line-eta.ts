import { estimateWaitSeconds, expectedAdmissionsPerSecond } from "@/lib/queue/admission-math";

/** The line's recent pace is measured over at most this many seconds of admissions. */
export const LINE_PACE_WINDOW_SECONDS = 300;

export type LinePace = {
  waiting: number;
  isPaused: boolean;
  /** The room has opened (before it, the pre-queue has no order yet). */
  isOpen: boolean;
  capacity: number;
  ratePerMinute: number;
  windowSeconds: number;
  /** Fans admitted in the last `paceSeconds`. */
  recentAdmissions: number;
  /** The span those admissions were counted over: the pace window, or less since the opening. */
  paceSeconds: number;
};

/**
 * Seconds until the last fan waiting now is admitted, at the pace of the last
 * few minutes or, with no admissions yet, at the pace the settings allow
 * (the same estimate a fan's status gives, for the back of the line). 0 when
 * nobody waits; null while the line cannot move: paused, or not open yet.
 */
export function lineEtaSeconds(line: LinePace): number | null {
  if (line.waiting === 0) return 0;
  if (line.isPaused || !line.isOpen) return null;
  const measuredPerSecond = line.paceSeconds > 0 && line.recentAdmissions > 0 ? line.recentAdmissions / line.paceSeconds : null;
  return estimateWaitSeconds({ position: line.waiting, measuredPerSecond, expectedPerSecond: expectedAdmissionsPerSecond(line) });
}
