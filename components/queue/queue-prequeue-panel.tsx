"use client";

import { secondsUntil, useNow } from "@/components/booking/use-now";
import { LeaveQueueButton } from "@/components/queue/leave-queue-button";
import { formatCount, formatTimeUntil } from "@/components/queue/queue-format";
import { QueueUpdatedAt } from "@/components/queue/queue-updated-at";
import type { QueueStatus } from "@/lib/queue/schemas";
import { formatDateTime } from "@/lib/i18n/format";
import { queue as t } from "@/lib/i18n/ko/queue";
import styles from "./queue-room.module.css";

type Props = {
  status: QueueStatus;
  updatedAt: number;
  isUpdating: boolean;
  onLeave: () => Promise<unknown>;
  isLeaving: boolean;
};

/** Before opening: a countdown, and why arriving early or late makes no difference (the order is drawn at opening). */
export function QueuePrequeuePanel({ status, updatedAt, isUpdating, onLeave, isLeaving }: Props) {
  const now = useNow();
  const secondsLeft = now === null ? null : secondsUntil(status.opensAt, now);

  return (
    <div className={styles.panelBody}>
      <div className={styles.panelHead}>
        <h2 id="queue-state-title" className={styles.stateTitle}>{t.prequeue.title}</h2>
        <span className="badge badge--warning">{t.prequeue.opensAtLabel} {formatDateTime(status.opensAt)}</span>
      </div>

      <div className={styles.hero}>
        <p className={styles.heroLabel}>{t.prequeue.countdownLabel}</p>
        <p className={styles.heroValue}>
          <span role="timer" className={`tabular ${styles.heroNumber}`}>
            {secondsLeft === null ? "–:––" : secondsLeft > 0 ? formatTimeUntil(secondsLeft) : t.prequeue.openingNow}
          </span>
        </p>
        <p className={styles.ahead}>{t.prequeue.together(formatCount(status.position))}</p>
      </div>

      <div className={`alert alert--info stack ${styles.drawNote}`}>
        <p>{t.prequeue.draw}</p>
        <p className="small">{t.prequeue.after}</p>
      </div>

      <div className={styles.panelFoot}>
        <QueueUpdatedAt updatedAt={updatedAt} isUpdating={isUpdating} />
        <LeaveQueueButton onLeave={onLeave} isLeaving={isLeaving} />
      </div>
    </div>
  );
}
