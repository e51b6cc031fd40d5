"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchEntries, walletKeys } from "@/components/wallet/wallet-queries";
import { formatShortDateTime } from "@/lib/i18n/format";
import { common } from "@/lib/i18n/ko/common";
import { wallet as t } from "@/lib/i18n/ko/wallet";
import type { WalletEntriesPage, WalletHistoryEntry } from "@/lib/wallet/schemas";
import styles from "./wallet.module.css";

function entryTitle(entry: WalletHistoryEntry): string {
  if (entry.type === "CHARGE") return t.history.chargeTitle;
  if (entry.type === "REFUND") return t.history.refundTitle(entry.concertTitle, entry.seatCount);
  return t.history.paymentTitle(entry.concertTitle, entry.seatCount);
}

function EntryRow({ entry }: { entry: WalletHistoryEntry }) {
  const isMoneyIn = entry.amount > 0;
  return (
    <li className={styles.entry}>
      <span className={`badge ${isMoneyIn ? "badge--success" : "badge--brand"} ${styles.entryType}`}>{t.history.type[entry.type]}</span>
      <div className={styles.entryMain}>
        <p className={styles.entryTitle}>{entryTitle(entry)}</p>
        <p className="muted small">
          <time dateTime={entry.createdAt}>{formatShortDateTime(entry.createdAt)}</time>
        </p>
      </div>
      <div className={styles.entryAmounts}>
        <p className={`tabular ${isMoneyIn ? styles.plus : styles.minus}`}>{t.history.amount(entry.amount)}</p>
        <p className="muted small tabular">{t.history.balanceAfter(entry.balanceAfter)}</p>
      </div>
    </li>
  );
}

/** The ledger, newest first, a page at a time. */
export function WalletHistory({ firstPage }: { firstPage: WalletEntriesPage }) {
  const history = useInfiniteQuery({
    queryKey: walletKeys.entries(),
    queryFn: ({ pageParam }) => fetchEntries(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    initialData: { pages: [firstPage], pageParams: [null] },
  });
  const entries = history.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <section className={`card stack ${styles.historyCard}`} aria-labelledby="history-title">
      <h2 id="history-title">{t.history.title}</h2>
      {history.isError && entries.length === 0 ? (
        <div className="alert alert--error row row--between" role="alert">
          <span>{t.history.error}</span>
          <button type="button" className="btn btn--small" onClick={() => void history.refetch()}>{common.retry}</button>
        </div>
      ) : entries.length === 0 ? (
        <p className={`muted ${styles.empty}`}>{t.history.empty}</p>
      ) : (
        <ul className={`list-plain ${styles.entries}`} aria-label={t.history.caption}>
          {entries.map((entry) => <EntryRow key={entry.id} entry={entry} />)}
        </ul>
      )}
      <div aria-live="polite" className={styles.more}>
        {history.hasNextPage ? (
          <button
            type="button"
            className="btn btn--block"
            onClick={() => void history.fetchNextPage()}
            disabled={history.isFetchingNextPage}
          >
            {history.isFetchingNextPage ? t.history.loadingMore : t.history.loadMore}
          </button>
        ) : entries.length > 0 ? (
          <p className="muted small">{t.history.end}</p>
        ) : null}
        {history.isFetchNextPageError && <p className="field-error" role="alert">{t.history.error}</p>}
      </div>
    </section>
  );
}
