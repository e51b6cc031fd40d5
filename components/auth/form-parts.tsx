"use client";

import type { Ref } from "react";
import { AuthField } from "@/components/auth/auth-field";
import { auth } from "@/lib/i18n/ko/auth";

export function SubmitButton({ isPending, label, pendingLabel }: { isPending: boolean; label: string; pendingLabel: string }) {
  return (
    <button type="submit" className="btn btn--primary btn--large btn--block" disabled={isPending}>
      {isPending ? (
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

/** The email field, the same on both forms. */
export function EmailField({ value, onChange, error, ref }: {
  value: string;
  onChange: (email: string) => void;
  error: string | undefined;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <AuthField
      ref={ref}
      label={auth.fields.email.label}
      type="email"
      name="email"
      autoComplete="email"
      inputMode="email"
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}
