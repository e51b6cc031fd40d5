"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchBalance, walletKeys } from "@/components/wallet/wallet-queries";
import { formatWon } from "@/lib/i18n/format";
import { wallet as t } from "@/lib/i18n/ko/wallet";
import styles from "./wallet.module.css";

/** The balance, kept fresh by react-query (a charge updates it at once). */
export function WalletBalance({ initialBalance }: { initialBalance: number }) {
  const balance = useQuery({ queryKey: walletKeys.balance(), queryFn: fetchBalance, initialData: initialBalance });
  return (
    <section className={`card card--highlight ${styles.balanceCard}`} aria-labelledby="balance-title">
      <h2 id="balance-title" className={styles.balanceLabel}>{t.balance.label}</h2>
      <p className={`tabular ${styles.balance}`} aria-live="polite">{formatWon(balance.data)}</p>
    </section>
  );
}
