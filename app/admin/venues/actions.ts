"use server";

import { formAction } from "@/lib/actions/server-action";
import { formNumber, type FormFields } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { admin } from "@/lib/i18n/ko/admin";
import { createVenue } from "@/lib/venues/create-venue";
import { venueInput, type Venue } from "@/lib/venues/venue-input";

const t = admin.venues;
const PLACEMENT = ["x", "y", "width", "height"] as const;

/** A section row of the form as the API's section: numbers as numbers, its box only when any of it is given. */
function sectionInput(row: FormFields): Record<string, unknown> {
  const text = (name: string) => (typeof row[name] === "string" ? (row[name] as string) : "");
  const hasBox = PLACEMENT.some((name) => text(name).trim() !== "");
  return {
    name: text("name"),
    grade: text("grade"),
    rows: formNumber(text("rows")),
    seatsPerRow: formNumber(text("seatsPerRow")),
    ...(hasBox ? Object.fromEntries(PLACEMENT.map((name) => [name, formNumber(text(name))])) : {}),
  };
}

function isBlank(row: FormFields): boolean {
  return Object.values(row).every((value) => typeof value !== "string" || value.trim() === "");
}

const createVenueForm = formAction({
  name: "admin.venue.create",
  access: "admin",
  schema: venueInput,
  toInput: (fields) => {
    const rows = Array.isArray(fields.sections) ? (fields.sections as FormFields[]) : [];
    // Blank rows at the end (a row added and left empty) are not sections; the indices of the others stay.
    while (rows.length > 0 && isBlank(rows.at(-1)!)) rows.pop();
    return { name: fields.name, reason: fields.reason, sections: rows.map(sectionInput) };
  },
  fieldMessages: {
    name: t.fields.name.invalid,
    reason: admin.reason.invalid,
    sections: t.fields.sections,
    "sections.*.name": t.fields.sectionName.invalid,
    "sections.*.grade": t.fields.grade.invalid,
    "sections.*.rows": t.fields.rows.invalid,
    "sections.*.seatsPerRow": t.fields.seatsPerRow.invalid,
    "sections.*.x": t.fields.x.invalid,
    "sections.*.y": t.fields.x.invalid,
    "sections.*.width": t.fields.x.invalid,
    "sections.*.height": t.fields.x.invalid,
  },
  run: ({ input, session, database }) => createVenue(database, { actorId: session.user.id, input }),
  redirectTo: (venue: Venue) => `/admin/venues?created=${venue.id}`,
});

/** The venue builder's submit (POST /api/admin/venues for the console). */
export async function createVenueAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return createVenueForm(previous as FormState<Venue>, formData);
}
