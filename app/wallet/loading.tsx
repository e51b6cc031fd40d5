import { LoadingPage } from "@/components/loading-page";
import styles from "@/components/wallet/wallet.module.css";
import { wallet as t } from "@/lib/i18n/ko/wallet";

export default function WalletLoading() {
  return (
    <LoadingPage eyebrow={t.eyebrow} title={t.title}>
      <div className={styles.layout}>
        <div className={styles.side}>
          <div className={`card skeleton ${styles.skeletonBalance}`} />
          <div className={`card skeleton ${styles.skeletonCharge}`} />
        </div>
        <div className={`card skeleton ${styles.skeletonHistory}`} />
      </div>
    </LoadingPage>
  );
}
