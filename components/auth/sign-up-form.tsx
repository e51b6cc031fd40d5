"use client";

import { useState } from "react";
import { AuthField } from "@/components/auth/auth-field";
import { EmailField, SubmitButton } from "@/components/auth/form-parts";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/server-action";
import type { FormState } from "@/lib/actions/form-state";
import { auth as t } from "@/lib/i18n/ko/auth";
import styles from "./auth-form.module.css";

/** Posted to the sign-up server action, so it works before the JavaScript has loaded; what was typed stays after a refusal. */
export function SignUpForm({ action, next }: { action: FormAction<unknown>; next: string }) {
  return (
    <ActionForm action={action} className={styles.form} label={t.signUp.title}>
      {(state, isPending) => <SignUpFields state={state} isPending={isPending} next={next} />}
    </ActionForm>
  );
}

function SignUpFields({ state, isPending, next }: { state: FormState<unknown>; isPending: boolean; next: string }) {
  const [name, setName] = useState(state.values.name ?? "");
  const [email, setEmail] = useState(state.values.email ?? "");
  const [password, setPassword] = useState("");
  return (
    <>
      <input type="hidden" name="next" value={next} />
      <AuthField
        label={t.fields.name.label}
        hint={t.fields.name.hint}
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={state.fieldErrors.name}
      />
      <EmailField value={email} onChange={setEmail} error={state.fieldErrors.email} />
      <AuthField
        label={t.fields.newPassword.label}
        hint={t.fields.newPassword.hint}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        minLength={8}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={state.fieldErrors.password}
      />
      <SubmitButton isPending={isPending} label={t.signUp.submit} pendingLabel={t.signUp.pending} />
    </>
  );
}
