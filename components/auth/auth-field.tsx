"use client";

import { useId, useState, type InputHTMLAttributes, type Ref } from "react";
import { auth as t } from "@/lib/i18n/ko/auth";
import styles from "./auth-form.module.css";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> & {
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input whose hint and error are announced with it; passwords get a show/hide toggle. */
export function AuthField({ label, hint, error, type = "text", ref, ...input }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [isRevealed, setIsRevealed] = useState(false);
  const isPassword = type === "password";
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={styles.inputWrap}>
        <input
          {...input}
          ref={ref}
          id={id}
          type={isPassword && isRevealed ? "text" : type}
          className={`input ${isPassword ? styles.passwordInput : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {isPassword && (
          <button
            type="button"
            className={styles.reveal}
            onClick={() => setIsRevealed((value) => !value)}
            aria-pressed={isRevealed}
            aria-controls={id}
          >
            {isRevealed ? t.hidePassword : t.showPassword}
          </button>
        )}
      </div>
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {error && <p id={errorId} className="field-error">{error}</p>}
    </div>
  );
}
