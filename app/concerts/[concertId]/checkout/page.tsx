import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckoutView } from "@/components/payments/checkout-view";
import styles from "@/components/payments/payments.module.css";
import { db } from "@/lib/db";
import { requirePageAdmission, requirePageUser } from "@/lib/http/page-session";
import { parseId } from "@/lib/http/request";
import { payments } from "@/lib/i18n/ko/payments";
import { listCheckoutHolds } from "@/lib/payments/list-checkout-holds";
import { getWalletBalance } from "@/lib/wallet/get-wallet-balance";

const t = payments.checkout;

export const metadata: Metadata = { title: t.metaTitle };

type Props = { params: Promise<{ concertId: string }> };

export default async function CheckoutPage({ params }: Props) {
  const { concertId: rawId } = await params;
  let concertId: string;
  try {
    concertId = parseId(rawId, "concert");
  } catch {
    notFound();
  }
  const user = await requirePageUser(`/concerts/${concertId}/checkout`);
  const summary = await listCheckoutHolds(db(), { userId: user.id, concertId });
  if (!summary) notFound();
  await requirePageAdmission(user.id, concertId);
  const balance = await getWalletBalance(db(), { userId: user.id });
  return (
    <div className="container">
      <nav aria-label="breadcrumb">
        <Link href={`/concerts/${concertId}/book`} className={styles.back}>← {t.backToSeats}</Link>
      </nav>
      <header className="page-header">
        <p className="eyebrow">{t.eyebrow}</p>
        <h1>{summary.concert.title}</h1>
        <p className="muted">{summary.concert.artist} · {summary.concert.venue}</p>
      </header>
      <CheckoutView summary={summary} initialBalance={balance} />
    </div>
  );
}
