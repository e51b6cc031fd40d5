"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormAction } from "@/lib/actions/server-action";
import { admin } from "@/lib/i18n/ko/admin";
import styles from "./orders.module.css";

const t = admin.orders;

/**
 * Refund in two steps, with or without JavaScript: "환불…" opens the confirmation with the amount
 * and a reason, "환불 확정" refunds. The form carries the Idempotency-Key it was rendered with.
 *
 * Render it for every order, refundable or not (`amountText` null when nothing is left to refund):
 * the refund leaves nothing to refund, and the form must stay on the page through the refresh that
 * follows, so its notice (what was refunded, focused) and its refusals stay where the operator
 * acted.
 */
export function RefundForm({ action, paymentId, amountText, idempotencyKey }: {
  action: FormAction<unknown>;
  paymentId: string;
  /** What refunding the order's remaining seats gives back, or null when none remains. */
  amountText: string | null;
  idempotencyKey: string;
}) {
  return (
    // Named (a landmark) only while it asks something: an order with nothing to refund adds no empty form to the page's outline.
    <ActionForm action={action} idempotencyKey={idempotencyKey} label={amountText === null ? undefined : t.refundConfirm} className={styles.refundForm}>
      <input type="hidden" name="paymentId" value={paymentId} />
      {amountText !== null && (
        <details className={styles.refund}>
          <summary className="btn btn--small btn--danger">{t.refund}</summary>
          <div className={styles.refundFields}>
            <p className="small">{t.refundLead(amountText)}</p>
            <TextAreaField name="reason" label={admin.reason.label} required maxLength={500} rows={2} />
            <div><SubmitButton label={t.refundConfirm} pendingLabel={t.pending} variant="danger" /></div>
          </div>
        </details>
      )}
    </ActionForm>
  );
}
