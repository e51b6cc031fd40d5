import "server-only";
import type { Db } from "@/lib/db";
import { WALLET_ENTRIES_PAGE_SIZE, type WalletEntriesPage, type WalletEntry } from "@/lib/wallet/schemas";

type WalletEntryType = WalletEntry["type"];

export type ListWalletEntriesOptions = {
  userId: string;
  /** nextCursor of the previous page (an entry id); absent for the newest page. */
  cursor?: string;
  limit?: number;
};

const NEWEST = 9_223_372_036_854_775_807n;

type EntryRow = {
  id: bigint;
  type: WalletEntryType;
  amount: bigint;
  balance_after: bigint;
  created_at: Date;
  payment_id: string | null;
  refund_id: string | null;
  concert_title: string | null;
  seat_count: number | null;
};

/**
 * The fan's ledger, newest first, one page at a time. A payment and a refund
 * name the concert and count the seats they were for (a refund, its payment). Entry ids grow in the
 * order the balance changed (each is taken while the wallet row is locked),
 * so "id below the cursor" pages through the history without gaps or repeats.
 */
export async function listWalletEntries(db: Db, options: ListWalletEntriesOptions): Promise<WalletEntriesPage> {
  const limit = options.limit ?? WALLET_ENTRIES_PAGE_SIZE;
  const before = options.cursor ? BigInt(options.cursor) : NEWEST;
  const rows = await db.$queryRaw<EntryRow[]>`
    SELECT e.id, e.type::text AS type, e.amount, e.balance_after, e.created_at,
           coalesce(e.payment_id, refund.payment_id) AS payment_id, e.refund_id,
           c.title AS concert_title, seats.seat_count
    FROM wallet_entries e
    LEFT JOIN refunds refund ON refund.id = e.refund_id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS seat_count, (array_agg(p.concert_id))[1] AS concert_id
      FROM reservations r JOIN performances p ON p.id = r.performance_id
      WHERE r.user_id = e.user_id AND (r.payment_id = e.payment_id OR r.refund_id = e.refund_id)
    ) seats ON e.payment_id IS NOT NULL OR e.refund_id IS NOT NULL
    LEFT JOIN concerts c ON c.id = seats.concert_id
    WHERE e.user_id = ${options.userId}::uuid AND e.id < ${before}
    ORDER BY e.id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      id: row.id.toString(),
      type: row.type,
      amount: Number(row.amount),
      balanceAfter: Number(row.balance_after),
      createdAt: row.created_at.toISOString(),
      paymentId: row.payment_id,
      refundId: row.refund_id,
      concertTitle: row.concert_title,
      seatCount: row.payment_id ? row.seat_count : null,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id.toString() : null,
  };
}
