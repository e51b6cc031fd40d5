import { describe, expect, it } from "vitest";
import { parseChargeAmount } from "@/lib/wallet/parse-charge-amount";

describe("parseChargeAmount", () => {
  it.each([
    ["30000", 30_000],
    ["30,000", 30_000],
    [" 1 000 000 ", 1_000_000],
    ["50,000원", 50_000],
    ["1", 1],
    ["007", 7],
  ])("reads %j as %d", (text, amount) => {
    expect(parseChargeAmount(text)).toEqual({ amount });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["1.5", "notWhole"],
    ["-100", "notWhole"],
    ["1e5", "notWhole"],
    ["십만", "notWhole"],
    ["0", "tooSmall"],
    ["1,000,001", "tooLarge"],
    ["9007199254740992", "tooLarge"],
  ])("refuses %j as %s", (text, problem) => {
    expect(parseChargeAmount(text)).toEqual({ problem });
  });
});
