"use client";

import { createContext, use, useActionState, useEffect, useRef, type ReactNode } from "react";
import { initialFormState, IDEMPOTENCY_KEY_FIELD, type FormState } from "@/lib/actions/form-state";
import styles from "./forms.module.css";

type FormAction<Result> = (previous: FormState<Result>, formData: FormData) => Promise<FormState<Result>>;

const FormStateContext = createContext<FormState>(initialFormState);

/** The state of the enclosing ActionForm's last submit: its fields read their errors and values from it. */
export function useFormState(): FormState {
  return use(FormStateContext);
}

type Props<Result> = {
  action: FormAction<Result>;
  /** A money-changing form's Idempotency-Key, made on the server when the page was rendered. */
  idempotencyKey?: string;
  /** Accessible name of the form. */
  label?: string;
  className?: string;
  /** Runs once after a submit took effect (e.g. closes a dialog). */
  onDone?: (state: FormState<Result>) => void;
  children: ReactNode | ((state: FormState<Result>, isPending: boolean) => ReactNode);
};

/**
 * A form posted to a server action with React 19's useActionState: it works before the JavaScript
 * has loaded (the browser posts it, the server renders the result), keeps what was typed when the
 * action refuses it, puts each field's message beside it and moves focus to the first refused
 * field, else to the message above the form.
 */
export function ActionForm<Result>({ action, idempotencyKey, label, className, onDone, children }: Props<Result>) {
  const [state, formAction, isPending] = useActionState(action, initialFormState as FormState<Result>);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "idle") return;
    if (state.status === "done") {
      onDone?.(state);
      return;
    }
    const firstRefused = Object.keys(state.fieldErrors)[0];
    const field = firstRefused ? formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(firstRefused)}"]`) : null;
    (field ?? alertRef.current)?.focus();
    // Only when a new answer arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <FormStateContext value={state as FormState}>
      <form ref={formRef} action={formAction} className={className ?? styles.form} aria-label={label} aria-busy={isPending} noValidate>
        {idempotencyKey && <input type="hidden" name={IDEMPOTENCY_KEY_FIELD} value={state.nextIdempotencyKey ?? idempotencyKey} />}
        <FormMessage state={state} ref={alertRef} />
        {typeof children === "function" ? children(state, isPending) : children}
      </form>
    </FormStateContext>
  );
}

function FormMessage({ state, ref }: { state: FormState<unknown>; ref: React.Ref<HTMLDivElement> }) {
  return (
    <>
      <div ref={ref} tabIndex={-1} role="alert" className={state.formError ? `alert alert--error ${styles.message}` : styles.message}>
        {state.formError}
      </div>
      <div role="status" className={state.notice ? `alert alert--success ${styles.message}` : styles.message}>
        {state.notice}
      </div>
    </>
  );
}
