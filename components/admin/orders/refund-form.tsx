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
 */
export function RefundForm({ action, paymentId, amountText, idempotencyKey }: {
  action: FormAction<unknown>;
  paymentId: string;
  amountText: string;
  idempotencyKey: string;
}) {
  return (
    <details className={styles.refund}>
      <summary className="btn btn--small btn--danger">{t.refund}</summary>
      <ActionForm action={action} idempotencyKey={idempotencyKey} label={t.refundConfirm}>
        <input type="hidden" name="paymentId" value={paymentId} />
        <p className="small">{t.refundLead(amountText)}</p>
        <TextAreaField name="reason" label={admin.reason.label} required maxLength={500} rows={2} />
        <div><SubmitButton label={t.refundConfirm} pendingLabel={t.pending} variant="danger" /></div>
      </ActionForm>
    </details>
  );
}
