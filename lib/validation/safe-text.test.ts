import { describe, expect, it } from "vitest";
import { isSafeText, safeText } from "@/lib/validation/safe-text";

describe("safeText", () => {
  it.each([
    ["a NUL", "x\u0000y"],
    ["a lone high surrogate", "x\uD83Dy"],
    ["a lone low surrogate", "x\uDE00y"],
    ["a high surrogate at the end", "x\uD83D"],
    ["two high surrogates", "\uD83D\uD83D"],
  ])("refuses %s", (_what, value) => {
    expect(isSafeText(value)).toBe(false);
    expect(safeText().safeParse(value).success).toBe(false);
  });

  it.each([
    ["plain text", "Encore fan"],
    ["Hangul", "새 팬"],
    ["an emoji (a surrogate pair)", "x\uD83D\uDE00y"],
    ["tabs and newlines", "a\tb\nc"],
  ])("accepts %s", (_what, value) => {
    expect(isSafeText(value)).toBe(true);
    expect(safeText().safeParse(value).data).toBe(value);
  });
});
