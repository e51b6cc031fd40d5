import { queue as t } from "@/lib/i18n/ko/queue";

export default function Loading() {
  return (
    <div className="container stack-lg" role="status" aria-label={t.joining}>
      <div className="skeleton" style={{ height: "2.5rem", maxWidth: 420 }} />
      <div className="skeleton" style={{ height: "22rem" }} />
    </div>
  );
}
