"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { SeatTable } from "@/components/payments/seat-table";
import { formatShortDateTime, formatWon } from "@/lib/i18n/format";
import { payments as t } from "@/lib/i18n/ko/payments";
import type { PaymentResponse } from "@/lib/payments/schemas";
import styles from "./payments.module.css";

/** Shown in place of the checkout once the payment went through. */
export function PaymentConfirmation({ result, concertId }: { result: PaymentResponse; concertId: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={`card stack-lg ${styles.confirmation}`} aria-labelledby="confirmation-title">
      <div className={styles.confirmationHead}>
        <span className={styles.checkmark} aria-hidden="true">✓</span>
        <h2 id="confirmation-title" ref={heading} tabIndex={-1}>{t.confirmation.title}</h2>
        <p className="muted">{t.confirmation.lead(result.reservations.length)}</p>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t.confirmation.amount}</dt>
          <dd className="tabular">{formatWon(result.payment.amount)}</dd>
        </div>
        <div>
          <dt>{t.confirmation.balance}</dt>
          <dd className="tabular">{formatWon(result.balance)}</dd>
        </div>
        <div>
          <dt>{t.confirmation.paidAt}</dt>
          <dd><time dateTime={result.payment.createdAt}>{formatShortDateTime(result.payment.createdAt)}</time></dd>
        </div>
        <div>
          <dt>{t.confirmation.paymentId}</dt>
          <dd className={styles.paymentId}>{result.payment.id.slice(0, 8).toUpperCase()}</dd>
        </div>
      </dl>
      <SeatTable seats={result.reservations} caption={t.confirmation.seatsCaption} />
      <div className={styles.actions}>
        <Link href="/tickets" className="btn btn--primary btn--large">{t.confirmation.tickets}</Link>
        <Link href={`/concerts/${concertId}`} className="btn btn--large">{t.confirmation.backToConcert}</Link>
      </div>
    </section>
  );
}
