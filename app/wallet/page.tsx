import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { chargeWalletAction } from "@/app/wallet/actions";
import { ChargeForm } from "@/components/wallet/charge-form";
import { WalletBalance } from "@/components/wallet/wallet-balance";
import { WalletHistory } from "@/components/wallet/wallet-history";
import styles from "@/components/wallet/wallet.module.css";
import { db } from "@/lib/db";
import { requirePageUser } from "@/lib/http/page-session";
import { wallet as t } from "@/lib/i18n/ko/wallet";
import { getWalletBalance } from "@/lib/wallet/get-wallet-balance";
import { listWalletEntries } from "@/lib/wallet/list-wallet-entries";

export const metadata: Metadata = { title: t.metaTitle };

export default async function WalletPage() {
  const user = await requirePageUser("/wallet");
  const [balance, firstPage] = await Promise.all([
    getWalletBalance(db(), { userId: user.id }),
    listWalletEntries(db(), { userId: user.id }),
  ]);
  return (
    <div className="container">
      <header className="page-header">
        <p className="eyebrow">{t.eyebrow}</p>
        <h1>{t.title}</h1>
        <p className="muted">{t.lead}</p>
      </header>
      <div className={styles.layout}>
        <div className={styles.side}>
          <WalletBalance initialBalance={balance} />
          <ChargeForm action={chargeWalletAction} idempotencyKey={randomUUID()} />
        </div>
        <WalletHistory firstPage={firstPage} />
      </div>
    </div>
  );
}
