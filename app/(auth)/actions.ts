"use server";

import type { FormState } from "@/lib/actions/form-state";
import { publicFormAction } from "@/lib/actions/server-action";
import { signInForm, signUpForm } from "@/lib/auth/auth-forms";

const signIn = publicFormAction(signInForm);
const signUp = publicFormAction(signUpForm);

export async function signInAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return signIn(previous as FormState<never>, formData);
}

export async function signUpAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return signUp(previous as FormState<never>, formData);
}
