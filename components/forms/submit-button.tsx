"use client";

import { useFormStatus } from "react-dom";
import { forms } from "@/lib/i18n/ko/forms";

/** The form's submit button: busy and disabled while its action runs, so one click is one submit. */
export function SubmitButton({ label, pendingLabel = forms.pending, variant = "primary", isBlock = false, name, value }: {
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "accent" | "danger";
  isBlock?: boolean;
  /** Sent with the form when this button submits it (which of a list's items the submit is for). */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} className={`btn btn--${variant} ${isBlock ? "btn--block" : ""}`} disabled={pending} aria-disabled={pending || undefined}>
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {pendingLabel}
        </>
      ) : (
        label
      )}
    </button>
  );
}
