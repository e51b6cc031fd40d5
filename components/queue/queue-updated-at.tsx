import { formatTime } from "@/lib/i18n/format";
import { queue as t } from "@/lib/i18n/ko/queue";
import styles from "./queue-room.module.css";

/** "Last update 14:03:22", with a spinner while a poll is in flight. */
export function QueueUpdatedAt({ updatedAt, isUpdating }: { updatedAt: number; isUpdating: boolean }) {
  return (
    <p className={`small muted ${styles.updatedAt}`}>
      {isUpdating && <span className="spinner" role="status" aria-label={t.waiting.updating} />}
      <span className="tabular">{updatedAt > 0 ? t.waiting.updatedAt(formatTime(new Date(updatedAt))) : t.waiting.updating}</span>
    </p>
  );
}
