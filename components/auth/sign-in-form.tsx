"use client";

import { useState, type FormEvent } from "react";
import { AuthField } from "@/components/auth/auth-field";
import { EmailField, FormAlert, SubmitButton } from "@/components/auth/form-parts";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";
import { auth as t } from "@/lib/i18n/ko/auth";
import styles from "./auth-form.module.css";

const FIELD_MESSAGES = { email: t.fields.email.invalid, password: t.fields.password.invalid, name: t.fields.name.invalid };

export function SignInForm({ next }: { next: string }) {
  const [values, setValues] = useState({ email: "", password: "" });
  const { submit, isPending, failure, alertRef, refFor } = useAuthSubmit<typeof values>({
    endpoint: "/api/auth/sign-in",
    next,
    fieldMessages: FIELD_MESSAGES,
    fieldOrder: ["email", "password"],
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(values);
  };
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={isPending}>
      <FormAlert ref={alertRef} message={failure?.message} />
      <EmailField
        ref={refFor("email")}
        value={values.email}
        onChange={(email) => setValues({ ...values, email })}
        error={failure?.fields.email}
      />
      <AuthField
        ref={refFor("password")}
        label={t.fields.password.label}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={values.password}
        onChange={(event) => setValues({ ...values, password: event.target.value })}
        error={failure?.fields.password}
      />
      <SubmitButton isPending={isPending} label={t.signIn.submit} pendingLabel={t.signIn.pending} />
    </form>
  );
}
