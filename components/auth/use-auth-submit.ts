"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { describeAuthFailure, type AuthFieldName } from "@/components/auth/auth-error";
import { apiFetch } from "@/lib/client/api";
import { landingAfterSignIn } from "@/lib/auth/safe-next-path";

/**
 * Posts the form to an auth endpoint; on success goes to `next` and refreshes
 * the server components so the header shows the signed-in user. The values
 * stay in the form's state, so nothing typed is lost when the API refuses.
 */
export function useAuthSubmit<Values extends Partial<Record<AuthFieldName, string>>>(options: {
  endpoint: "/api/auth/sign-in" | "/api/auth/sign-up";
  next: string;
  fieldMessages: Record<AuthFieldName, string>;
  fieldOrder: AuthFieldName[];
}) {
  const router = useRouter();
  const alertRef = useRef<HTMLDivElement>(null);
  const fieldRefs = useRef<Partial<Record<AuthFieldName, HTMLInputElement | null>>>({});
  const mutation = useMutation({
    mutationFn: (values: Values) => apiFetch<{ user: { id: string; role: string } }>(options.endpoint, { method: "POST", body: values }),
    onSuccess: ({ user }) => {
      router.replace(landingAfterSignIn(user.role, options.next));
      router.refresh();
    },
  });
  const failure = mutation.error ? describeAuthFailure(mutation.error, options.fieldMessages) : null;

  // Move focus to the first refused field, else to the message, so the error is noticed.
  useEffect(() => {
    if (!failure) return;
    const firstInvalid = options.fieldOrder.find((name) => failure.fields[name]);
    (firstInvalid ? fieldRefs.current[firstInvalid] : alertRef.current)?.focus();
    // Only when a new error arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mutation.error]);

  const refFor = (name: AuthFieldName) => (element: HTMLInputElement | null) => {
    fieldRefs.current[name] = element;
  };

  return {
    submit: (values: Values) => mutation.mutate(values),
    // Pending until the next page has replaced this one, so nobody submits twice.
    isPending: mutation.isPending || mutation.isSuccess,
    failure,
    alertRef,
    refFor,
  };
}
