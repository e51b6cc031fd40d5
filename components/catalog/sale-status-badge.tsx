import type { SaleStatus } from "@/lib/catalog/schemas";
import { formatShortDateTime } from "@/lib/i18n/format";
import { catalog as t } from "@/lib/i18n/ko/catalog";

const BADGE_CLASS: Record<SaleStatus, string> = {
  ON_SALE: "badge badge--success",
  OPENS_SOON: "badge badge--warning",
  SOLD_OUT: "badge badge--danger",
  ENDED: "badge",
};

/** 예매 중 / 오픈 예정 (with the opening time) / 매진 / 판매 종료 */
export function SaleStatusBadge({ status, opensAt }: { status: SaleStatus; opensAt: string | null }) {
  const label = status === "OPENS_SOON" && opensAt ? `${t.status.OPENS_SOON} · ${formatShortDateTime(opensAt)}` : t.status[status];
  return <span className={BADGE_CLASS[status]}>{label}</span>;
}
