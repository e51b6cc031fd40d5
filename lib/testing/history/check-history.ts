// Checks a recorded history against the database after the storm. Returns the
// violations found (empty when the history is explained by the database):
// - each 201 hold and payment, each charge, and each 200 refund and ticket
//   cancellation took effect exactly once, and nothing took effect that no
//   answer (or an ambiguous 5xx) explains;
// - no seat has two CONFIRMED reservations;
// - each 409 SEAT_UNAVAILABLE overlapped, in time, a competing live hold or sale;
// - each 409 ALREADY_REFUNDED to a refund or cancellation came after another
//   request had refunded every seat it asked for (never a retry of its own
//   key, which answers the stored answer);
// - each 409 REQUEST_IN_PROGRESS overlapped another request with its key;
// - each wallet's entries chain: balance_after is the running sum, never
//   negative, and the wallet's balance is the last of them.
import type { History, HistoryEvent, Snapshot } from "./history-types";

type Of<K extends HistoryEvent["kind"]> = Extract<HistoryEvent, { kind: K }>;
type HoldBody = { reservations?: { id: string; seatId: string }[] };
type PayBody = { payment?: { id: string; amount: number } };
type ChargeBody = { entry?: { id: string | number; amount: number } };
type RefundBody = { refund?: { id: string; amount: number } };
type ErrorBody = { error?: { details?: { seatIds?: string[] } } };

const isSuccess = (event: HistoryEvent) => event.status >= 200 && event.status < 300;
const isAmbiguous = (event: HistoryEvent) => event.status >= 500;
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

function eventsOf<K extends HistoryEvent["kind"]>(history: History, kind: K): Of<K>[] {
  return history.events.filter((event): event is Of<K> => event.kind === kind);
}

/** Answers with the same idempotency key must be the same answer; different keys, different effects. */
function checkOneEffectPerKey(label: string, answers: { key?: string; effectId: string }[]): string[] {
  const problems: string[] = [];
  const keyOfEffect = new Map<string, string | undefined>();
  for (const { key, effectId } of answers) {
    if (!keyOfEffect.has(effectId)) keyOfEffect.set(effectId, key);
    else if (key === undefined || keyOfEffect.get(effectId) !== key) problems.push(`${label} ${effectId} was answered to two different requests`);
  }
  const effectOfKey = new Map<string, string>();
  for (const { key, effectId } of answers) {
    if (key === undefined) continue;
    const earlier = effectOfKey.get(key);
    if (earlier !== undefined && earlier !== effectId) problems.push(`${label}s with key ${key} answered two different effects`);
    effectOfKey.set(key, effectId);
  }
  return problems;
}

function checkHolds(history: History, after: Snapshot): string[] {
  const problems: string[] = [];
  const reservations = new Map(after.reservations.map((row) => [row.id, row]));
  const answered = new Set<string>();
  for (const event of eventsOf(history, "hold").filter(isSuccess)) {
    const held = (event.body as HoldBody).reservations ?? [];
    if (!sameSet(held.map((row) => row.seatId), event.seatIds)) problems.push(`hold by ${event.userId} answered other seats than it asked for`);
    for (const { id } of held) {
      if (answered.has(id)) problems.push(`reservation ${id} was answered to two holds`);
      answered.add(id);
      const row = reservations.get(id);
      if (!row) problems.push(`reservation ${id} of a 201 hold is not in the database`);
      else if (row.userId !== event.userId || !event.seatIds.includes(row.seatId)) problems.push(`reservation ${id} is not the seat and fan its hold asked for`);
    }
  }
  const existed = new Set(history.before.reservations.map((row) => row.id));
  const ambiguous = eventsOf(history, "hold").filter(isAmbiguous);
  for (const row of after.reservations) {
    if (existed.has(row.id) || answered.has(row.id)) continue;
    if (!ambiguous.some((event) => event.userId === row.userId && event.seatIds.includes(row.seatId)))
      problems.push(`reservation ${row.id} took effect without a 201 hold`);
  }
  return problems;
}

