import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runFormAction, type IdempotentFormAction, type PlainFormAction } from "@/lib/actions/form-action";
import { formNumber } from "@/lib/actions/form-fields";
import { IDEMPOTENCY_KEY_FIELD } from "@/lib/actions/form-state";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forms } from "@/lib/i18n/ko/forms";
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { chargeWallet } from "@/lib/wallet/charge-wallet";
import { getWalletBalance } from "@/lib/wallet/get-wallet-balance";
import { listWalletEntries } from "@/lib/wallet/list-wallet-entries";
import { chargeInput } from "@/lib/wallet/schemas";

/** The value of the session cookie sign-in would set for a new user of that role. */
async function signedIn(role: "FAN" | "ADMIN") {
  const user = await createUser(db(), { role });
  const pair = await sessionCookieFor(db(), user.id);
  return { ...user, sessionCookie: decodeURIComponent(pair.slice(`${SESSION_COOKIE}=`.length)) };
}

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

/** A charge form as the wallet page's: the charge route's schema, its domain function, a key per form. */
const chargeForm: IdempotentFormAction<typeof chargeInput, Awaited<ReturnType<typeof chargeWallet>>> = {
  name: "test.wallet.charge",
  access: "session",
  isIdempotent: true,
  schema: chargeInput,
  toInput: (fields) => ({ amount: formNumber(fields.amount) }),
  fieldMessages: { amount: "1원부터 1,000,000원까지 입력해 주세요." },
  notice: (result) => `충전했습니다. 잔액 ${result.balance}원`,
  run: ({ input, session, tx }) => chargeWallet(tx, { userId: session.user.id, amount: input.amount }),
};

/** An operator form with rows, counting how often its domain step ran. */
function sectionsForm() {
  const runs: unknown[] = [];
  const definition: PlainFormAction<z.ZodType<{ name: string; secret: string; sections: { rows: number }[] }>, { ok: true }> = {
    name: "test.admin.sections",
    access: "admin",
    schema: z.object({
      name: z.string().min(1),
      secret: z.string(),
      sections: z.array(z.object({ rows: z.number().int().min(1) })).min(1),
    }),
    toInput: (fields) => ({
      ...fields,
      sections: Array.isArray(fields.sections) ? fields.sections.map((row) => ({ rows: formNumber((row as { rows?: string }).rows) })) : [],
    }),
    fieldMessages: { name: "이름을 입력해 주세요.", "sections.*.rows": "열 수는 1 이상이어야 합니다." },
    secretFields: ["secret"],
    errorMessages: { CONFLICT: "같은 이름이 이미 있습니다." },
    notice: "저장했습니다.",
    run: async ({ input }) => {
      runs.push(input);
      if (input.name === "taken") throw new AppError("CONFLICT", "That already exists.");
      return { ok: true as const };
    },
  };
  return { definition, runs };
}

const goodSections = { name: "올림픽홀", secret: "s3cret", "sections.0.rows": "10", "sections.1.rows": "5" };

describe("runFormAction: who may submit", () => {
  it("refuses a submit without a session with a form error, runs nothing and keeps what was typed", async () => {
    const { definition, runs } = sectionsForm();
    const { state } = await runFormAction(definition, { formData: form(goodSections), sessionCookie: undefined });
    expect(state).toMatchObject({ status: "failed", formError: forms.signedOut, result: null });
    expect(state.values).toEqual({ name: "올림픽홀", "sections.0.rows": "10", "sections.1.rows": "5" });
    expect(runs).toEqual([]);
  });

  it("refuses a forged or ended session the same way", async () => {
    const { definition, runs } = sectionsForm();
    const { state } = await runFormAction(definition, { formData: form(goodSections), sessionCookie: "Fe26.2**forged" });
    expect(state.formError).toBe(forms.signedOut);
    expect(runs).toEqual([]);
  });

  it("refuses a fan on an operator form without running it or answering any data", async () => {
    const { definition, runs } = sectionsForm();
    const fan = await signedIn("FAN");
    const { state } = await runFormAction(definition, { formData: form(goodSections), sessionCookie: fan.sessionCookie });
    expect(state).toMatchObject({ status: "failed", formError: forms.operatorsOnly, result: null, notice: null });
    expect(runs).toEqual([]);
  });

  it("runs an operator's submit with the input the schema parsed", async () => {
    const { definition, runs } = sectionsForm();
    const operator = await signedIn("ADMIN");
    const { state } = await runFormAction(definition, { formData: form(goodSections), sessionCookie: operator.sessionCookie });
    expect(state).toMatchObject({ status: "done", formError: null, notice: "저장했습니다.", result: { ok: true }, values: {} });
    expect(runs).toEqual([{ name: "올림픽홀", secret: "s3cret", sections: [{ rows: 10 }, { rows: 5 }] }]);
    expect(state.nextIdempotencyKey).toBeNull();
  });
});

