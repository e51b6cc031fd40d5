import styles from "@/components/wallet/wallet.module.css";
import { common } from "@/lib/i18n/ko/common";
import { wallet as t } from "@/lib/i18n/ko/wallet";

export default function WalletLoading() {
  return (
    <div className="container" aria-busy="true">
      <header className="page-header">
        <p className="eyebrow">{t.eyebrow}</p>
        <h1>{t.title}</h1>
        <p className="visually-hidden" role="status">{common.loading}</p>
      </header>
      <div className={styles.layout}>
        <div className={styles.side}>
          <div className={`card skeleton ${styles.skeletonBalance}`} />
          <div className={`card skeleton ${styles.skeletonCharge}`} />
        </div>
        <div className={`card skeleton ${styles.skeletonHistory}`} />
      </div>
    </div>
  );
}
