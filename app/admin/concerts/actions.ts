"use server";

import { concertInput, concertUpdate, performanceInput, performanceUpdate, type AdminConcert } from "@/lib/admin/concert-input";
import { createConcert } from "@/lib/admin/create-concert";
import { createPerformance } from "@/lib/admin/create-performance";
import { updateConcert } from "@/lib/admin/update-concert";
import { updatePerformance } from "@/lib/admin/update-performance";
import { formKoreanDateTime, formNumber, type FormFields } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { formAction } from "@/lib/actions/server-action";
import { parseId } from "@/lib/http/request";
import { admin } from "@/lib/i18n/ko/admin";

const t = admin.concerts;

/** The price fields ("prices.VIP") as won per grade. */
function pricesOf(fields: FormFields): Record<string, unknown> {
  const prices = fields.prices && typeof fields.prices === "object" && !Array.isArray(fields.prices) ? fields.prices : {};
  return Object.fromEntries(Object.entries(prices).map(([grade, won]) => [grade, formNumber(won)]));
}

/** A datetime-local field as the API's instant; left out when blank (where the API allows that). */
function optionalTime(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : formKoreanDateTime(value);
}

const concertMessages = {
  title: t.fields.title.invalid,
  artist: t.fields.artist.invalid,
  description: t.fields.description.invalid,
  venueId: t.fields.venueId.invalid,
  prices: t.fields.prices,
  "prices.*": t.fields.priceInvalid,
  opensAt: t.fields.opensAt.invalid,
  reason: admin.reason.invalid,
};

const dateMessages = {
  startsAt: t.dateFields.startsAt.invalid,
  bookingOpensAt: t.dateFields.bookingOpensAt.invalid,
  bookingClosesAt: t.dateFields.bookingClosesAt.invalid,
  reason: admin.reason.invalid,
};

const createConcertForm = formAction({
  name: "admin.concert.create",
  access: "admin",
  schema: concertInput,
  toInput: (fields) => ({
    title: fields.title,
    artist: fields.artist,
    description: fields.description,
    venueId: fields.venueId,
    prices: pricesOf(fields),
    opensAt: optionalTime(fields.opensAt),
    reason: fields.reason,
  }),
  fieldMessages: concertMessages,
  run: ({ input, session, database }) => createConcert(database, { actorId: session.user.id, input }),
  redirectTo: (concert: AdminConcert) => `/admin/concerts/${concert.id}?created=1`,
});

const updateConcertForm = formAction({
  name: "admin.concert.update",
  access: "admin",
  schema: concertUpdate,
  toInput: (fields) => ({
    title: fields.title,
    artist: fields.artist,
    description: fields.description,
    prices: pricesOf(fields),
    reason: fields.reason,
  }),
  fieldMessages: concertMessages,
  errorMessages: { SEATS_SOLD: t.seatsSold },
  notice: t.saved,
  run: ({ input, session, database, fields }) =>
    updateConcert(database, { actorId: session.user.id, concertId: parseId(text(fields.concertId), "concert"), changes: input }),
});

const addPerformanceForm = formAction({
  name: "admin.performance.create",
  access: "admin",
  schema: performanceInput,
  toInput: (fields) => ({
    startsAt: formKoreanDateTime(fields.startsAt),
    bookingOpensAt: formKoreanDateTime(fields.bookingOpensAt),
    bookingClosesAt: formKoreanDateTime(fields.bookingClosesAt),
    reason: fields.reason,
  }),
  fieldMessages: dateMessages,
  notice: t.dateAdded,
  run: ({ input, session, database, fields }) =>
    createPerformance(database, { actorId: session.user.id, concertId: parseId(text(fields.concertId), "concert"), input }),
});

const updatePerformanceForm = formAction({
  name: "admin.performance.update",
  access: "admin",
  schema: performanceUpdate,
  // A date with seats sold shows its start disabled: the browser sends no startsAt, and the start stays.
  toInput: (fields) => ({
    startsAt: optionalTime(fields.startsAt),
    bookingOpensAt: optionalTime(fields.bookingOpensAt),
    bookingClosesAt: optionalTime(fields.bookingClosesAt),
    reason: fields.reason,
  }),
  fieldMessages: dateMessages,
  errorMessages: { SEATS_SOLD: t.dateSeatsSold },
  notice: t.dateSaved,
  run: ({ input, session, database, fields }) =>
    updatePerformance(database, { actorId: session.user.id, performanceId: parseId(text(fields.performanceId), "performance"), changes: input }),
});

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export async function createConcertAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return createConcertForm(previous as FormState<AdminConcert>, formData);
}

export async function updateConcertAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return updateConcertForm(previous as FormState<AdminConcert>, formData);
}

export async function addPerformanceAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return addPerformanceForm(previous as FormState<never>, formData);
}

export async function updatePerformanceAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return updatePerformanceForm(previous as FormState<never>, formData);
}
