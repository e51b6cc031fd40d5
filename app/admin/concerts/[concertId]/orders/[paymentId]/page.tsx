import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { refundOrderAction } from "@/app/admin/concerts/[concertId]/orders/actions";
import { requireConsoleConcert } from "@/app/admin/concerts/[concertId]/concert-page";
import { ConcertTabs } from "@/components/admin/concert-tabs";
import { ConsoleHeader } from "@/components/admin/console-frame";
import styles from "@/components/admin/orders/orders.module.css";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { RefundForm } from "@/components/admin/orders/refund-form";
import { TableCard } from "@/components/admin/table-card";
import { readConcertOrder } from "@/lib/admin/read-concert-order";
import { remainingToRefund } from "@/lib/admin/remaining-to-refund";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { parseId } from "@/lib/http/request";
import { admin } from "@/lib/i18n/ko/admin";
import { wallet } from "@/lib/i18n/ko/wallet";
import { formatDateTime, formatWon } from "@/lib/i18n/format";

const t = admin.orders;

export const metadata: Metadata = { title: t.detail.title };

type Props = { params: Promise<{ concertId: string; paymentId: string }> };

function paymentIdOf(param: string): string {
  try {
    return parseId(param, "payment");
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

const signedWon = (amount: number) => `${amount > 0 ? "+" : ""}${formatWon(amount)}`;

/** One order of the concert: who paid what for which seats, and the fan's wallet entries of it (with the latest ones around them). */
export default async function ConcertOrderPage({ params }: Props) {
  const { concertId, paymentId: paymentParam } = await params;
  const concert = await requireConsoleConcert(concertId, `/orders/${encodeURIComponent(paymentParam)}`);
  const found = await readConcertOrder(db(), { concertId: concert.id, paymentId: paymentIdOf(paymentParam) });
  if (!found) notFound();
  const { order, ledger } = found;
  const remaining = remainingToRefund(order);
  return (
    <>
      <ConsoleHeader title={concert.title} lead={t.detail.lead(order.userEmail)} eyebrow={t.detail.title} />
      <ConcertTabs concertId={concert.id} />
      <p><Link href={`/admin/concerts/${concert.id}/orders`}>{t.detail.back}</Link></p>
      <section className="card stack" aria-labelledby="order-summary">
        <h2 id="order-summary">{t.detail.summaryTitle}</h2>
        <dl className={styles.facts}>
          <div><dt>{t.columns.when}</dt><dd className="tabular">{formatDateTime(order.createdAt)}</dd></div>
          <div><dt>{t.columns.who}</dt><dd>{order.userEmail}</dd></div>
          <div><dt>{t.columns.amount}</dt><dd className="tabular">{formatWon(order.amount)}</dd></div>
          <div>
            <dt>{t.columns.status}</dt>
            <dd><OrderStatusBadge status={order.status} /></dd>
          </div>
        </dl>
        <RefundForm
          action={refundOrderAction}
          paymentId={order.paymentId}
          amountText={remaining.seatCount > 0 ? formatWon(remaining.amount) : null}
          idempotencyKey={randomUUID()}
        />
      </section>
      <TableCard
        id="order-seats"
        title={t.detail.seatsTitle}
        columns={[
          { label: t.detail.seatColumns.seat }, { label: t.detail.seatColumns.date },
          { label: t.detail.seatColumns.price, isNumber: true }, { label: t.detail.seatColumns.status },
        ]}
      >
        {order.seats.map((seat) => (
          <tr key={seat.reservationId}>
            <td>{seat.label}</td>
            <td className="small">{formatDateTime(seat.startsAt)}</td>
            <td className="num">{formatWon(seat.price)}</td>
            <td>{seat.status === "CANCELLED" ? t.seatCancelled : t.detail.seatSold}</td>
          </tr>
        ))}
      </TableCard>
      <TableCard
        id="order-ledger"
        title={t.detail.ledgerTitle}
        lead={t.detail.ledgerLead}
        columns={[
          { label: t.detail.ledgerColumns.when }, { label: t.detail.ledgerColumns.type },
          { label: t.detail.ledgerColumns.amount, isNumber: true }, { label: t.detail.ledgerColumns.balance, isNumber: true },
          { label: t.detail.ledgerColumns.ofOrder },
        ]}
      >
        {ledger.map((entry) => (
          <tr key={entry.id} className={entry.isOfOrder ? styles.ofOrder : undefined}>
            <td className="small tabular">{formatDateTime(entry.createdAt)}</td>
            <td>{wallet.history.type[entry.type]}</td>
            <td className="num">{signedWon(entry.amount)}</td>
            <td className="num">{formatWon(entry.balanceAfter)}</td>
            <td>{entry.isOfOrder ? t.detail.thisOrder : ""}</td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
