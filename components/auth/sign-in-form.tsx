"use client";

import { useState } from "react";
import { AuthField } from "@/components/auth/auth-field";
import { EmailField, SubmitButton } from "@/components/auth/form-parts";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/server-action";
import type { FormState } from "@/lib/actions/form-state";
import { auth as t } from "@/lib/i18n/ko/auth";
import styles from "./auth-form.module.css";

/**
 * Posted to the sign-in server action, so it works before the JavaScript has loaded. The fields
 * are controlled, so what was typed (the password too, in this browser only) stays after a refusal.
 */
export function SignInForm({ action, next }: { action: FormAction<unknown>; next: string }) {
  return (
    <ActionForm action={action} className={styles.form} label={t.signIn.title}>
      {(state, isPending) => <SignInFields state={state} isPending={isPending} next={next} />}
    </ActionForm>
  );
}

function SignInFields({ state, isPending, next }: { state: FormState<unknown>; isPending: boolean; next: string }) {
  const [email, setEmail] = useState(state.values.email ?? "");
  const [password, setPassword] = useState("");
  return (
    <>
      <input type="hidden" name="next" value={next} />
      <EmailField value={email} onChange={setEmail} error={state.fieldErrors.email} />
      <AuthField
        label={t.fields.password.label}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={state.fieldErrors.password}
      />
      <SubmitButton isPending={isPending} label={t.signIn.submit} pendingLabel={t.signIn.pending} />
    </>
  );
}
