import { admin } from "@/lib/i18n/ko/admin";

const t = admin.orders;

/** An order's payment status as the console shows it: paid, or (partly) refunded. */
export function OrderStatusBadge({ status }: { status: string }) {
  return <span className={`badge ${status === "COMPLETED" ? "badge--success" : "badge--warning"}`}>{t.status[status] ?? status}</span>;
}
