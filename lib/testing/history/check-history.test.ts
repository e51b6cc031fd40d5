import { describe, expect, it } from "vitest";
import { checkHistory } from "./check-history";
import type { History, HistoryEvent, Snapshot } from "./history-types";

const EMPTY: Snapshot = { reservations: [], payments: [], walletEntries: [], wallets: [] };

function hold(userId: string, seatId: string, reservationId: string, start: number, end: number): HistoryEvent {
  return { kind: "hold", userId, seatIds: [seatId], start, end, status: 201, body: { reservations: [{ id: reservationId, seatId }] } };
}

function refused(userId: string, seatId: string, start: number, end: number): HistoryEvent {
  return {
    kind: "hold",
    userId,
    seatIds: [seatId],
    start,
    end,
    status: 409,
    code: "SEAT_UNAVAILABLE",
    body: { error: { code: "SEAT_UNAVAILABLE", details: { seatIds: [seatId] } } },
  };
}

function pay(userId: string, reservationIds: string[], paymentId: string, key: string): HistoryEvent {
  return { kind: "pay", userId, reservationIds, key, start: 10, end: 20, status: 201, body: { payment: { id: paymentId, amount: 100 } } };
}

const held = (id: string, seatId: string, userId: string, extra: Partial<Snapshot["reservations"][number]> = {}) => ({
  id,
  seatId,
  userId,
  status: "HELD",
  paymentId: null,
  live: true,
  ...extra,
});

/** Two fans race for seat S1: a wins, b is refused while a's hold is live; a pays (twice, same key). */
function raceHistory(): { history: History; after: Snapshot } {
  const funded = { id: 1, userId: "a", type: "CHARGE", amount: 500, balanceAfter: 500, paymentId: null };
  const history: History = {
    before: { ...EMPTY, walletEntries: [funded], wallets: [{ userId: "a", balance: 500 }] },
    events: [hold("a", "S1", "R1", 0, 5), refused("b", "S1", 1, 6), pay("a", ["R1"], "P1", "k1"), pay("a", ["R1"], "P1", "k1")],
  };
  const after: Snapshot = {
    reservations: [held("R1", "S1", "a", { status: "CONFIRMED", paymentId: "P1" })],
    payments: [{ id: "P1", userId: "a", amount: 100 }],
    walletEntries: [
      funded,
      { id: 2, userId: "a", type: "PAYMENT", amount: -100, balanceAfter: 400, paymentId: "P1" },
    ],
    wallets: [{ userId: "a", balance: 400 }],
  };
  return { history, after };
}

