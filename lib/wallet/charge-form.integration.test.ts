import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runFormAction } from "@/lib/actions/form-action";
import { IDEMPOTENCY_KEY_FIELD } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { forms } from "@/lib/i18n/ko/forms";
import { wallet } from "@/lib/i18n/ko/wallet";
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { chargeForm } from "@/lib/wallet/charge-form";
import { getWalletBalance } from "@/lib/wallet/get-wallet-balance";
import { listWalletEntries } from "@/lib/wallet/list-wallet-entries";

const t = wallet.charge;

async function fan() {
  const user = await createUser(db());
  const pair = await sessionCookieFor(db(), user.id);
  return { ...user, session: decodeURIComponent(pair.slice(pair.indexOf("=") + 1)) };
}

function charge(session: string | undefined, amount: string, key: string | null = randomUUID()) {
  const formData = new FormData();
  formData.append("amount", amount);
  if (key !== null) formData.append(IDEMPOTENCY_KEY_FIELD, key);
  return runFormAction(chargeForm, { formData, sessionCookie: session });
}

async function chargeEntries(userId: string) {
  return (await listWalletEntries(db(), { userId })).entries.filter((entry) => entry.type === "CHARGE");
}

describe("the wallet page's charge action", () => {
  it("charges nothing without a session and says so in the form", async () => {
    const { state } = await charge(undefined, "10000");
    expect(state).toMatchObject({ status: "failed", formError: forms.signedOut, values: { amount: "10000" }, result: null });
    expect(state.nextIdempotencyKey).toBeNull();
  });

  it("charges once for a double submit with one key: one CHARGE entry, and both submits show it", async () => {
    const { id, session } = await fan();
    const key = randomUUID();
    const first = await charge(session, "30,000원", key);
    const second = await charge(session, "30,000원", key);
    expect(first.state.notice).toBe(t.success(30_000, 30_000));
    expect(second.state).toMatchObject({ status: "done", notice: t.success(30_000, 30_000) });
    expect(await chargeEntries(id)).toHaveLength(1);
    expect(await getWalletBalance(db(), { userId: id })).toBe(30_000);
    expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
  });

  it("charges once when the same form arrives many times at once", async () => {
    const { id, session } = await fan();
    const key = randomUUID();
    const submits = await Promise.all(Array.from({ length: 8 }, () => charge(session, "5000", key)));
    expect(await chargeEntries(id)).toHaveLength(1);
    expect(await getWalletBalance(db(), { userId: id })).toBe(5_000);
    for (const { state } of submits) expect([t.success(5_000, 5_000), null]).toContain(state.notice);
  });

  it("hands out a new key after a charge, so the next submit is a new charge", async () => {
    const { id, session } = await fan();
    const first = await charge(session, "1000");
    await charge(session, "2000", first.state.nextIdempotencyKey);
    expect(await getWalletBalance(db(), { userId: id })).toBe(3_000);
  });

  it("puts why an amount is refused beside the field, keeps what was typed, and charges nothing", async () => {
    const { id, session } = await fan();
    for (const [typed, message] of [
      ["1,000,001", t.errors.tooLarge],
      ["0", t.errors.tooSmall],
      ["만 원", t.errors.notWhole],
      ["", t.errors.required],
    ] as const) {
      const { state } = await charge(session, typed);
      expect(state).toMatchObject({ status: "invalid", fieldErrors: { amount: message }, values: { amount: typed } });
    }
    expect(await chargeEntries(id)).toEqual([]);
  });

  it("refuses a form without its key, or its key with another amount, and charges nothing more", async () => {
    const { id, session } = await fan();
    expect((await charge(session, "1000", null)).state.formError).toBe(forms.staleForm);
    const key = randomUUID();
    await charge(session, "1000", key);
    expect((await charge(session, "9000", key)).state.formError).toBe(forms.staleForm);
    expect(await getWalletBalance(db(), { userId: id })).toBe(1_000);
  });
});
