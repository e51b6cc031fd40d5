import { describe, expect, it } from "vitest";
import { formatTimeUntil } from "@/components/queue/queue-format";

describe("formatTimeUntil", () => {
  it.each([
    [45 * 3_600 + 47 * 60 + 44, "1일 21시간"],
    [3 * 86_400, "3일"],
    [86_400 - 1, "23시간 59분"],
    [3 * 3_600 + 5 * 60 + 59, "3시간 5분"],
    [2 * 3_600, "2시간"],
    [3_600 - 1, "59:59"],
    [65, "1:05"],
    [0, "0:00"],
    [-5, "0:00"],
  ])("%i seconds read %s", (seconds, expected) => {
    expect(formatTimeUntil(seconds)).toBe(expected);
  });
});
