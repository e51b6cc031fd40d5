"use server";

import type { FormState } from "@/lib/actions/form-state";
import { idempotentFormAction } from "@/lib/actions/server-action";
import { cancelTicketForm } from "@/lib/refunds/cancel-ticket-form";

const submit = idempotentFormAction(cancelTicketForm);

export async function cancelTicketAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return submit(previous as FormState<never>, formData);
}
