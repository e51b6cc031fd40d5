import { describe, expect, it } from "vitest";
import { hasMalformedEscape } from "@/lib/http/malformed-path";

describe("hasMalformedEscape", () => {
  it.each(["/api/concerts/%ZZ", "/concerts/%", "/api/performances/%E0%A4/seats", "/concerts/%C3%28", "/api/x/%ED%A0%80"])("finds %s malformed", (path) => {
    expect(hasMalformedEscape(path)).toBe(true);
  });

  it.each(["/", "/api/concerts", "/concerts/7d9f6a3e-1b2c-4d5e-8f90-123456789abc", "/api/x/%20y", "/concerts/%ED%95%9C", "/api/x/%00"])("lets %s through", (path) => {
    expect(hasMalformedEscape(path)).toBe(false);
  });
});
