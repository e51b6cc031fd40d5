"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { toKoreanDateTimeInput } from "@/lib/actions/form-fields";
import type { FormAction } from "@/lib/actions/server-action";
import type { AdminPerformance } from "@/lib/admin/concert-input";
import { admin } from "@/lib/i18n/ko/admin";
import styles from "./concerts.module.css";

const t = admin.concerts;

/** A new date of the concert: start and booking window, in Korean time. */
export function AddDateForm({ action, concertId }: { action: FormAction<unknown>; concertId: string }) {
  return (
    <ActionForm action={action} label={t.addDateTitle}>
      <input type="hidden" name="concertId" value={concertId} />
      <div className={styles.times}>
        <TextField name="startsAt" type="datetime-local" label={t.dateFields.startsAt.label} required />
        <TextField name="bookingOpensAt" type="datetime-local" label={t.dateFields.bookingOpensAt.label} required />
        <TextField name="bookingClosesAt" type="datetime-local" label={t.dateFields.bookingClosesAt.label} required />
      </div>
      <TextAreaField name="reason" label={admin.reason.label} required maxLength={500} rows={2} />
      <div><SubmitButton label={t.addDate} pendingLabel={t.pending} /></div>
    </ActionForm>
  );
}

/**
 * A date's times. With seats sold its start is shown but not editable, and says why: fans bought
 * that time (the domain refuses it too, 409 SEATS_SOLD).
 */
export function EditDateForm({ action, performance }: { action: FormAction<unknown>; performance: AdminPerformance }) {
  const isStartLocked = performance.soldSeats > 0;
  return (
    <ActionForm action={action} label={t.editDate}>
      <input type="hidden" name="performanceId" value={performance.id} />
      {isStartLocked && <p className="alert alert--info small">{t.startLocked}</p>}
      <div className={styles.times}>
        <TextField
          name="startsAt"
          type="datetime-local"
          label={t.dateFields.startsAt.label}
          defaultValue={toKoreanDateTimeInput(performance.startsAt)}
          disabled={isStartLocked}
        />
        <TextField name="bookingOpensAt" type="datetime-local" label={t.dateFields.bookingOpensAt.label} defaultValue={toKoreanDateTimeInput(performance.bookingOpensAt)} />
        <TextField name="bookingClosesAt" type="datetime-local" label={t.dateFields.bookingClosesAt.label} defaultValue={toKoreanDateTimeInput(performance.bookingClosesAt)} />
      </div>
      <TextAreaField name="reason" label={admin.reason.label} required maxLength={500} rows={2} />
      <div><SubmitButton label={t.saveDate} pendingLabel={t.pending} /></div>
    </ActionForm>
  );
}