function checkPayments(history: History, after: Snapshot): string[] {
  const problems: string[] = [];
  const payments = new Map(after.payments.map((row) => [row.id, row]));
  const paid = eventsOf(history, "pay").filter(isSuccess);
  for (const event of paid) {
    const id = (event.body as PayBody).payment?.id;
    const payment = id === undefined ? undefined : payments.get(id);
    if (!payment) {
      problems.push(`payment ${id} of a 201 is not in the database`);
      continue;
    }
    if (payment.userId !== event.userId) problems.push(`payment ${id} belongs to another fan`);
    const seats = after.reservations.filter((row) => row.paymentId === id);
    // A seat refunded since is CANCELLED with its refund; the payment still confirmed it.
    const isSoldOrRefunded = (row: Snapshot["reservations"][number]) => row.status === "CONFIRMED" || (row.status === "CANCELLED" && !!row.refundId);
    if (!sameSet(seats.map((row) => row.id), event.reservationIds) || !seats.every(isSoldOrRefunded))
      problems.push(`payment ${id} did not confirm exactly the reservations it was asked for`);
    const debits = after.walletEntries.filter((entry) => entry.paymentId === id);
    if (debits.length !== 1 || debits[0]!.amount !== -payment.amount) problems.push(`payment ${id} is not debited exactly once`);
  }
  problems.push(...checkOneEffectPerKey("payment", paid.map((event) => ({ key: event.key, effectId: String((event.body as PayBody).payment?.id) }))));
  const existed = new Set(history.before.payments.map((row) => row.id));
  const answered = new Set(paid.map((event) => (event.body as PayBody).payment?.id));
  const ambiguous = eventsOf(history, "pay").filter(isAmbiguous);
  for (const payment of after.payments) {
    if (existed.has(payment.id) || answered.has(payment.id)) continue;
    const seats = after.reservations.filter((row) => row.paymentId === payment.id).map((row) => row.id);
    if (!ambiguous.some((event) => event.userId === payment.userId && sameSet(event.reservationIds, seats)))
      problems.push(`payment ${payment.id} took effect without a 201`);
  }
  return problems;
}

function checkCharges(history: History, after: Snapshot): string[] {
  const problems: string[] = [];
  const entries = new Map(after.walletEntries.map((entry) => [String(entry.id), entry]));
  const charged = eventsOf(history, "charge").filter(isSuccess);
  for (const event of charged) {
    const id = String((event.body as ChargeBody).entry?.id);
    const entry = entries.get(id);
    if (!entry || entry.type !== "CHARGE" || entry.userId !== event.userId || entry.amount !== event.amount)
      problems.push(`charge entry ${id} of a successful charge is not in the database as charged`);
  }
  problems.push(...checkOneEffectPerKey("charge entry", charged.map((event) => ({ key: event.key, effectId: String((event.body as ChargeBody).entry?.id) }))));
  const existed = new Set(history.before.walletEntries.map((entry) => entry.id));
  const answered = new Set(charged.map((event) => String((event.body as ChargeBody).entry?.id)));
  const ambiguous = eventsOf(history, "charge").filter(isAmbiguous);
  const actors = new Set(history.events.map((event) => event.userId));
  for (const entry of after.walletEntries) {
    if (entry.type !== "CHARGE" || !actors.has(entry.userId) || existed.has(entry.id) || answered.has(String(entry.id))) continue;
    if (!ambiguous.some((event) => event.userId === entry.userId && event.amount === entry.amount))
      problems.push(`charge entry ${entry.id} took effect without a successful charge`);
  }
  return problems;
}

const keyOf = (event: HistoryEvent) => ("key" in event ? event.key : undefined);
const isRefundRequest = (event: HistoryEvent): event is Of<"refund"> | Of<"cancel"> => event.kind === "refund" || event.kind === "cancel";

/**
 * A 200 refund (the operator's, of a payment) or cancellation (the fan's, of
 * one ticket) took effect once: its refund is in the database for that fan
 * and payment, credited by exactly one REFUND entry of its amount, and its
 * seats (the cancelled ticket among them) are CANCELLED with it. A refund no
 * answer explains must have a request whose answer was lost.
 */
