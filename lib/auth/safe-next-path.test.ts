import { describe, expect, it } from "vitest";
import { landingAfterSignIn, safeNextPath, withNext } from "@/lib/auth/safe-next-path";

describe("safeNextPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeNextPath("/concerts/abc/queue")).toBe("/concerts/abc/queue");
    expect(safeNextPath("/wallet?tab=history#top")).toBe("/wallet?tab=history#top");
  });

  it.each([
    ["an absolute URL", "https://evil.example/steal"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash trick", "/\\evil.example"],
    ["a backslash later on", "/foo\\..\\\\evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "concerts"],
    ["a control character", "/\tevil"],
    ["an empty string", ""],
    ["a non-string", ["/a", "/b"]],
    ["undefined", undefined],
    ["an overlong path", `/${"a".repeat(3000)}`],
    ["the sign-in page", "/sign-in?next=/x"],
    ["the sign-up page", "/sign-up"],
  ])("falls back for %s", (_what, value) => {
    expect(safeNextPath(value)).toBe("/");
    expect(safeNextPath(value, "/home")).toBe("/home");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeNextPath("/a/../../b")).toBe("/b");
  });
});

describe("withNext", () => {
  it("carries the destination along, encoded, and leaves the home page out", () => {
    expect(withNext("/sign-in", "/concerts/1/queue")).toBe("/sign-in?next=%2Fconcerts%2F1%2Fqueue");
    expect(withNext("/sign-up", "/")).toBe("/sign-up");
  });
});

describe("landingAfterSignIn", () => {
  it("takes an operator to the console unless they were sent from a page, and a fan back", () => {
    expect(landingAfterSignIn("ADMIN", "/")).toBe("/admin");
    expect(landingAfterSignIn("ADMIN", "/admin/audit")).toBe("/admin/audit");
    expect(landingAfterSignIn("FAN", "/")).toBe("/");
    expect(landingAfterSignIn("FAN", "/wallet")).toBe("/wallet");
  });
});
