"use client";

import { useId, useRef, useState } from "react";
import { queue as t } from "@/lib/i18n/ko/queue";

/** "Leave the line", confirmed in a modal dialog: giving up a place cannot be undone. */
export function LeaveQueueButton({ onLeave, isLeaving }: { onLeave: () => Promise<unknown>; isLeaving: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [hasFailed, setHasFailed] = useState(false);
  const titleId = useId();
  const bodyId = useId();

  async function confirm() {
    setHasFailed(false);
    try {
      await onLeave();
      dialog.current?.close();
    } catch {
      setHasFailed(true);
    }
  }

  return (
    <>
      <button type="button" className="btn btn--ghost btn--danger" onClick={() => dialog.current?.showModal()}>
        {t.leave.button}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId} onClose={() => setHasFailed(false)}>
        <div className="stack">
          <h2 id={titleId} className="confirm-dialog__title">{t.leave.confirmTitle}</h2>
          <p id={bodyId} className="muted">{t.leave.confirmBody}</p>
          {hasFailed && <p role="alert" className="alert alert--error small">{t.leave.failed}</p>}
          <div className="confirm-dialog__actions">
            <button type="button" className="btn btn--primary" onClick={() => dialog.current?.close()} autoFocus>
              {t.leave.cancel}
            </button>
            <button type="button" className="btn btn--danger" onClick={confirm} disabled={isLeaving} aria-busy={isLeaving}>
              {isLeaving ? t.leave.leaving : t.leave.confirm}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
