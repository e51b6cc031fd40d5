// The arithmetic of the waiting room: positions, waiting-time estimates, poll
// pacing and how many fans the admission leader may let in. Pure, so it is
// unit-tested on its own; the database and the clock are passed in.

/** Poll pacing: fans near the front poll often, fans far back rarely. */
export const NEAR_FRONT_POLL_AFTER_MS = 2_000;
export const DEFAULT_POLL_AFTER_MS = 5_000;
export const FAR_POLL_AFTER_MS = 10_000;
export const VERY_FAR_POLL_AFTER_MS = 20_000;
/** An admitted fan's page only needs to notice the end of the turn. */
export const ADMITTED_POLL_AFTER_MS = 15_000;
/** Before opening, polls spread over this much time after the opening so the first second is not a stampede. */
export const OPENING_SPREAD_MS = 3_000;
/** Share of the suggested delay added or removed at random, so polls of fans who joined together drift apart. */
export const POLL_JITTER_RATIO = 0.1;

/** How far back the measured admission rate looks, and the least span it needs to be trusted. */
export const RATE_SAMPLE_WINDOW_MS = 60_000;
export const MIN_RATE_SAMPLE_SPAN_MS = 5_000;

/** The admission bucket holds at most this many seconds of the rate cap (and never more than the capacity). */
export const ADMISSION_BURST_SECONDS = 2;

/** A waiting fan's place: 1 is next. Tickets at or below the serving counter are the front (the poll then asks the database). */
export function positionOf(ticket: number, servingCounter: number): number {
  return Math.max(1, ticket - servingCounter);
}

/** How many fans are ahead of the given place. */
export function aheadOf(position: number): number {
  return Math.max(0, position - 1);
}

/**
 * The admission rate to expect when none has been measured yet: the rate cap,
 * or the turnover of a full room (capacity fans per admission window) if that
 * is slower.
 */
export function expectedAdmissionsPerSecond(room: { ratePerMinute: number; capacity: number; windowSeconds: number }): number {
  return Math.min(room.ratePerMinute / 60, room.capacity / room.windowSeconds);
}

export type CounterSample = { atMs: number; servingCounter: number };

/**
 * Tickets admitted per second over the samples (oldest first), or null when
 * they span too little time or show no movement to be trusted.
 */
export function measureAdmissionsPerSecond(samples: readonly CounterSample[]): number | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last) return null;
  const spanMs = last.atMs - first.atMs;
  const admitted = last.servingCounter - first.servingCounter;
  if (spanMs < MIN_RATE_SAMPLE_SPAN_MS || admitted <= 0) return null;
  return (admitted * 1000) / spanMs;
}

/** Adds a sample and drops those older than the sample window (keeping one older sample as the baseline). */
export function recordCounterSample(samples: readonly CounterSample[], sample: CounterSample): CounterSample[] {
  const next = [...samples, sample];
  while (next.length > 2 && next[1]!.atMs <= sample.atMs - RATE_SAMPLE_WINDOW_MS) next.shift();
  return next;
}

/** Seconds until the fan at `position` is admitted, from the measured rate or, lacking one, the expected rate. */
export function estimateWaitSeconds(options: {
  position: number;
  measuredPerSecond: number | null;
  expectedPerSecond: number;
}): number | null {
  const rate = options.measuredPerSecond && options.measuredPerSecond > 0 ? options.measuredPerSecond : options.expectedPerSecond;
  if (!(rate > 0)) return null;
  return Math.max(1, Math.ceil(options.position / rate));
}

/** `random` in [0, 1) spreads the delay by ±POLL_JITTER_RATIO. */
function withJitter(delayMs: number, random: number): number {
  return Math.round(delayMs * (1 - POLL_JITTER_RATIO + 2 * POLL_JITTER_RATIO * random));
}

