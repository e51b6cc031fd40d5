import { describe, expect, it } from "vitest";
import {
  formatCountdown,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatHourMinute,
  formatShortDate,
  formatShortDateTime,
  formatTime,
  formatWait,
  formatWon,
} from "@/lib/i18n/format";

// 2026-12-04 10:30 UTC is 19:30 on Friday 4 December in Seoul (UTC+9, no DST).
const FRIDAY_EVENING = "2026-12-04T10:30:00.000Z";
// 15:30 UTC on 4 December is already 00:30 on Saturday 5 December in Seoul.
const AFTER_MIDNIGHT_IN_SEOUL = "2026-12-04T15:30:00.000Z";

describe("formatWon", () => {
  it("groups thousands and appends 원", () => {
    expect(formatWon(150_000)).toBe("150,000원");
    expect(formatWon(0)).toBe("0원");
    expect(formatWon(1_000_000n)).toBe("1,000,000원");
    expect(formatWon(-80_000)).toBe("-80,000원");
  });
});

describe("dates and times, always in Seoul time", () => {
  it("formats the date, the short date with weekday and the 24-hour time", () => {
    expect(formatDate(FRIDAY_EVENING)).toBe("2026년 12월 4일");
    expect(formatShortDate(FRIDAY_EVENING)).toBe("12월 4일 (금)");
    expect(formatHourMinute(FRIDAY_EVENING)).toBe("19:30");
    expect(formatShortDateTime(FRIDAY_EVENING)).toBe("12월 4일 (금) 19:30");
  });

  it("moves to the next Seoul day after midnight there, whatever the machine's zone", () => {
    expect(formatDate(AFTER_MIDNIGHT_IN_SEOUL)).toBe("2026년 12월 5일");
    expect(formatShortDate(AFTER_MIDNIGHT_IN_SEOUL)).toBe("12월 5일 (토)");
    expect(formatHourMinute(AFTER_MIDNIGHT_IN_SEOUL)).toBe("00:30");
  });

  it("accepts Date objects as well as ISO strings", () => {
    expect(formatShortDateTime(new Date(FRIDAY_EVENING))).toBe(formatShortDateTime(FRIDAY_EVENING));
  });

  it("includes date, weekday and time in the long forms", () => {
    // The AM/PM marker's wording depends on the ICU data of the runtime, so only its parts are checked.
    const long = formatDateTime(FRIDAY_EVENING);
    expect(long).toContain("2026년 12월 4일");
    expect(long).toContain("금");
    expect(long).toMatch(/07:30/);
    expect(formatTime(FRIDAY_EVENING)).toMatch(/07:30:00/);
  });
});

describe("formatDateRange", () => {
  it("shows one date when both fall on the same Seoul day", () => {
    expect(formatDateRange("2026-12-04T01:00:00Z", FRIDAY_EVENING)).toBe("2026년 12월 4일");
  });

  it("leaves the year out of the end when it does not change", () => {
    expect(formatDateRange(FRIDAY_EVENING, "2026-12-12T09:00:00Z")).toBe("2026년 12월 4일 ~ 12월 12일");
  });

  it("repeats the year when the range crosses into the next one", () => {
    expect(formatDateRange("2026-12-25T09:00:00Z", "2027-01-02T08:00:00Z")).toBe("2026년 12월 25일 ~ 2027년 1월 2일");
  });
});

describe("formatCountdown", () => {
  it.each([
    [125, "2:05"],
    [59.9, "0:59"],
    [0, "0:00"],
    [-5, "0:00"],
    [3_600, "60:00"],
  ])("%s s → %s", (seconds, expected) => {
    expect(formatCountdown(seconds)).toBe(expected);
  });
});

describe("formatWait", () => {
  it.each([
    [null, "계산 중"],
    [0, "1분 이내"],
    [59, "1분 이내"],
    [75, "약 1분"],
    [90, "약 2분"],
    [3_540, "약 59분"],
    [3_600, "약 1시간 0분"],
    [5_430, "약 1시간 31분"],
  ])("%s s → %s", (seconds, expected) => {
    expect(formatWait(seconds)).toBe(expected);
  });
});
