"use client";

import { useEffect, useId, useRef } from "react";
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
 * ticket's id, with or without JavaScript. A refusal of this ticket closes the dialog: TicketList
 * says it beside the ticket, where it stays readable (a modal dialog makes the rest of the page
 * inert, and without JavaScript the page comes back with the dialog closed).
 */
export function CancelTicketButton(props: { reservationId: string; seat: string; date: string; price: number }) {
  const dialogId = useId();
  const titleId = `${dialogId}-title`;
  const bodyId = `${dialogId}-body`;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const state = useFormState();
  const isRefused = Boolean(state.formError) && state.values.reservationId === props.reservationId;
  // On each new refusal of this ticket (a second one too, after the dialog was opened again). It runs
  // before the form's own effect (a child's effects run first), which then focuses the refusal.
  useEffect(() => {
    if (isRefused) dialogRef.current?.close();
  }, [isRefused, state]);
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
      <dialog ref={dialogRef} id={dialogId} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
        <div className="stack">
          <h2 id={titleId} className="confirm-dialog__title">{t.confirmTitle}</h2>
          <p id={bodyId} className="muted">{t.confirmBody(props.date, props.seat, props.price)}</p>
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
            <SubmitButton label={t.confirm} pendingLabel={t.cancelling} variant="danger" name="reservationId" value={props.reservationId} />
          </div>
        </div>
      </dialog>
    </>
  );
}