describe("checkHistory", () => {
  it("accepts a race explained by the database", () => {
    const { history, after } = raceHistory();
    expect(checkHistory(history, after)).toEqual([]);
  });

  it("accepts a refusal explained by a hold that existed before the storm", () => {
    const before: Snapshot = { ...EMPTY, reservations: [held("R0", "S1", "z")] };
    expect(checkHistory({ before, events: [refused("b", "S1", 1, 2)] }, before)).toEqual([]);
  });

  it("rejects a 409 that overlapped no competing hold: the winner started after the refusal ended", () => {
    const history: History = { before: EMPTY, events: [refused("b", "S1", 0, 5), hold("a", "S1", "R1", 6, 8)] };
    const after = { ...EMPTY, reservations: [held("R1", "S1", "a")] };
    expect(checkHistory(history, after)).toEqual([expect.stringMatching(/409 SEAT_UNAVAILABLE to b overlapped no competing live hold/)]);
  });

  it("rejects a 409 whose only competitor had been released before it started", () => {
    const release: HistoryEvent = { kind: "release", userId: "a", reservationId: "R1", start: 2, end: 3, status: 204, body: null };
    const history: History = { before: EMPTY, events: [hold("a", "S1", "R1", 0, 1), release, refused("b", "S1", 4, 5)] };
    const after = { ...EMPTY, reservations: [held("R1", "S1", "a", { status: "CANCELLED", live: false })] };
    expect(checkHistory(history, after)).toEqual([expect.stringMatching(/409 SEAT_UNAVAILABLE to b/)]);
  });

  it("accepts a refusal explained by a hold whose answer was lost but which took effect, and rejects it when it did not", () => {
    const lost: HistoryEvent = { kind: "hold", userId: "a", seatIds: ["S1"], start: 0, end: 3, status: 599, code: "CONNECTION_LOST", body: null };
    const history: History = { before: EMPTY, events: [lost, refused("b", "S1", 1, 2)] };
    expect(checkHistory(history, { ...EMPTY, reservations: [held("R1", "S1", "a")] })).toEqual([]);
    expect(checkHistory(history, EMPTY)).toEqual([expect.stringMatching(/409 SEAT_UNAVAILABLE to b overlapped no competing live hold/)]);
  });

  it("rejects a 201 hold that is not in the database", () => {
    const history: History = { before: EMPTY, events: [hold("a", "S1", "R1", 0, 1)] };
    expect(checkHistory(history, EMPTY)).toEqual(["reservation R1 of a 201 hold is not in the database"]);
  });

  it("rejects a reservation no 201 explains, and accepts it when an ambiguous 503 may have made it", () => {
    const history: History = { before: EMPTY, events: [hold("a", "S1", "R1", 0, 1)] };
    const after = { ...EMPTY, reservations: [held("R1", "S1", "a"), held("R2", "S2", "b")] };
    expect(checkHistory(history, after)).toEqual(["reservation R2 took effect without a 201 hold"]);
    const ambiguous: HistoryEvent = { kind: "hold", userId: "b", seatIds: ["S2"], start: 0, end: 1, status: 503, code: "SERVICE_UNAVAILABLE", body: {} };
    expect(checkHistory({ before: EMPTY, events: [...history.events, ambiguous] }, after)).toEqual([]);
  });

  it("rejects one reservation answered to two holds", () => {
    const history: History = { before: EMPTY, events: [hold("a", "S1", "R1", 0, 1), hold("a", "S1", "R1", 2, 3)] };
    expect(checkHistory(history, { ...EMPTY, reservations: [held("R1", "S1", "a")] })).toContain("reservation R1 was answered to two holds");
  });

  it("rejects a seat CONFIRMED twice", () => {
    const { history, after } = raceHistory();
    const twice = { ...after, reservations: [...after.reservations, held("R9", "S1", "c", { status: "CONFIRMED" })] };
    expect(checkHistory({ ...history, before: { ...history.before, reservations: [held("R9", "S1", "c")] } }, twice)).toEqual([
      "seat S1 is CONFIRMED 2 times",
    ]);
  });

  it("rejects a payment debited twice, and two keys answered with one payment", () => {
    const { history, after } = raceHistory();
    const debitedTwice = {
      ...after,
      walletEntries: [...after.walletEntries, { id: 3, userId: "a", type: "PAYMENT", amount: -100, balanceAfter: 300, paymentId: "P1" }],
      wallets: [{ userId: "a", balance: 300 }],
    };
    expect(checkHistory(history, debitedTwice)).toEqual(["payment P1 is not debited exactly once"]);
    const twoKeys = { ...history, events: [...history.events, pay("a", ["R1"], "P1", "k2")] };
    expect(checkHistory(twoKeys, after)).toEqual(["payment P1 was answered to two different requests"]);
  });

  it("rejects a payment no 201 explains", () => {
    const { history, after } = raceHistory();
    const extra = {
      ...after,
      payments: [...after.payments, { id: "P2", userId: "a", amount: 0 }],
    };
    expect(checkHistory(history, extra)).toContain("payment P2 took effect without a 201");
  });

  it("rejects a broken wallet chain, a negative balance and a balance that is not the last entry", () => {
    const { history, after } = raceHistory();
    const broken: Snapshot = {
      ...after,
      walletEntries: [
        { id: 1, userId: "a", type: "CHARGE", amount: 50, balanceAfter: 50, paymentId: null },
        { id: 2, userId: "a", type: "PAYMENT", amount: -100, balanceAfter: 400, paymentId: "P1" },
      ],
    };
    expect(checkHistory(history, broken)).toEqual([
      "wallet entry 2 says 400 after, the running sum is -50",
      "wallet of a went negative at entry 2",
      "wallet of a holds 400, its entries sum to -50",
    ]);
  });

  it("rejects a charge answered twice under different keys, and a charge entry nobody was answered", () => {
    const charge = (key: string): HistoryEvent => ({ kind: "charge", userId: "a", amount: 500, key, start: 0, end: 1, status: 200, body: { entry: { id: "1", amount: 500 } } });
    const lonely: Snapshot = {
      ...EMPTY,
      walletEntries: [{ id: 1, userId: "a", type: "CHARGE", amount: 500, balanceAfter: 500, paymentId: null }],
      wallets: [{ userId: "a", balance: 500 }],
    };
    expect(checkHistory({ before: EMPTY, events: [charge("k1"), charge("k1")] }, lonely)).toEqual([]);
    expect(checkHistory({ before: EMPTY, events: [charge("k1"), charge("k2")] }, lonely)).toEqual(["charge entry 1 was answered to two different requests"]);
    const released: HistoryEvent = { kind: "release", userId: "a", reservationId: "R1", start: 0, end: 1, status: 404, body: null };
    expect(checkHistory({ before: EMPTY, events: [released] }, lonely)).toEqual(["charge entry 1 took effect without a successful charge"]);
  });

  describe("refunds and cancellations", () => {
    /** raceHistory, then the operator refunds P1 (twice with key r1): R1 CANCELLED with refund F1, credited once. */
    function refundedRace(): { history: History; after: Snapshot } {
      const { history, after } = raceHistory();
      const refund: HistoryEvent = {
        kind: "refund", userId: "a", paymentId: "P1", key: "r1", start: 30, end: 40, status: 200, body: { refund: { id: "F1", amount: 100 } },
      };
      return {
        history: { ...history, events: [...history.events, refund, { ...refund, start: 41, end: 42 }] },
        after: {
          ...after,
          reservations: [held("R1", "S1", "a", { status: "CANCELLED", paymentId: "P1", refundId: "F1", live: false })],
          refunds: [{ id: "F1", paymentId: "P1", userId: "a", amount: 100 }],
          walletEntries: [...after.walletEntries, { id: 3, userId: "a", type: "REFUND", amount: 100, balanceAfter: 500, paymentId: null, refundId: "F1" }],
          wallets: [{ userId: "a", balance: 500 }],
        },
      };
    }
    const cancel = (key: string, status = 200): HistoryEvent => ({
      kind: "cancel", userId: "a", reservationId: "R1", key, start: 30, end: 40, status, body: status === 200 ? { refund: { id: "F1", amount: 100 } } : null,
    });

    it("accepts a refund retried with its key, and the same effect reached by the fan's cancellation", () => {
      const { history, after } = refundedRace();
      expect(checkHistory(history, after)).toEqual([]);
      const cancelled = { ...history, events: [...history.events.filter((event) => event.kind !== "refund"), cancel("c1"), cancel("c1")] };
      expect(checkHistory(cancelled, after)).toEqual([]);
    });

    it("rejects a refund credited twice, and one answered that is not in the database", () => {
      const { history, after } = refundedRace();
      const creditedTwice: Snapshot = {
        ...after,
        walletEntries: [...after.walletEntries, { id: 4, userId: "a", type: "REFUND", amount: 100, balanceAfter: 600, paymentId: null, refundId: "F1" }],
        wallets: [{ userId: "a", balance: 600 }],
      };
      expect(checkHistory(history, creditedTwice)).toEqual(["refund F1 is not credited exactly once"]);
      expect(checkHistory(history, { ...after, refunds: [] })).toContain("refund F1 of a 200 refund is not in the database for that fan and payment");
    });

    it("rejects one refund answered to two keys", () => {
      const { history, after } = refundedRace();
      const twoKeys = { ...history, events: [...history.events.filter((event) => event.kind !== "refund"), cancel("c1"), cancel("c2")] };
      expect(checkHistory(twoKeys, after)).toEqual(["cancel F1 was answered to two different requests"]);
    });

    it("rejects a refund no answer explains, and accepts it when a cancellation's answer was lost", () => {
      const { history, after } = refundedRace();
      const unanswered = { ...history, events: history.events.filter((event) => event.kind !== "refund") };
      expect(checkHistory(unanswered, after)).toEqual(["refund F1 took effect without a 200 refund or cancellation"]);
      expect(checkHistory({ ...unanswered, events: [...unanswered.events, cancel("c1", 503)] }, after)).toEqual([]);
    });

    /** The operator's refund of P1 with `key`, answered `status` (a 200 names F1; a refusal carries its code). */
    const refundOfP1 = (key: string, start: number, end: number, status: number, code?: string): HistoryEvent => ({
      kind: "refund",
      userId: "a",
      paymentId: "P1",
      key,
      start,
      end,
      status,
      code,
      body: status === 200 ? { refund: { id: "F1", amount: 100 } } : code ? { error: { code } } : null,
    });

    it("accepts a 409 ALREADY_REFUNDED to a second refund or a cancellation that ran after the refund started", () => {
      const { history, after } = refundedRace();
      const secondTab = refundOfP1("r2", 35, 45, 409, "ALREADY_REFUNDED");
      const lateCancel = { ...cancel("c1", 409), start: 41, end: 42, code: "ALREADY_REFUNDED" };
      expect(checkHistory({ ...history, events: [...history.events, secondTab, lateCancel] }, after)).toEqual([]);
    });

    it("rejects a 409 ALREADY_REFUNDED that ended before any refund of its seats started", () => {
      const { history, after } = refundedRace();
      const early = refundOfP1("r2", 22, 25, 409, "ALREADY_REFUNDED");
      expect(checkHistory({ ...history, events: [...history.events, early] }, after)).toEqual([
        "409 ALREADY_REFUNDED to the refund of payment P1 came before another request had refunded its seats",
      ]);
    });

    it("rejects a 409 ALREADY_REFUNDED while a seat it asked for is still sold", () => {
      const { history, after } = raceHistory();
      const refusals = [refundOfP1("r1", 30, 40, 409, "ALREADY_REFUNDED"), { ...cancel("c1", 409), code: "ALREADY_REFUNDED" }];
      expect(checkHistory({ ...history, events: [...history.events, ...refusals] }, after)).toEqual([
        "409 ALREADY_REFUNDED to the refund of payment P1 came before another request had refunded its seats",
        "409 ALREADY_REFUNDED to the cancellation of R1 came before another request had refunded its seats",
      ]);
    });

    it("rejects a retry refused 409 ALREADY_REFUNDED when only its own key's lost request refunded the seats, and accepts it after another key's", () => {
      const { history, after } = refundedRace();
      const earlier = history.events.filter((event) => event.kind !== "refund");
      const retried = [refundOfP1("r1", 30, 35, 599, "CONNECTION_LOST"), refundOfP1("r1", 36, 40, 409, "ALREADY_REFUNDED")];
      expect(checkHistory({ ...history, events: [...earlier, ...retried] }, after)).toEqual([
        "409 ALREADY_REFUNDED to the refund of payment P1 came before another request had refunded its seats",
      ]);
      const otherTab = [refundOfP1("r2", 30, 35, 599, "CONNECTION_LOST"), refundOfP1("r1", 36, 40, 409, "ALREADY_REFUNDED")];
      expect(checkHistory({ ...history, events: [...earlier, ...otherTab] }, after)).toEqual([]);
    });

    it("accepts a 409 REQUEST_IN_PROGRESS beside a request with its key whose answer was lost, and rejects one with no such request", () => {
      const { history, after } = refundedRace();
      const earlier = history.events.filter((event) => event.kind !== "refund");
      const inProgress = refundOfP1("r1", 36, 37, 409, "REQUEST_IN_PROGRESS");
      const settled = [refundOfP1("r1", 30, 35, 599, "CONNECTION_LOST"), inProgress, refundOfP1("r1", 38, 40, 200)];
      expect(checkHistory({ ...history, events: [...earlier, ...settled] }, after)).toEqual([]);
      const alone = [refundOfP1("r1", 30, 35, 200), inProgress];
      expect(checkHistory({ ...history, events: [...earlier, ...alone] }, after)).toEqual([
        "409 REQUEST_IN_PROGRESS to the refund with key r1 overlapped no other request with that key",
      ]);
    });

    it("rejects a 409 SEAT_UNAVAILABLE on a seat whose sale had been refunded before it started", () => {
      const { history, after } = refundedRace();
      expect(checkHistory({ ...history, events: [...history.events, refused("c", "S1", 50, 51)] }, after)).toEqual([
        expect.stringMatching(/409 SEAT_UNAVAILABLE to c overlapped no competing live hold/),
      ]);
    });
  });
});
