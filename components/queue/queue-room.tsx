"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { QueueAdmittedPanel } from "@/components/queue/queue-admitted-panel";
import { QueueAnnouncer } from "@/components/queue/queue-announcer";
import { formatCount } from "@/components/queue/queue-format";
import { QueueGuide } from "@/components/queue/queue-guide";
import { ConcertLinks, QueueOutcomePanel } from "@/components/queue/queue-outcome-panel";
import { QueuePrequeuePanel } from "@/components/queue/queue-prequeue-panel";
import { QueueWaitingPanel } from "@/components/queue/queue-waiting-panel";
import { useQueuePlace, type QueuePhase } from "@/components/queue/use-queue-place";
import { withNext } from "@/lib/auth/safe-next-path";
import { formatWait } from "@/lib/i18n/format";
import { queue as t } from "@/lib/i18n/ko/queue";
import styles from "./queue-room.module.css";

export type QueueConcert = { id: string; title: string; artist: string; venue: string };

function announcementOf(phase: QueuePhase): string {
  switch (phase.kind) {
    case "waiting":
      return t.announce.waiting(formatCount(phase.status.position), formatWait(phase.status.etaSeconds));
    case "prequeue":
      return t.announce.prequeue;
    case "admitted":
      return t.announce.admitted;
    case "expired":
      return t.announce.expired;
    case "left":
      return t.announce.left;
    case "soldOut":
      return t.announce.soldOut;
    default:
      return "";
  }
}

/** Why the page opened without joining: the turn ended while booking, or the fan left the line. */
export type QueueOpenedAfter = "turnEnded" | "left";

/**
 * The waiting room of one concert: joins on open, then follows the fan's place
 * until their turn. A fan sent back from booking because their turn ended, or
 * who left the line here (`openedAfter`, kept in the URL so a reload does not
 * join again), is told so and joins again only by choice.
 */
export function QueueRoom({ concert, openedAfter = null }: { concert: QueueConcert; openedAfter?: QueueOpenedAfter | null }) {
  const router = useRouter();
  const place = useQueuePlace(concert.id, { joinOnOpen: openedAfter === null, hasLeft: openedAfter === "left" });
  const { phase } = place;
  const queuePath = `/concerts/${concert.id}/queue`;

  useEffect(() => {
    if (phase.kind === "signedOut") router.replace(withNext("/sign-in", queuePath));
  }, [phase.kind, router, queuePath]);

  // The URL says what the page shows, so a reload shows it again instead of joining the line.
  const shownOutcome = phase.kind === "left" ? "left" : phase.kind === "expired" && openedAfter === "turnEnded" ? "turnEnded" : null;
  useEffect(() => {
    if (shownOutcome === openedAfter) return;
    router.replace(shownOutcome === "left" ? `${queuePath}?turn=left` : queuePath);
  }, [shownOutcome, openedAfter, router, queuePath]);

  const links = <ConcertLinks concertId={concert.id} concertLabel={t.outcome.toConcert} concertsLabel={t.outcome.toConcerts} />;
  const rejoin = (
    <button type="button" className="btn btn--primary" onClick={place.rejoin} disabled={place.isRejoining} aria-busy={place.isRejoining}>
      {t.outcome.rejoin}
    </button>
  );

  let panel;
  switch (phase.kind) {
    case "waiting":
      panel = (
        <QueueWaitingPanel
          concertId={concert.id}
          status={phase.status}
          updatedAt={place.updatedAt}
          isUpdating={place.isUpdating}
          isConnectionShaky={place.isConnectionShaky}
          onLeave={place.leave}
          isLeaving={place.isLeaving}
        />
      );
      break;
    case "prequeue":
      panel = (
        <QueuePrequeuePanel status={phase.status} updatedAt={place.updatedAt} isUpdating={place.isUpdating} onLeave={place.leave} isLeaving={place.isLeaving} />
      );
      break;
    case "admitted":
      panel = <QueueAdmittedPanel concertId={concert.id} status={phase.status} />;
      break;
    case "expired":
      panel = <QueueOutcomePanel title={t.outcome.expiredTitle} body={t.outcome.expiredBody} tone="warning" mark="!">{rejoin}{links}</QueueOutcomePanel>;
      break;
    case "left":
      panel = <QueueOutcomePanel title={t.outcome.leftTitle} body={t.outcome.leftBody} tone="info" mark="✓">{rejoin}{links}</QueueOutcomePanel>;
      break;
    case "soldOut":
      panel = <QueueOutcomePanel title={t.outcome.soldOutTitle} body={t.outcome.soldOutBody} tone="info" mark="♪">{links}</QueueOutcomePanel>;
      break;
    case "error":
      panel = (
        <QueueOutcomePanel title={t.outcome.errorTitle} body={t.outcome.errorBody} tone="error" mark="!">
          <button type="button" className="btn btn--primary" onClick={place.rejoin} disabled={place.isRejoining}>{t.outcome.retry}</button>
          {links}
        </QueueOutcomePanel>
      );
      break;
    default:
      panel = (
        <div className={`${styles.panelBody} ${styles.joining}`} role="status">
          <span className={`spinner ${styles.joiningSpinner}`} aria-hidden="true" />
          <h2 id="queue-state-title" className={styles.stateTitle}>{t.joining}</h2>
          <p className="muted small">{t.joiningHint}</p>
          <div className={`skeleton ${styles.joiningSkeleton}`} aria-hidden="true" />
        </div>
      );
  }

  return (
    <div className={`container ${styles.page}`}>
      <nav aria-label="breadcrumb">
        <Link href={`/concerts/${concert.id}`} className={styles.back}>← {t.backToConcert}</Link>
      </nav>
      <header className={styles.header}>
        <p className="eyebrow">{t.eyebrow}</p>
        <h1>{concert.title}</h1>
        <p className="muted">{concert.artist} · {concert.venue}</p>
      </header>
      <div className={styles.layout}>
        <section className={`card ${styles.panel}`} aria-labelledby="queue-state-title" aria-busy={phase.kind === "joining"}>
          {panel}
        </section>
        <QueueGuide />
      </div>
      <QueueAnnouncer kind={phase.kind} message={announcementOf(phase)} />
    </div>
  );
}
