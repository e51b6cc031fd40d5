import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { refundOrderAction } from "@/app/admin/concerts/[concertId]/orders/actions";
import { requireConsoleConcert } from "@/app/admin/concerts/[concertId]/concert-page";
import { ConcertTabs } from "@/components/admin/concert-tabs";
import { ConsoleHeader } from "@/components/admin/console-frame";
import consoleStyles from "@/components/admin/console.module.css";
import styles from "@/components/admin/orders/orders.module.css";
import { RefundForm } from "@/components/admin/orders/refund-form";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { listConcertOrders } from "@/lib/admin/list-concert-orders";
import { remainingToRefund } from "@/lib/admin/remaining-to-refund";
import { ordersQuery } from "@/lib/admin/order-schemas";
import { db } from "@/lib/db";
import { admin } from "@/lib/i18n/ko/admin";
import { formatDateTime, formatWon } from "@/lib/i18n/format";

const t = admin.orders;

export const metadata: Metadata = { title: t.title };

type Props = { params: Promise<{ concertId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConcertOrdersPage({ params, searchParams }: Props) {
  const [{ concertId }, raw] = await Promise.all([params, searchParams]);
  const concert = await requireConsoleConcert(concertId, "/orders");
  // The API's own query schema; a search or cursor that is not one shows the newest orders.
  const query = ordersQuery.safeParse({ cursor: raw.cursor || undefined, q: raw.q || undefined });
  const { cursor, q } = query.success ? query.data : { cursor: undefined, q: undefined };
  const page = await listConcertOrders(db(), { concertId: concert.id, cursor, q: q || undefined });
  const base = `/admin/concerts/${concert.id}/orders`;
  const pageHref = (next: string | null) => {
    const search = new URLSearchParams();
    if (q) search.set("q", q);
    if (next) search.set("cursor", next);
    return search.size > 0 ? `${base}?${search}` : base;
  };
  return (
    <>
      <ConsoleHeader title={concert.title} lead={t.lead} eyebrow={t.title} />
      <ConcertTabs concertId={concert.id} />
      <div className={`card ${styles.toolbar}`}>
        <form className={styles.search} action={base} method="get" role="search">
          <div className="field">
            <label htmlFor="orders-q">{t.searchLabel}</label>
            <input id="orders-q" name="q" type="search" className="input" defaultValue={q ?? ""} maxLength={100} />
          </div>
          <button type="submit" className="btn">{t.searchSubmit}</button>
        </form>
        <a className="btn btn--small" href={`/api/admin/concerts/${concert.id}/orders.csv`} download>{t.csv}</a>
      </div>
      {page.orders.length === 0 ? (
        <p className="card muted">{q ? t.emptySearch : t.empty}</p>
      ) : (
        <div className="card stack">
          <div className={`${consoleStyles.tableWrap} ${styles.ordersWrap}`}>
            <table className={`table ${styles.orders}`}>
              <thead>
                <tr>
                  <th scope="col">{t.columns.when}</th>
                  <th scope="col">{t.columns.who}</th>
                  <th scope="col">{t.columns.seats}</th>
                  <th scope="col" className="num">{t.columns.amount}</th>
                  <th scope="col">{t.columns.status}</th>
                  <th scope="col">{t.columns.refund}</th>
                </tr>
              </thead>
              <tbody>
                {page.orders.map((order) => {
                  const remaining = remainingToRefund(order);
                  return (
                    <tr key={order.paymentId}>
                      <td className={`small tabular ${styles.when}`}>
                        <Link href={`${base}/${order.paymentId}`} aria-label={t.open(formatDateTime(order.createdAt))}>{formatDateTime(order.createdAt)}</Link>
                      </td>
                      <td className={`small ${styles.who}`}>{order.userEmail}</td>
                      <td className={styles.seatsCell} data-label={t.columns.seats}>
                        <ul className={styles.seats}>
                          {order.seats.map((seat) => (
                            <li key={seat.reservationId} className={seat.status === "CANCELLED" ? styles.cancelled : undefined}>
                              {seat.label} · {formatDateTime(seat.startsAt)} · {formatWon(seat.price)}
                              {seat.status === "CANCELLED" && <span className="visually-hidden"> ({t.seatCancelled})</span>}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className={`num ${styles.amount}`} data-label={t.columns.amount}>{formatWon(order.amount)}</td>
                      <td className={styles.status}><OrderStatusBadge status={order.status} /></td>
                      <td className={styles.refundCell}>
                        <RefundForm
                          action={refundOrderAction}
                          paymentId={order.paymentId}
                          amountText={remaining.seatCount > 0 ? formatWon(remaining.amount) : null}
                          idempotencyKey={randomUUID()}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className={consoleStyles.pager}>
            {cursor && <Link className="btn btn--small" href={pageHref(null)}>{t.newest}</Link>}
            {page.nextCursor && <Link className="btn btn--small" href={pageHref(page.nextCursor)}>{t.more}</Link>}
          </div>
        </div>
      )}
    </>
  );
}
