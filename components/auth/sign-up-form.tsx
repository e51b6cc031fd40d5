"use client";

import { useState, type FormEvent } from "react";
import { AuthField } from "@/components/auth/auth-field";
import { EmailField, FormAlert, SubmitButton } from "@/components/auth/form-parts";
import { useAuthSubmit } from "@/components/auth/use-auth-submit";
import { auth as t } from "@/lib/i18n/ko/auth";
import styles from "./auth-form.module.css";

const FIELD_MESSAGES = { email: t.fields.email.invalid, password: t.fields.newPassword.invalid, name: t.fields.name.invalid };

export function SignUpForm({ next }: { next: string }) {
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const { submit, isPending, failure, alertRef, refFor } = useAuthSubmit<typeof values>({
    endpoint: "/api/auth/sign-up",
    next,
    fieldMessages: FIELD_MESSAGES,
    fieldOrder: ["name", "email", "password"],
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(values);
  };
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={isPending}>
      <FormAlert ref={alertRef} message={failure?.message} />
      <AuthField
        ref={refFor("name")}
        label={t.fields.name.label}
        hint={t.fields.name.hint}
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        value={values.name}
        onChange={(event) => setValues({ ...values, name: event.target.value })}
        error={failure?.fields.name}
      />
      <EmailField
        ref={refFor("email")}
        value={values.email}
        onChange={(email) => setValues({ ...values, email })}
        error={failure?.fields.email}
      />
      <AuthField
        ref={refFor("password")}
        label={t.fields.newPassword.label}
        hint={t.fields.newPassword.hint}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        minLength={8}
        value={values.password}
        onChange={(event) => setValues({ ...values, password: event.target.value })}
        error={failure?.fields.password}
      />
      <SubmitButton isPending={isPending} label={t.signUp.submit} pendingLabel={t.signUp.pending} />
    </form>
  );
}
