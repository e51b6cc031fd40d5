"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useFormState } from "@/components/forms/action-form";
import styles from "./forms.module.css";

type Common = { name: string; label: string; hint?: string; className?: string };

/** The label, hint and error of one field, wired to it for assistive tech. */
function FieldFrame({ name, label, hint, className, children }: Common & { children: (ids: FieldIds) => ReactNode }) {
  const id = useId();
  const state = useFormState();
  const error = state.fieldErrors[name];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, isInvalid: Boolean(error) })}
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {error && <p id={errorId} className="field-error">{error}</p>}
    </div>
  );
}

type FieldIds = { id: string; describedBy: string | undefined; isInvalid: boolean };

/** What the field shows: what was typed before a refusal, else the value it was rendered with. */
function useShownValue(name: string, defaultValue: unknown): string | undefined {
  const state = useFormState();
  return state.values[name] ?? (defaultValue === undefined || defaultValue === null ? undefined : String(defaultValue));
}

export function TextField({ name, label, hint, className, defaultValue, ...input }: Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className" | "value" | "defaultValue"> & { defaultValue?: string | number | null }) {
  const shown = useShownValue(name, defaultValue);
  return (
    <FieldFrame name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, isInvalid }) => (
        <input
          {...input}
          // A new value after a refusal re-mounts the input, so what was typed shows again even after React resets the form.
          key={shown}
          id={id}
          name={name}
          defaultValue={shown}
          className="input"
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, hint, className, defaultValue, ...textarea }: Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className" | "value" | "defaultValue"> & { defaultValue?: string | null }) {
  const shown = useShownValue(name, defaultValue);
  return (
    <FieldFrame name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, isInvalid }) => (
        <textarea
          {...textarea}
          key={shown}
          id={id}
          name={name}
          defaultValue={shown}
          className={`input ${styles.textarea}`}
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({ name, label, hint, className, defaultValue, options, ...select }: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "className" | "value" | "defaultValue"> & {
    defaultValue?: string | null;
    options: { value: string; label: string }[];
  }) {
  const shown = useShownValue(name, defaultValue);
  return (
    <FieldFrame name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, isInvalid }) => (
        <select
          {...select}
          key={shown}
          id={id}
          name={name}
          defaultValue={shown}
          className="input"
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
