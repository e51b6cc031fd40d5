import { LoadingPage } from "@/components/loading-page";
import styles from "@/components/payments/payments.module.css";
import { payments } from "@/lib/i18n/ko/payments";

export default function CheckoutLoading() {
  return (
    <LoadingPage eyebrow={payments.checkout.eyebrow} title={payments.checkout.title}>
      <div className={styles.checkout}>
        <div className={`card skeleton ${styles.skeletonTall}`} />
        <div className={`card skeleton ${styles.skeletonShort}`} />
      </div>
    </LoadingPage>
  );
}