/** The delay a waiting fan should leave before the next poll. */
export function suggestPollAfterMs(options: { position: number; etaSeconds: number | null; random: number }): number {
  const { position, etaSeconds } = options;
  let delayMs = DEFAULT_POLL_AFTER_MS;
  if (position <= 10 || (etaSeconds !== null && etaSeconds <= 30)) delayMs = NEAR_FRONT_POLL_AFTER_MS;
  else if (etaSeconds !== null && etaSeconds > 3_600) delayMs = VERY_FAR_POLL_AFTER_MS;
  else if (etaSeconds !== null && etaSeconds > 600) delayMs = FAR_POLL_AFTER_MS;
  return withJitter(delayMs, options.random);
}

/**
 * Before the room opens: poll rarely while the opening is far away, and right
 * after it (spread over OPENING_SPREAD_MS) when it is close, when the pre-queue
 * order is drawn.
 */
export function suggestPrequeuePollAfterMs(options: { msUntilOpen: number; random: number }): number {
  const untilOpeningSettlesMs = Math.max(0, options.msUntilOpen) + Math.round(OPENING_SPREAD_MS * options.random);
  return Math.max(1_000, Math.min(VERY_FAR_POLL_AFTER_MS, untilOpeningSettlesMs));
}

/** The most fans one advance may admit after a pause: a couple of seconds of the rate cap, at least 1, at most the capacity. */
export function admissionBurst(room: { ratePerMinute: number; capacity: number }): number {
  return Math.max(1, Math.min(room.capacity, Math.ceil((room.ratePerMinute / 60) * ADMISSION_BURST_SECONDS)));
}

export type AdmissionAllowance = {
  /** How many waiting fans may be admitted now. */
  count: number;
  /** The start of the unused credit; last_advanced_at becomes this plus the time the admitted fans consumed. */
  bucketStartMs: number;
};

/**
 * A token bucket over the room row: credit accrues at the rate cap since
 * last_advanced_at (capped to the burst), and the room may hold at most
 * `capacity` admitted-and-live fans. Fractions of credit are kept for the next
 * advance, so a slow rate cap still admits on time however often this runs.
 */
export function admissionAllowance(options: {
  capacity: number;
  liveAdmitted: number;
  ratePerMinute: number;
  nowMs: number;
  lastAdvancedAtMs: number;
}): AdmissionAllowance {
  const perMs = options.ratePerMinute / 60_000;
  const burst = admissionBurst(options);
  const bucketStartMs = Math.max(options.lastAdvancedAtMs, options.nowMs - burst / perMs);
  // The epsilon absorbs floating-point error in (elapsed × rate) at whole numbers.
  const credit = Math.floor((options.nowMs - bucketStartMs) * perMs + 1e-9);
  const freePlaces = options.capacity - options.liveAdmitted;
  return { count: Math.max(0, Math.min(credit, freePlaces)), bucketStartMs };
}

/** The credit one admission uses. After admitting n fans, last_advanced_at = bucketStartMs + n × this. */
export function msPerAdmission(ratePerMinute: number): number {
  return 60_000 / ratePerMinute;
}

/**
 * Whether an admission step could change anything now: the room is open and
 * either its pre-queue is not drawn yet, or someone waits while a place is
 * free or an admitted fan's turn has lapsed. A full room with no lapse, or a
 * paused one, costs no leader transaction.
 */
export function shouldAdvance(room: {
  isOpen: boolean;
  isPaused: boolean;
  isPrequeueOrdered: boolean;
  lastTicket: number;
  servingCounter: number;
  liveAdmitted: number;
  capacity: number;
  nextLapseMs: number | null;
  nowMs: number;
}): boolean {
  if (!room.isOpen || room.isPaused) return false;
  if (!room.isPrequeueOrdered) return true;
  if (room.lastTicket <= room.servingCounter) return false;
  return room.liveAdmitted < room.capacity || (room.nextLapseMs !== null && room.nextLapseMs <= room.nowMs);
}

/** Share of the way from the place at joining to the front, 0…1. */
export function progressTowardFront(startPosition: number, position: number): number {
  if (startPosition <= 0 || position <= 0) return 1;
  if (position >= startPosition) return 0;
  return (startPosition - position) / startPosition;
}
