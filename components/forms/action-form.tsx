"use client";

import { createContext, use, useActionState, useEffect, useRef, type ReactNode, type RefObject } from "react";
import { initialFormState, IDEMPOTENCY_KEY_FIELD, type FormState } from "@/lib/actions/form-state";
import styles from "./forms.module.css";

type FormAction<Result> = (previous: FormState<Result>, formData: FormData) => Promise<FormState<Result>>;

type FormContext = { state: FormState; formErrorRef: RefObject<HTMLElement | null> };

const FormStateContext = createContext<FormContext>({ state: initialFormState, formErrorRef: { current: null } });

/** The state of the enclosing ActionForm's last submit: its fields read their errors and values from it. */
export function useFormState(): FormState {
  return use(FormStateContext).state;
}

type Props<Result> = {
  action: FormAction<Result>;
  /** A money-changing form's Idempotency-Key, made on the server when the page was rendered. */
  idempotencyKey?: string;
  /** Accessible name of the form. */
  label?: string;
  className?: string;
  /**
   * The children say a refusal themselves, with <FormError /> where it belongs (beside the item of
   * a list it concerns); else it is said above the form.
   */
  hasFormErrorInChildren?: boolean;
  /** Runs once after a submit took effect (e.g. closes a dialog). */
  onDone?: (state: FormState<Result>) => void;
  children: ReactNode | ((state: FormState<Result>, isPending: boolean) => ReactNode);
};

/**
 * A form posted to a server action with React 19's useActionState: it works before the JavaScript
 * has loaded (the browser posts it, the server renders the result), keeps what was typed when the
 * action refuses it, puts each field's message beside it and moves focus to the first refused
 * field, else to the refusal's message. After a submit that took effect, when what had the focus
 * left the page with it (the refunded order's form, the cancelled ticket), the notice takes it.
 */
export function ActionForm<Result>({ action, idempotencyKey, label, className, hasFormErrorInChildren, onDone, children }: Props<Result>) {
  const [state, formAction, isPending] = useActionState(action, initialFormState as FormState<Result>);
  const formRef = useRef<HTMLFormElement>(null);
  const formErrorRef = useRef<HTMLElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "idle") return;
    if (state.status === "done") {
      onDone?.(state);
      if (hasLostFocus()) noticeRef.current?.focus();
      return;
    }
    const firstRefused = Object.keys(state.fieldErrors)[0];
    const field = firstRefused ? formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(firstRefused)}"]`) : null;
    (field ?? formErrorRef.current)?.focus();
    // Only when a new answer arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <FormStateContext value={{ state: state as FormState, formErrorRef }}>
      <form ref={formRef} action={formAction} className={className ?? styles.form} aria-label={label} aria-busy={isPending} noValidate>
        {idempotencyKey && <input type="hidden" name={IDEMPOTENCY_KEY_FIELD} value={state.nextIdempotencyKey ?? idempotencyKey} />}
        {!hasFormErrorInChildren && (
          <div ref={formErrorRef as RefObject<HTMLDivElement>} tabIndex={-1} role="alert" className={state.formError ? `alert alert--error ${styles.message}` : styles.message}>
            {state.formError}
          </div>
        )}
        <div ref={noticeRef} tabIndex={-1} role="status" className={state.notice ? `alert alert--success ${styles.message}` : styles.message}>
          {state.notice}
        </div>
        {typeof children === "function" ? children(state, isPending) : children}
      </form>
    </FormStateContext>
  );
}

/** Focus fell back to the page when the element that had it was removed. */
function hasLostFocus(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * The refusal of the enclosing ActionForm's last submit, where the children place it (with
 * hasFormErrorInChildren): rendered once, only where it is placed, and said by moving focus to it
 * (no live role as well, which would have it read twice).
 */
export function FormError({ className }: { className?: string }) {
  const { state, formErrorRef } = use(FormStateContext);
  if (!state.formError) return null;
  return (
    <p ref={formErrorRef as RefObject<HTMLParagraphElement>} tabIndex={-1} className={`alert alert--error small ${styles.message} ${className ?? ""}`}>
      {state.formError}
    </p>
  );
}
