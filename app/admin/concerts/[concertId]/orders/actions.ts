"use server";

import type { FormState } from "@/lib/actions/form-state";
import { idempotentFormAction } from "@/lib/actions/server-action";
import { refundPaymentForm } from "@/lib/refunds/refund-payment-form";

const submit = idempotentFormAction(refundPaymentForm);

/** An operator's refund of what is left of an order, from the orders list or the order's page. */
export async function refundOrderAction(previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> {
  return submit(previous as FormState<never>, formData);
}
