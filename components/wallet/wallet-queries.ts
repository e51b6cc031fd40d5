// Server state of the wallet: query keys, fetchers, and the charge call.
import { apiFetch } from "@/lib/client/api";
import type { ChargeResponse, WalletEntriesPage } from "@/lib/wallet/schemas";

export const walletKeys = {
  all: ["wallet"] as const,
  balance: () => ["wallet", "balance"] as const,
  entries: () => ["wallet", "entries"] as const,
};

export async function fetchBalance(): Promise<number> {
  return (await apiFetch<{ balance: number }>("/api/wallet")).balance;
}

export async function fetchEntries(cursor: string | null): Promise<WalletEntriesPage> {
  return apiFetch<WalletEntriesPage>(`/api/wallet/entries${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
}

export async function chargeWallet(amount: number, idempotencyKey: string): Promise<ChargeResponse> {
  return apiFetch<ChargeResponse>("/api/wallet/charge", {
    method: "POST",
    body: { amount },
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
