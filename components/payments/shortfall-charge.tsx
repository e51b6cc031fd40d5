"use client";

import Link from "next/link";
import { useChargeWallet } from "@/components/wallet/use-charge-wallet";
import { useSingleFlight } from "@/components/wallet/use-single-flight";
import { payments as t } from "@/lib/i18n/ko/payments";
import { wallet } from "@/lib/i18n/ko/wallet";
import { MAX_CHARGE_WON } from "@/lib/wallet/schemas";

type Props = { shortfall: number; onCharged: (amount: number) => void };

/** "잔액이 부족해요": the exact shortfall and one button that charges it (at most one charge's limit at a time). */
export function ShortfallCharge({ shortfall, onCharged }: Props) {
  const charge = useChargeWallet({ onCharged: (_result, amount) => onCharged(amount) });
  const singleFlight = useSingleFlight();
  const amount = Math.min(shortfall, MAX_CHARGE_WON);
  return (
    <div className="alert alert--warning stack" role="region" aria-labelledby="shortfall-title">
      <h3 id="shortfall-title">{t.checkout.short.title}</h3>
      <p>{t.checkout.short.body(shortfall)}</p>
      {shortfall > MAX_CHARGE_WON && <p className="small">{t.checkout.short.partial}</p>}
      <button
        type="button"
        className="btn btn--accent btn--block"
        disabled={charge.isPending}
        onClick={() => singleFlight(() => charge.mutateAsync(amount))}
      >
        {charge.isPending ? t.checkout.short.charging : t.checkout.short.chargeShortfall(amount)}
      </button>
      {charge.isError && <p className="field-error" role="alert">{wallet.charge.errors.failed}</p>}
      <Link href="/wallet" className="small">{t.checkout.short.walletLink}</Link>
    </div>
  );
}