function checkRefunds(history: History, after: Snapshot): string[] {
  const problems: string[] = [];
  const refunds = new Map((after.refunds ?? []).map((row) => [row.id, row]));
  const reservation = new Map([...history.before.reservations, ...after.reservations].map((row) => [row.id, row]));
  const paymentOf = (event: Of<"refund"> | Of<"cancel">) => (event.kind === "refund" ? event.paymentId : reservation.get(event.reservationId)?.paymentId);
  const refunded = history.events.filter(isRefundRequest).filter(isSuccess);
  for (const event of refunded) {
    const id = (event.body as RefundBody).refund?.id;
    const refund = id === undefined ? undefined : refunds.get(id);
    if (!refund || refund.userId !== event.userId || refund.paymentId !== paymentOf(event)) {
      problems.push(`refund ${id} of a 200 ${event.kind} is not in the database for that fan and payment`);
      continue;
    }
    const credits = after.walletEntries.filter((entry) => entry.refundId === id);
    if (credits.length !== 1 || credits[0]!.type !== "REFUND" || credits[0]!.amount !== refund.amount) problems.push(`refund ${id} is not credited exactly once`);
    const seats = after.reservations.filter((row) => row.refundId === id);
    if (seats.length === 0 || seats.some((row) => row.status !== "CANCELLED") || (event.kind === "cancel" && !seats.some((row) => row.id === event.reservationId)))
      problems.push(`refund ${id} did not cancel the seats it was asked for`);
  }
  for (const kind of ["refund", "cancel"] as const)
    problems.push(
      ...checkOneEffectPerKey(
        kind,
        refunded.filter((event) => event.kind === kind).map((event) => ({ key: event.key, effectId: String((event.body as RefundBody).refund?.id) })),
      ),
    );
  const existed = new Set((history.before.refunds ?? []).map((row) => row.id));
  const answered = new Set(refunded.map((event) => (event.body as RefundBody).refund?.id));
  const lost = history.events.filter(isRefundRequest).filter(isAmbiguous);
  const actors = new Set(history.events.map((event) => event.userId));
  for (const refund of after.refunds ?? []) {
    if (!actors.has(refund.userId) || existed.has(refund.id) || answered.has(refund.id)) continue;
    if (!lost.some((event) => event.userId === refund.userId && paymentOf(event) === refund.paymentId))
      problems.push(`refund ${refund.id} took effect without a 200 refund or cancellation`);
  }
  return problems;
}

/**
 * A 409 ALREADY_REFUNDED to an operator's refund (every seat of the payment)
 * or a fan's cancellation (one ticket) is explained when every seat it asked
 * for is refunded in the database, each by a refund that existed before the
 * storm or that another request made: one that started before the refusal
 * ended, answered 200 with that refund or lost its answer (and asked for that
 * payment, and that seat if it was a cancellation). A request with the
 * refusal's own key does not count: a retry after the refund took effect
 * answers the stored answer, never a refusal.
 */
function checkRefundRefusals(history: History, after: Snapshot): string[] {
  const problems: string[] = [];
  const refunds = new Map((after.refunds ?? []).map((row) => [row.id, row]));
  const existed = new Set((history.before.refunds ?? []).map((row) => row.id));
  const paymentOf = new Map([...history.before.reservations, ...after.reservations].map((row) => [row.id, row.paymentId]));
  const requests = history.events.filter(isRefundRequest);
  const couldHaveMade = (request: Of<"refund"> | Of<"cancel">, refundId: string, seatId: string) => {
    if (isSuccess(request)) return (request.body as RefundBody).refund?.id === refundId;
    if (!isAmbiguous(request)) return false;
    const payment = request.kind === "refund" ? request.paymentId : paymentOf.get(request.reservationId);
    return payment === refunds.get(refundId)?.paymentId && (request.kind === "refund" || request.reservationId === seatId);
  };
  for (const refusal of requests.filter((event) => event.code === "ALREADY_REFUNDED")) {
    const asked = after.reservations.filter((row) => (refusal.kind === "refund" ? row.paymentId === refusal.paymentId : row.id === refusal.reservationId));
    const isRefundedFirst = (seat: Snapshot["reservations"][number]) =>
      !!seat.refundId &&
      (existed.has(seat.refundId) ||
        requests.some(
          (other) =>
            other !== refusal &&
            !(other.kind === refusal.kind && other.key !== undefined && other.key === refusal.key) &&
            other.start < refusal.end &&
            couldHaveMade(other, seat.refundId!, seat.id),
        ));
    if (asked.length === 0 || !asked.every(isRefundedFirst)) {
      const what = refusal.kind === "refund" ? `refund of payment ${refusal.paymentId}` : `cancellation of ${refusal.reservationId}`;
      problems.push(`409 ALREADY_REFUNDED to the ${what} came before another request had refunded its seats`);
    }
  }
  return problems;
}

/**
 * A 409 REQUEST_IN_PROGRESS is explained by another request of the same kind,
 * fan and key that started before it ended and was still running when it
 * started, or whose answer was lost (its transaction may outlive the answer).
 */
function checkKeysInProgress(history: History): string[] {
  return history.events
    .filter((refusal) => refusal.code === "REQUEST_IN_PROGRESS")
    .filter(
      (refusal) =>
        keyOf(refusal) === undefined ||
        !history.events.some(
          (other) =>
            other !== refusal &&
            other.kind === refusal.kind &&
            other.userId === refusal.userId &&
            keyOf(other) === keyOf(refusal) &&
            other.start < refusal.end &&
            (other.end > refusal.start || isAmbiguous(other)),
        ),
    )
    .map((refusal) => `409 REQUEST_IN_PROGRESS to the ${refusal.kind} with key ${keyOf(refusal)} overlapped no other request with that key`);
}

