import { booking as t } from "@/lib/i18n/ko/booking";

export default function Loading() {
  return (
    <div className="container stack-lg" role="status" aria-label={t.map.loading}>
      <div className="skeleton" style={{ height: "2.5rem", width: "min(420px, 80%)" }} />
      <div className="skeleton" style={{ height: "3.5rem" }} />
      <div className="skeleton" style={{ height: "22rem" }} />
    </div>
  );
}
