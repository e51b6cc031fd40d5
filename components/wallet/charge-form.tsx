"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { walletKeys } from "@/components/wallet/wallet-queries";
import type { FormAction } from "@/lib/actions/server-action";
import type { FormState } from "@/lib/actions/form-state";
import { wallet as t } from "@/lib/i18n/ko/wallet";
import { parseChargeAmount } from "@/lib/wallet/parse-charge-amount";
import type { ChargeResponse } from "@/lib/wallet/schemas";
import styles from "./wallet.module.css";

const QUICK_AMOUNTS_WON = [10_000, 50_000, 100_000] as const;

/**
 * Quick amounts or a custom amount, posted to the charge server action with the Idempotency-Key
 * the page was rendered with: it works before the JavaScript has loaded, and a double submit
 * charges once. The server validates with the API's schema; a refusal keeps what was typed.
 */
export function ChargeForm({ action, idempotencyKey }: { action: FormAction<unknown>; idempotencyKey: string }) {
  const queryClient = useQueryClient();
  const onCharged = (state: FormState<unknown>) => {
    const result = state.result as ChargeResponse;
    queryClient.setQueryData(walletKeys.balance(), result.balance);
    void queryClient.invalidateQueries({ queryKey: walletKeys.entries() });
  };
  return (
    <section className={`card stack ${styles.chargeCard}`} aria-labelledby="charge-title">
      <h2 id="charge-title">{t.charge.title}</h2>
      <ActionForm action={action} idempotencyKey={idempotencyKey} className="stack" label={t.charge.title} onDone={onCharged}>
        {(state) => <ChargeFields key={state.status === "done" ? state.nextIdempotencyKey : "typing"} state={state} />}
      </ActionForm>
    </section>
  );
}

/** Re-mounted empty after each charge that took effect (its key is the next charge's key). */
function ChargeFields({ state }: { state: FormState<unknown> }) {
  const [text, setText] = useState(state.values.amount ?? "");
  const ids = { input: useId(), hint: useId(), error: useId() };
  const parsed = parseChargeAmount(text);
  const amount = "amount" in parsed ? parsed.amount : null;
  const error = state.fieldErrors.amount;
  return (
    <>
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
              onClick={() => setText(String(quick))}
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
            name="amount"
            className="input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t.charge.customPlaceholder}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ""}`}
            onChange={(event) => setText(event.target.value)}
          />
          <span className={styles.unit} aria-hidden="true">원</span>
        </div>
        <p id={ids.hint} className="field-hint">
          {amount !== null ? t.charge.preview(amount) : t.charge.customHint}
        </p>
        {error && <p id={ids.error} className="field-error">{error}</p>}
      </div>
      <SubmitButton label={amount !== null ? t.charge.submitAmount(amount) : t.charge.submit} pendingLabel={t.charge.pending} isBlock />
    </>
  );
}
