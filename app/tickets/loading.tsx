import { LoadingPage } from "@/components/loading-page";
import styles from "@/components/payments/payments.module.css";
import { payments } from "@/lib/i18n/ko/payments";

export default function TicketsLoading() {
  return (
    <LoadingPage eyebrow={payments.tickets.eyebrow} title={payments.tickets.title}>
      <div className="stack-lg">
        <div className={`card skeleton ${styles.skeletonShort}`} />
        <div className={`card skeleton ${styles.skeletonShort}`} />
      </div>
    </LoadingPage>
  );
}
