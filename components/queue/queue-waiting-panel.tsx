"use client";

import { LeaveQueueButton } from "@/components/queue/leave-queue-button";
import { formatCount } from "@/components/queue/queue-format";
import { QueueUpdatedAt } from "@/components/queue/queue-updated-at";
import { useStartPosition } from "@/components/queue/use-start-position";
import { progressTowardFront } from "@/lib/queue/admission-math";
import type { QueueStatus } from "@/lib/queue/schemas";
import { formatWait } from "@/lib/i18n/format";
import { queue as t } from "@/lib/i18n/ko/queue";
import styles from "./queue-room.module.css";

type Props = {
  concertId: string;
  status: QueueStatus;
  updatedAt: number;
  isUpdating: boolean;
  isConnectionShaky: boolean;
  onLeave: () => Promise<unknown>;
  isLeaving: boolean;
};

/** A place in the moving line: the big number, the fans ahead, the estimated wait and how far the line has come. */
export function QueueWaitingPanel({ concertId, status, updatedAt, isUpdating, isConnectionShaky, onLeave, isLeaving }: Props) {
  const startPosition = useStartPosition(concertId, status.ticket, status.position);
  const percent = Math.round(progressTowardFront(startPosition ?? status.position, status.position) * 100);
  const isNext = status.ahead === 0;

  return (
    <div className={styles.panelBody}>
      <div className={styles.panelHead}>
        <h2 id="queue-state-title" className={styles.stateTitle}>{t.waiting.title}</h2>
        {status.ticket !== null && (
          <span className="badge badge--brand">
            {t.waiting.ticketLabel} {t.waiting.ticket(formatCount(status.ticket))}
          </span>
        )}
      </div>

      <div className={styles.hero}>
        <p className={styles.heroLabel}>{t.waiting.positionLabel}</p>
        <p className={styles.heroValue}>
          <span className={`tabular ${styles.heroNumber}`}>{formatCount(status.position)}</span>
          <span className={styles.heroUnit}>{t.waiting.positionUnit}</span>
        </p>
        <p className={isNext ? styles.nextUp : styles.ahead}>
          {isNext ? t.waiting.nextUp : t.waiting.ahead(formatCount(status.ahead ?? status.position - 1))}
        </p>
      </div>

      <div className="stack">
        <div
          className="progress"
          role="progressbar"
          aria-label={t.waiting.progressLabel}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t.waiting.progressValue(percent)}
        >
          <div className="progress__bar" style={{ width: `${Math.max(percent, 2)}%` }} />
        </div>
        <p className={`small muted ${styles.progressCaption}`}>{t.waiting.progressValue(percent)}</p>
      </div>

      <dl className={styles.facts}>
        <div>
          <dt>{t.waiting.etaLabel}</dt>
          <dd className="tabular">{formatWait(status.etaSeconds)}</dd>
        </div>
        <div>
          <dt>{t.waiting.lineLengthLabel}</dt>
          <dd className="tabular">{t.waiting.lineLength(formatCount(Math.max(status.position, status.lastTicket - status.servingCounter)))}</dd>
        </div>
      </dl>

      {status.isPaused && <p className="alert alert--info small" role="status">{t.waiting.paused}</p>}
      {isConnectionShaky && <p className="alert alert--warning small">{t.waiting.staleWarning}</p>}

      <div className={styles.panelFoot}>
        <QueueUpdatedAt updatedAt={updatedAt} isUpdating={isUpdating} />
        <LeaveQueueButton onLeave={onLeave} isLeaving={isLeaving} />
      </div>
    </div>
  );
}
