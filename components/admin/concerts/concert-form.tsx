"use client";

import { useState } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormAction } from "@/lib/actions/server-action";
import type { AdminConcert } from "@/lib/admin/concert-input";
import { admin } from "@/lib/i18n/ko/admin";

const t = admin.concerts;

export type VenueChoice = { id: string; name: string; grades: string[]; totalSeats: number };

/** A new concert (venue and prices of its grades, the room's opening) or an existing one's details and prices. */
export function ConcertForm({ action, venues, concert }: { action: FormAction<unknown>; venues?: VenueChoice[]; concert?: AdminConcert }) {
  return (
    <ActionForm action={action} label={concert ? t.editTitle : t.newTitle}>
      {concert && <input type="hidden" name="concertId" value={concert.id} />}
      <TextField name="title" label={t.fields.title.label} defaultValue={concert?.title} required maxLength={200} autoComplete="off" />
      <TextField name="artist" label={t.fields.artist.label} defaultValue={concert?.artist} required maxLength={200} autoComplete="off" />
      <TextAreaField name="description" label={t.fields.description.label} defaultValue={concert?.description} maxLength={5000} rows={3} />
      {concert ? <PriceFields grades={Object.keys(concert.prices)} prices={concert.prices} /> : <VenueAndPrices venues={venues ?? []} />}
      {!concert && (
        <TextField name="opensAt" type="datetime-local" label={t.fields.opensAt.label} hint={t.fields.opensAt.hint} />
      )}
      <TextAreaField name="reason" label={admin.reason.label} hint={admin.reason.hint} required maxLength={500} rows={2} />
      <div><SubmitButton label={concert ? t.submitSave : t.submitCreate} pendingLabel={t.pending} /></div>
    </ActionForm>
  );
}

/** The venue picker and a price for each of the picked venue's grades. */
function VenueAndPrices({ venues }: { venues: VenueChoice[] }) {
  const state = useFormState();
  const firstVenueId = state.values.venueId ?? venues[0]?.id ?? "";
  const [venueId, setVenueId] = useState(firstVenueId);
  const venue = venues.find((candidate) => candidate.id === venueId);
  return (
    <>
      <SelectField
        name="venueId"
        label={t.fields.venueId.label}
        defaultValue={firstVenueId}
        onChange={(event) => setVenueId(event.target.value)}
        options={venues.map((choice) => ({ value: choice.id, label: `${choice.name} (${admin.venues.seats(choice.totalSeats)})` }))}
      />
      {venue && <PriceFields key={venue.id} grades={venue.grades} />}
    </>
  );
}

function PriceFields({ grades, prices }: { grades: string[]; prices?: Record<string, number> }) {
  const state = useFormState();
  return (
    <fieldset className="stack">
      <legend><strong>{t.fields.prices}</strong></legend>
      {state.fieldErrors.prices && <p className="field-error">{state.fieldErrors.prices}</p>}
      {grades.map((grade) => (
        <TextField
          key={grade}
          name={`prices.${grade}`}
          label={t.fields.price(grade)}
          inputMode="numeric"
          defaultValue={prices?.[grade]}
          required
          autoComplete="off"
        />
      ))}
    </fieldset>
  );
}