function checkSeatsSoldOnce(after: Snapshot): string[] {
  const confirmed = new Map<string, number>();
  for (const row of after.reservations) if (row.status === "CONFIRMED") confirmed.set(row.seatId, (confirmed.get(row.seatId) ?? 0) + 1);
  return [...confirmed].filter(([, count]) => count > 1).map(([seatId, count]) => `seat ${seatId} is CONFIRMED ${count} times`);
}

/**
 * A 409 SEAT_UNAVAILABLE is explained when, for a seat it names, a competing
 * hold or sale was live at some moment while it ran: one live before the
 * storm and not released (or refunded, or cancelled) before the refusal
 * started, or another request's 201 hold that started before the refusal
 * ended and was not released, refunded or cancelled before it started, or
 * another request's hold whose answer was lost (5xx, connection cut) that
 * started before the refusal ended and which the database shows took effect.
 */
function checkRefusals(history: History, after: Snapshot): string[] {
  const problems: string[] = [];
  const holds = eventsOf(history, "hold").filter(isSuccess);
  const existed = new Set(history.before.reservations.map((row) => row.id));
  const lostHolds = eventsOf(history, "hold").filter(isAmbiguous);
  const tookEffect = (event: Of<"hold">, seatId: string) =>
    after.reservations.some((row) => !existed.has(row.id) && row.userId === event.userId && row.seatId === seatId);
  const releases = eventsOf(history, "release").filter(isSuccess);
  // A sold seat is on sale again once its refund or cancellation has answered.
  const refundedSeats = history.events
    .filter(isRefundRequest)
    .filter(isSuccess)
    .map((event) => ({ refundId: (event.body as RefundBody).refund?.id, end: event.end }));
  const refundOf = new Map(after.reservations.map((row) => [row.id, row.refundId]));
  const releasedBy = (reservationId: string, moment: number) =>
    releases.some((release) => release.reservationId === reservationId && release.end < moment) ||
    refundedSeats.some((refund) => refund.refundId !== undefined && refund.refundId === refundOf.get(reservationId) && refund.end < moment);
  for (const refusal of eventsOf(history, "hold").filter((event) => event.code === "SEAT_UNAVAILABLE")) {
    const named = (refusal.body as ErrorBody).error?.details?.seatIds ?? refusal.seatIds;
    const explained = named.some((seatId) => {
      const before = history.before.reservations.some((row) => row.seatId === seatId && row.live && !releasedBy(row.id, refusal.start));
      const during = holds.some(
        (hold) =>
          hold !== refusal &&
          hold.start < refusal.end &&
          ((hold.body as HoldBody).reservations ?? []).some((row) => row.seatId === seatId && !releasedBy(row.id, refusal.start)),
      );
      const lost = lostHolds.some((hold) => hold.start < refusal.end && hold.seatIds.includes(seatId) && tookEffect(hold, seatId));
      return before || during || lost;
    });
    if (!explained) problems.push(`409 SEAT_UNAVAILABLE to ${refusal.userId} overlapped no competing live hold of ${named.join(", ")}`);
  }
  return problems;
}

function checkWalletChains(after: Snapshot): string[] {
  const problems: string[] = [];
  const running = new Map<string, number>();
  for (const entry of [...after.walletEntries].sort((a, b) => a.id - b.id)) {
    const sum = (running.get(entry.userId) ?? 0) + entry.amount;
    running.set(entry.userId, sum);
    if (entry.balanceAfter !== sum) problems.push(`wallet entry ${entry.id} says ${entry.balanceAfter} after, the running sum is ${sum}`);
    if (sum < 0) problems.push(`wallet of ${entry.userId} went negative at entry ${entry.id}`);
  }
  for (const wallet of after.wallets) {
    const sum = running.get(wallet.userId) ?? 0;
    if (wallet.balance !== sum) problems.push(`wallet of ${wallet.userId} holds ${wallet.balance}, its entries sum to ${sum}`);
  }
  return problems;
}

export function checkHistory(history: History, after: Snapshot): string[] {
  const problems = [
    ...checkHolds(history, after),
    ...checkPayments(history, after),
    ...checkCharges(history, after),
    ...checkRefunds(history, after),
    ...checkRefundRefusals(history, after),
    ...checkKeysInProgress(history),
    ...checkSeatsSoldOnce(after),
    ...checkRefusals(history, after),
    ...checkWalletChains(after),
  ];
  return [...new Set(problems)];
}
