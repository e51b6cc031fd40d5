"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { useFormState } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { payments } from "@/lib/i18n/ko/payments";
import styles from "./payments.module.css";

const t = payments.tickets.cancel;

/**
 * The HTML invoker commands open and close the dialog without JavaScript (Chromium 135+, Firefox
 * 144+, Safari 26.2+); React passes these lowercase attributes through as they are.
 */
function invoke(command: "show-modal" | "close", dialogId: string): Record<string, string> {
  return { command, commandfor: dialogId };
}

/** Where the browser has no invoker commands, the click does it once the JavaScript has loaded. */
function withoutInvokers(dialogId: string, run: (dialog: HTMLDialogElement) => void): void {
  if ("command" in HTMLButtonElement.prototype) return;
  const dialog = document.querySelector<HTMLDialogElement>(`#${CSS.escape(dialogId)}`);
  if (dialog) run(dialog);
}

/**
 * "Cancel this ticket", confirmed in a modal dialog (a refund cannot be undone): the dialog shows
 * what comes back, and its confirm button submits the enclosing cancel form (TicketList) with this
 * ticket's id, with or without JavaScript. A refusal of this ticket is said in the dialog.
 */
export function CancelTicketButton(props: { reservationId: string; seat: string; date: string; price: number }) {
  const dialogId = useId();
  const titleId = `${dialogId}-title`;
  const bodyId = `${dialogId}-body`;
  const state = useFormState();
  const router = useRouter();
  const refusal = state.formError && state.values.reservationId === props.reservationId ? state.formError : null;
  // Cancelled elsewhere already, or booking closed meanwhile: the list is out of date once the dialog closes.
  const isStale = refusal === t.errors.alreadyCancelled || refusal === t.errors.closed;
  return (
    <>
      <button
        type="button"
        className={`btn btn--small btn--ghost btn--danger ${styles.cancelTicket}`}
        aria-label={t.buttonLabel(props.seat)}
        {...invoke("show-modal", dialogId)}
        onClick={() => withoutInvokers(dialogId, (dialog) => dialog.showModal())}
      >
        {t.button}
      </button>
      <dialog id={dialogId} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId} onClose={() => isStale && router.refresh()}>
        <div className="stack">
          <h2 id={titleId} className="confirm-dialog__title">{t.confirmTitle}</h2>
          <p id={bodyId} className="muted">{t.confirmBody(props.date, props.seat, props.price)}</p>
          {refusal && <p role="alert" className="alert alert--error small">{refusal}</p>}
          <div className="confirm-dialog__actions">
            <button
              type="button"
              className="btn btn--primary"
              autoFocus
              {...invoke("close", dialogId)}
              onClick={() => withoutInvokers(dialogId, (dialog) => dialog.close())}
            >
              {t.keep}
            </button>
            {!isStale && (
              <SubmitButton label={t.confirm} pendingLabel={t.cancelling} variant="danger" name="reservationId" value={props.reservationId} />
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}
