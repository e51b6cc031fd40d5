import type { PriceTier } from "@/lib/catalog/schemas";
import { formatWon } from "@/lib/i18n/format";
import { catalog as t } from "@/lib/i18n/ko/catalog";
import styles from "./price-tiers.module.css";

export function PriceTiers({ tiers }: { tiers: PriceTier[] }) {
  return (
    <dl className={styles.tiers}>
      {tiers.map((tier) => (
        <div key={`${tier.grade}-${tier.price}`} className={`${styles.tier} grade--${tier.grade}`}>
          <dt className={styles.grade}>
            <span className="grade-dot" aria-hidden="true" />
            {t.concert.gradeLabel(tier.grade)}
          </dt>
          <dd className={`${styles.price} tabular`}>{formatWon(tier.price)}</dd>
        </div>
      ))}
    </dl>
  );
}
