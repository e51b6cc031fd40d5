"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { secondsUntil, useNow } from "@/components/booking/use-now";
import { HoldCountdown } from "@/components/payments/hold-countdown";
import { PaymentConfirmation } from "@/components/payments/payment-confirmation";
import { SeatTable } from "@/components/payments/seat-table";
import { ShortfallCharge } from "@/components/payments/shortfall-charge";
import { usePay } from "@/components/payments/use-pay";
import { useSingleFlight } from "@/components/wallet/use-single-flight";
import { fetchBalance, walletKeys } from "@/components/wallet/wallet-queries";
import { ApiError } from "@/lib/client/api";
import { formatWon } from "@/lib/i18n/format";
import { payments as t } from "@/lib/i18n/ko/payments";
import type { CheckoutSummary } from "@/lib/payments/list-checkout-holds";
import styles from "./payments.module.css";

type Props = { summary: CheckoutSummary; initialBalance: number };

const ADMISSION_CODES = new Set(["INVALID_QUEUE_TOKEN", "NOT_ADMITTED", "QUEUE_TOKEN_EXPIRED"]);

function EndPanel({ kind, concertId }: { kind: "expired" | "admissionEnded" | "empty"; concertId: string }) {
  const text = t.checkout[kind];
  const href = kind === "admissionEnded" ? `/concerts/${concertId}/queue` : `/concerts/${concertId}/book`;
  return (
    <section className="card stack empty-state" aria-labelledby="checkout-end-title" role={kind === "empty" ? undefined : "alert"}>
      <h2 id="checkout-end-title">{text.title}</h2>
      <p className="muted">{text.body}</p>
      <Link href={href} className="btn btn--primary btn--large">{text.action}</Link>
    </section>
  );
}

/** The held seats, their countdown, the total against the balance, and the one pay button. */
export function CheckoutView({ summary, initialBalance }: Props) {
  const { concert, holds } = summary;
  const reservationIds = holds.map((hold) => hold.reservationId);
  const pay = usePay(reservationIds);
  const balance = useQuery({ queryKey: walletKeys.balance(), queryFn: fetchBalance, initialData: initialBalance });
  const [chargedNotice, setChargedNotice] = useState<string | null>(null);
  const payButton = useRef<HTMLButtonElement>(null);
  const singleFlight = useSingleFlight();
  // The database clock minus this device's clock, so the countdown matches the server's.
  const [clockOffsetMs] = useState(() => Date.parse(summary.serverNow) - Date.now());
  const now = useNow();

  if (pay.isSuccess) return <PaymentConfirmation result={pay.data} concertId={concert.id} />;
  if (holds.length === 0) return <EndPanel kind="empty" concertId={concert.id} />;

  const total = holds.reduce((sum, hold) => sum + hold.price, 0);
  const deadline = Math.min(...holds.map((hold) => Date.parse(hold.expiresAt)));
  const secondsLeft = now === null ? null : secondsUntil(deadline, now + clockOffsetMs);
  const error = pay.error instanceof ApiError ? pay.error : null;
  if (secondsLeft === 0 || error?.code === "HOLD_EXPIRED") return <EndPanel kind="expired" concertId={concert.id} />;
  if (error && ADMISSION_CODES.has(error.code)) return <EndPanel kind="admissionEnded" concertId={concert.id} />;

  const shortfall = Math.max(0, total - balance.data);
  const payError = !error || error.code === "INSUFFICIENT_BALANCE" ? null
    : error.code === "RESERVATION_NOT_PAYABLE" ? t.checkout.notPayable
    : error.code === "REQUEST_IN_PROGRESS" ? t.checkout.inProgress
    : t.checkout.retry;

  const submit = () => {
    setChargedNotice(null);
    singleFlight(() => pay.mutateAsync());
  };

  return (
    <div className={styles.checkout}>
      <section className={`card stack ${styles.seats}`} aria-labelledby="seats-title">
        <h2 id="seats-title">{t.checkout.seatsTitle}</h2>
        <HoldCountdown secondsLeft={secondsLeft} />
        <SeatTable
          seats={holds.map((hold) => ({ ...hold, id: hold.reservationId }))}
          caption={t.checkout.seatsCaption}
        />
      </section>

      <section className={`card stack ${styles.summary}`} aria-labelledby="summary-title">
        <h2 id="summary-title">{t.checkout.summaryTitle}</h2>
        <dl className={styles.totals}>
          <div>
            <dt>{t.checkout.total}</dt>
            <dd className={`tabular ${styles.total}`}>{formatWon(total)}</dd>
          </div>
          <div>
            <dt>{t.checkout.balance}</dt>
            <dd className="tabular">{formatWon(balance.data)}</dd>
          </div>
          {shortfall > 0 ? (
            <div>
              <dt>{t.checkout.shortfall}</dt>
              <dd className={`tabular ${styles.negative}`}>{formatWon(shortfall)}</dd>
            </div>
          ) : (
            <div>
              <dt>{t.checkout.balanceAfter}</dt>
              <dd className="tabular">{formatWon(balance.data - total)}</dd>
            </div>
          )}
        </dl>
        {shortfall > 0 && (
          <ShortfallCharge
            shortfall={shortfall}
            onCharged={(amount) => {
              setChargedNotice(t.checkout.short.charged(amount));
              pay.reset();
              // The button is enabled by the next render; focus it then, so the fan can pay at once.
              requestAnimationFrame(() => payButton.current?.focus());
            }}
          />
        )}
        <div role="status" aria-live="polite">
          {chargedNotice && <p className="alert alert--success">{chargedNotice}</p>}
        </div>
        <button
          ref={payButton}
          type="button"
          className="btn btn--primary btn--large btn--block"
          disabled={pay.isPending || shortfall > 0}
          aria-describedby="pay-hint"
          onClick={submit}
        >
          {pay.isPending ? (
            <>
              <span className="spinner" aria-hidden="true" /> {t.checkout.paying}
            </>
          ) : t.checkout.pay(total)}
        </button>
        <p id="pay-hint" className="muted small">{t.checkout.payHint}</p>
        {payError && <p className="alert alert--error" role="alert">{payError}</p>}
      </section>
    </div>
  );
}
