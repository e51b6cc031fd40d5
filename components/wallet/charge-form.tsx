"use client";

import { useId, useState, type FormEvent } from "react";
import { useChargeWallet } from "@/components/wallet/use-charge-wallet";
import { useSingleFlight } from "@/components/wallet/use-single-flight";
import { ApiError } from "@/lib/client/api";
import { wallet as t } from "@/lib/i18n/ko/wallet";
import { parseChargeAmount } from "@/lib/wallet/parse-charge-amount";
import styles from "./wallet.module.css";

const QUICK_AMOUNTS_WON = [10_000, 50_000, 100_000] as const;

function chargeErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === "REQUEST_IN_PROGRESS") return t.charge.errors.inProgress;
  if (error instanceof ApiError && error.code === "VALIDATION_FAILED") return t.charge.errors.notWhole;
  return t.charge.errors.failed;
}

/** Quick amounts or a custom amount; validated here with the API's bounds before anything is sent. */
export function ChargeForm() {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const charge = useChargeWallet({
    onCharged: (result, amount) => {
      setNotice(t.charge.success(amount, result.balance));
      setText("");
    },
  });
  const singleFlight = useSingleFlight();
  const ids = { input: useId(), hint: useId(), error: useId() };
  const parsed = parseChargeAmount(text);
  const amount = "amount" in parsed ? parsed.amount : null;
  const errorMessage = problem ?? (charge.isError ? chargeErrorMessage(charge.error) : null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if ("problem" in parsed) {
      setProblem(t.charge.errors[parsed.problem]);
      return;
    }
    setProblem(null);
    singleFlight(() => charge.mutateAsync(parsed.amount));
  };

  const choose = (quick: number) => {
    setText(String(quick));
    setProblem(null);
    charge.reset();
  };

  return (
    <form className={`card stack ${styles.chargeCard}`} onSubmit={onSubmit} noValidate aria-labelledby="charge-title">
      <h2 id="charge-title">{t.charge.title}</h2>
      <fieldset className={styles.quick}>
        <legend className={styles.quickLegend}>{t.charge.quickLegend}</legend>
        <div className={styles.quickButtons}>
          {QUICK_AMOUNTS_WON.map((quick) => (
            <button
              key={quick}
              type="button"
              className={`btn ${amount === quick ? "btn--primary" : ""}`}
              aria-pressed={amount === quick}
              aria-label={t.charge.quickLabel(quick)}
              onClick={() => choose(quick)}
            >
              {t.charge.quick(quick)}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.input}>{t.charge.customLabel}</label>
        <div className={styles.amountInput}>
          <input
            id={ids.input}
            className="input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t.charge.customPlaceholder}
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${ids.hint}${errorMessage ? ` ${ids.error}` : ""}`}
            onChange={(event) => {
              setText(event.target.value);
              setProblem(null);
            }}
          />
          <span className={styles.unit} aria-hidden="true">원</span>
        </div>
        <p id={ids.hint} className="field-hint">
          {amount !== null ? t.charge.preview(amount) : t.charge.customHint}
        </p>
        {errorMessage && (
          <p id={ids.error} className="field-error" role="alert">{errorMessage}</p>
        )}
      </div>
      <button type="submit" className="btn btn--primary btn--large btn--block" disabled={charge.isPending}>
        {charge.isPending ? (
          <>
            <span className="spinner" aria-hidden="true" /> {t.charge.pending}
          </>
        ) : amount !== null ? t.charge.submitAmount(amount) : t.charge.submit}
      </button>
      <div role="status" aria-live="polite">
        {notice && <p className="alert alert--success">{notice}</p>}
      </div>
    </form>
  );
}
