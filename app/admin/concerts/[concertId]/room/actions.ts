"use server";

import { formKoreanDateTime, formNumber, type FormFields } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { formAction } from "@/lib/actions/server-action";
import { parseId } from "@/lib/http/request";
import { admin } from "@/lib/i18n/ko/admin";
import { admitNow } from "@/lib/queue/admit-now";
import { admitNowInput, roomSettingsUpdate, type AdminRoom } from "@/lib/queue/schemas";
import { updateRoomSettings } from "@/lib/queue/update-room-settings";

const t = admin.room;

function concertIdOf(fields: FormFields): string {
  return parseId(typeof fields.concertId === "string" ? fields.concertId : undefined, "concert");
}

const settingsForm = formAction({
  name: "admin.room.update",
  access: "admin",
  schema: roomSettingsUpdate,
  toInput: (fields) => ({
    capacity: formNumber(fields.capacity),
    admissionRatePerMinute: formNumber(fields.admissionRatePerMinute),
    admissionWindowSeconds: formNumber(fields.admissionWindowSeconds),
    claimWindowSeconds: formNumber(fields.claimWindowSeconds),
    opensAt: formKoreanDateTime(fields.opensAt),
    reason: fields.reason,
  }),
  fieldMessages: {
    capacity: t.fields.capacity.invalid,
    admissionRatePerMinute: t.fields.admissionRatePerMinute.invalid,
    admissionWindowSeconds: t.fields.admissionWindowSeconds.invalid,
    claimWindowSeconds: t.fields.claimWindowSeconds.invalid,
    opensAt: t.fields.opensAt.invalid,
    reason: admin.reason.invalid,
  },
  notice: t.saved,
  run: ({ input, session, database, fields }) => updateRoomSettings(database, { actorId: session.user.id, concertId: concertIdOf(fields), changes: input }),
});

/** Pause and resume are the same PATCH with isPaused, as the API has it. */
const pauseForm = formAction({
  name: "admin.room.pause",
  access: "admin",
  schema: roomSettingsUpdate,
  toInput: (fields) => ({ isPaused: fields.isPaused === "true" ? true : fields.isPaused === "false" ? false : fields.isPaused, reason: fields.reason }),
  fieldMessages: { reason: admin.reason.invalid },
  notice: (room: AdminRoom) => (room.isPaused ? t.pausedNotice : t.resumedNotice),
  run: ({ input, session, database, fields }) => updateRoomSettings(database, { actorId: session.user.id, concertId: concertIdOf(fields), changes: input }),
});

const admitForm = formAction({
  name: "admin.room.admit",
  access: "admin",
  schema: admitNowInput,
  toInput: (fields) => ({ count: formNumber(fields.count), reason: fields.reason }),
  fieldMessages: { count: t.fields.count.invalid, reason: admin.reason.invalid },
  notice: (result: { admitted: number }) => t.admittedNotice(result.admitted),
  run: ({ input, session, database, fields }) => admitNow(database, { actorId: session.user.id, concertId: concertIdOf(fields), input }),
});

export async function updateRoomAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return settingsForm(previous as FormState<never>, formData);
}

export async function pauseRoomAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return pauseForm(previous as FormState<never>, formData);
}

export async function admitNowAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return admitForm(previous as FormState<never>, formData);
}
