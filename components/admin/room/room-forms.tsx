"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { toKoreanDateTimeInput } from "@/lib/actions/form-fields";
import type { FormAction } from "@/lib/actions/server-action";
import { admin } from "@/lib/i18n/ko/admin";
import type { AdminRoom } from "@/lib/queue/schemas";
import styles from "./room.module.css";

const t = admin.room;

function Reason() {
  return <TextAreaField name="reason" label={admin.reason.label} hint={admin.reason.hint} required maxLength={500} rows={2} />;
}

export function RoomSettingsForm({ action, concertId, room }: { action: FormAction<unknown>; concertId: string; room: AdminRoom }) {
  return (
    <ActionForm action={action} label={t.settingsTitle}>
      <input type="hidden" name="concertId" value={concertId} />
      <div className={styles.grid}>
        <TextField name="capacity" label={t.fields.capacity.label} inputMode="numeric" defaultValue={room.capacity} required />
        <TextField name="admissionRatePerMinute" label={t.fields.admissionRatePerMinute.label} inputMode="numeric" defaultValue={room.admissionRatePerMinute} required />
        <TextField name="admissionWindowSeconds" label={t.fields.admissionWindowSeconds.label} inputMode="numeric" defaultValue={room.admissionWindowSeconds} required />
        <TextField name="claimWindowSeconds" label={t.fields.claimWindowSeconds.label} inputMode="numeric" defaultValue={room.claimWindowSeconds} required />
      </div>
      <TextField name="opensAt" type="datetime-local" label={t.fields.opensAt.label} hint={t.fields.opensAt.hint} defaultValue={toKoreanDateTimeInput(room.opensAt)} required />
      <Reason />
      <div><SubmitButton label={t.save} pendingLabel={t.pending} /></div>
    </ActionForm>
  );
}

export function PauseForm({ action, concertId, isPaused }: { action: FormAction<unknown>; concertId: string; isPaused: boolean }) {
  return (
    <ActionForm action={action} label={t.pauseTitle}>
      <input type="hidden" name="concertId" value={concertId} />
      <input type="hidden" name="isPaused" value={isPaused ? "false" : "true"} />
      <Reason />
      <div><SubmitButton label={isPaused ? t.resume : t.pause} pendingLabel={t.pending} variant={isPaused ? "primary" : "danger"} /></div>
    </ActionForm>
  );
}

export function AdmitNowForm({ action, concertId }: { action: FormAction<unknown>; concertId: string }) {
  return (
    <ActionForm action={action} label={t.admitTitle}>
      <input type="hidden" name="concertId" value={concertId} />
      <TextField name="count" label={t.fields.count.label} inputMode="numeric" required />
      <Reason />
      <div><SubmitButton label={t.admit} pendingLabel={t.pending} /></div>
    </ActionForm>
  );
}
