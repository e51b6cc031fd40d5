import styles from "@/components/payments/payments.module.css";
import { common } from "@/lib/i18n/ko/common";
import { payments } from "@/lib/i18n/ko/payments";

export default function CheckoutLoading() {
  return (
    <div className="container" aria-busy="true">
      <header className="page-header">
        <p className="eyebrow">{payments.checkout.eyebrow}</p>
        <h1>{payments.checkout.title}</h1>
        <p className="visually-hidden" role="status">{common.loading}</p>
      </header>
      <div className={styles.checkout}>
        <div className={`card skeleton ${styles.skeletonTall}`} />
        <div className={`card skeleton ${styles.skeletonShort}`} />
      </div>
    </div>
  );
}