describe("runFormAction: refusals shown in the form", () => {
  it("puts each refused field's Korean message beside it, by row, and never sends a secret back", async () => {
    const { definition, runs } = sectionsForm();
    const operator = await signedIn("ADMIN");
    const submitted = { ...goodSections, name: "", "sections.1.rows": "다섯" };
    const { state } = await runFormAction(definition, { formData: form(submitted), sessionCookie: operator.sessionCookie });
    expect(state.status).toBe("invalid");
    expect(state.formError).toBe(forms.summary);
    expect(state.fieldErrors).toEqual({ name: "이름을 입력해 주세요.", "sections.1.rows": "열 수는 1 이상이어야 합니다." });
    expect(state.values).toEqual({ name: "", "sections.0.rows": "10", "sections.1.rows": "다섯" });
    expect(runs).toEqual([]);
  });

  it("words a domain refusal as the form says it, else in the general words", async () => {
    const { definition } = sectionsForm();
    const operator = await signedIn("ADMIN");
    const taken = await runFormAction(definition, { formData: form({ ...goodSections, name: "taken" }), sessionCookie: operator.sessionCookie });
    expect(taken.state).toMatchObject({ status: "failed", formError: "같은 이름이 이미 있습니다.", fieldErrors: {} });
    expect(taken.state.values.name).toBe("taken");
    const fan = await signedIn("FAN");
    const tooMuch = await runFormAction(chargeForm, {
      formData: form({ amount: "1000001", [IDEMPOTENCY_KEY_FIELD]: randomUUID() }),
      sessionCookie: fan.sessionCookie,
    });
    expect(tooMuch.state.fieldErrors).toEqual({ amount: "1원부터 1,000,000원까지 입력해 주세요." });
    expect(await getWalletBalance(db(), { userId: fan.id })).toBe(0);
  });
});

describe("runFormAction: a money-changing form", () => {
  it("has one effect when the same form is submitted many times at once, and every submit shows it", async () => {
    const fan = await signedIn("FAN");
    const key = randomUUID();
    const submits = await Promise.all(
      Array.from({ length: 12 }, () =>
        runFormAction(chargeForm, { formData: form({ amount: "30,000", [IDEMPOTENCY_KEY_FIELD]: key }), sessionCookie: fan.sessionCookie }),
      ),
    );
    expect(await getWalletBalance(db(), { userId: fan.id })).toBe(30_000);
    expect((await listWalletEntries(db(), { userId: fan.id })).entries).toHaveLength(1);
    const shown = submits.filter(({ state }) => state.status === "done");
    // A duplicate that outwaits the first's transaction says "still in progress"; none charges again.
    const waiting = submits.filter(({ state }) => state.formError === forms.errors.REQUEST_IN_PROGRESS);
    expect(shown.length + waiting.length).toBe(submits.length);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map(({ state }) => JSON.stringify(state.result))).size).toBe(1);
    expect(shown[0]!.state.notice).toBe("충전했습니다. 잔액 30000원");
  });

  it("hands out a new key after a submit that took effect, so the next charge is a new one", async () => {
    const fan = await signedIn("FAN");
    const first = await runFormAction(chargeForm, {
      formData: form({ amount: "1000", [IDEMPOTENCY_KEY_FIELD]: randomUUID() }),
      sessionCookie: fan.sessionCookie,
    });
    const nextKey = first.state.nextIdempotencyKey;
    expect(nextKey).toMatch(/^[0-9a-f-]{36}$/);
    await runFormAction(chargeForm, { formData: form({ amount: "2000", [IDEMPOTENCY_KEY_FIELD]: nextKey! }), sessionCookie: fan.sessionCookie });
    expect(await getWalletBalance(db(), { userId: fan.id })).toBe(3_000);
  });

  it("refuses a form without its key, or with a key used for another amount, and charges nothing", async () => {
    const fan = await signedIn("FAN");
    const missing = await runFormAction(chargeForm, { formData: form({ amount: "1000" }), sessionCookie: fan.sessionCookie });
    expect(missing.state.formError).toBe(forms.staleForm);
    const key = randomUUID();
    await runFormAction(chargeForm, { formData: form({ amount: "1000", [IDEMPOTENCY_KEY_FIELD]: key }), sessionCookie: fan.sessionCookie });
    const reused = await runFormAction(chargeForm, { formData: form({ amount: "5000", [IDEMPOTENCY_KEY_FIELD]: key }), sessionCookie: fan.sessionCookie });
    expect(reused.state).toMatchObject({ status: "failed", formError: forms.staleForm, values: { amount: "5000" } });
    expect(await getWalletBalance(db(), { userId: fan.id })).toBe(1_000);
  });
});
