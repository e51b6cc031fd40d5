// What a storm test records (each request and its answer, with start and end
// times on one monotonic clock) and what the checker reads back from the
// database: plain data, so the checker itself is a pure function.

/** A request a fan made, as the test sent it. */
export type Operation =
  | { kind: "hold"; userId: string; seatIds: string[] }
  | { kind: "release"; userId: string; reservationId: string }
  | { kind: "pay"; userId: string; reservationIds: string[]; key?: string }
  | { kind: "charge"; userId: string; amount: number; key?: string }
  /** The operator refunds a payment; `userId` is the fan it belongs to (whose wallet gets the money). */
  | { kind: "refund"; userId: string; paymentId: string; key?: string }
  /** A fan cancels one of their tickets. */
  | { kind: "cancel"; userId: string; reservationId: string; key?: string };

/** One request of the history: the operation, when it was sent and answered, and the answer. */
export type HistoryEvent = Operation & { start: number; end: number; status: number; code?: string; body: unknown };

/** The rows the checker needs, as they stand at one moment. */
export type Snapshot = {
  /** refundId: set on a sold seat that was refunded since (CANCELLED, its payment kept). */
  reservations: { id: string; seatId: string; userId: string; status: string; paymentId: string | null; refundId?: string | null; live: boolean }[];
  payments: { id: string; userId: string; amount: number }[];
  walletEntries: { id: number; userId: string; type: string; amount: number; balanceAfter: number; paymentId: string | null; refundId?: string | null }[];
  refunds?: { id: string; paymentId: string; userId: string; amount: number }[];
  wallets: { userId: string; balance: number }[];
};

/** A storm's record: the database before it and every request made during it. */
export type History = { before: Snapshot; events: HistoryEvent[] };
