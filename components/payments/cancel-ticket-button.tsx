"use client";

import { useId, useRef } from "react";
import { useCancelTicket } from "@/components/payments/use-cancel-ticket";
import { ApiError } from "@/lib/client/api";
import { payments } from "@/lib/i18n/ko/payments";
import type { CancelTicketResponse } from "@/lib/refunds/schemas";
import styles from "./payments.module.css";

const t = payments.tickets.cancel;

function errorMessage(error: unknown): string {
  const code = error instanceof ApiError ? error.code : undefined;
  if (code === "ALREADY_REFUNDED") return t.errors.alreadyCancelled;
  if (code === "CANCELLATION_CLOSED") return t.errors.closed;
  if (code === "REQUEST_IN_PROGRESS") return t.errors.inProgress;
  return t.errors.failed;
}

/**
 * "Cancel this ticket", confirmed in a modal dialog (a refund cannot be undone):
 * the dialog shows what comes back and stays open with the reason when the
 * cancellation fails. `onCancelled` hears of the cancellation; `onStale`, once the
 * dialog closes, of a ticket found cancelled already or no longer cancellable.
 */
export function CancelTicketButton(props: {
  reservationId: string;
  seat: string;
  date: string;
  price: number;
  onCancelled: (result: CancelTicketResponse, seat: string) => void;
  onStale: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const cancel = useCancelTicket({
    onCancelled: (result) => {
      dialog.current?.close();
      props.onCancelled(result, props.seat);
    },
  });
  const errorCode = cancel.error instanceof ApiError ? cancel.error.code : undefined;
  // Cancelled elsewhere already, or booking closed meanwhile: the list is out of date.
  const isStale = errorCode === "ALREADY_REFUNDED" || errorCode === "CANCELLATION_CLOSED";

  return (
    <>
      <button
        type="button"
        className={`btn btn--small btn--ghost btn--danger ${styles.cancelTicket}`}
        aria-label={t.buttonLabel(props.seat)}
        onClick={() => dialog.current?.showModal()}
      >
        {t.button}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onClose={() => {
          if (isStale) props.onStale();
          cancel.reset();
        }}
      >
        <div className="stack">
          <h2 id={titleId} className="confirm-dialog__title">{t.confirmTitle}</h2>
          <p id={bodyId} className="muted">{t.confirmBody(props.date, props.seat, props.price)}</p>
          {cancel.isError && <p role="alert" className="alert alert--error small">{errorMessage(cancel.error)}</p>}
          <div className="confirm-dialog__actions">
            <button type="button" className="btn btn--primary" onClick={() => dialog.current?.close()} autoFocus>
              {t.keep}
            </button>
            {!isStale && (
              <button
                type="button"
                className="btn btn--danger"
                onClick={() => cancel.mutate(props.reservationId)}
                disabled={cancel.isPending}
                aria-busy={cancel.isPending}
              >
                {cancel.isPending ? t.cancelling : t.confirm}
              </button>
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}
