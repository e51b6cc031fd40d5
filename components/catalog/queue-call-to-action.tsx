import { QueueEntryLink } from "@/components/catalog/queue-entry-link";
import type { PageViewer } from "@/lib/auth/page-viewer";
import type { SaleStatus } from "@/lib/catalog/schemas";
import { formatShortDateTime } from "@/lib/i18n/format";
import { catalog as t } from "@/lib/i18n/ko/catalog";

type Props = { concertId: string; status: SaleStatus; opensAt: string | null; viewer: PageViewer };

/**
 * "대기열 입장하기": to the waiting room, or to sign-in and back there. Sold-out
 * and ended concerts show why there is nothing to join instead.
 */
export function QueueCallToAction({ concertId, status, opensAt, viewer }: Props) {
  if (status === "SOLD_OUT" || status === "ENDED") {
    return (
      <div className="stack">
        <button type="button" className="btn btn--large btn--block" disabled>
          {t.status[status]}
        </button>
        <p className="alert alert--warning small">{status === "SOLD_OUT" ? t.concert.soldOutNotice : t.concert.endedNotice}</p>
      </div>
    );
  }
  const notice =
    status === "OPENS_SOON" && opensAt ? t.concert.opensNotice(formatShortDateTime(opensAt)) : t.concert.onSaleNotice;
  return (
    <div className="stack">
      <QueueEntryLink concertId={concertId} fromServer={viewer} />
      <p className={`alert ${status === "OPENS_SOON" ? "alert--info" : "alert--success"} small`}>{notice}</p>
    </div>
  );
}
