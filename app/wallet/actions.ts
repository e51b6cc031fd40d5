"use server";

import type { FormState } from "@/lib/actions/form-state";
import { idempotentFormAction } from "@/lib/actions/server-action";
import { chargeForm } from "@/lib/wallet/charge-form";

const submit = idempotentFormAction(chargeForm);

export async function chargeWalletAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return submit(previous as FormState<never>, formData);
}
