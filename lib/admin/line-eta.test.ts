import { describe, expect, it } from "vitest";
import { lineEtaSeconds, type LinePace } from "@/lib/admin/line-eta";

const open: LinePace = {
  waiting: 600, isPaused: false, isOpen: true, capacity: 100, ratePerMinute: 60, windowSeconds: 600, recentAdmissions: 0, paceSeconds: 300,
};

describe("the line's ETA", () => {
  it("is the line over the pace of the last minutes when fans were admitted", () => {
    expect(lineEtaSeconds({ ...open, recentAdmissions: 1_200 })).toBe(150);
  });

  it("falls back to what the settings allow before anyone is admitted: the rate cap, or a full room's turnover if slower", () => {
    expect(lineEtaSeconds({ ...open, ratePerMinute: 600 })).toBe(3_600);
    expect(lineEtaSeconds({ ...open, ratePerMinute: 6 })).toBe(6_000);
  });

  it("measures over the time since the opening when the room opened less than the window ago", () => {
    expect(lineEtaSeconds({ ...open, recentAdmissions: 60, paceSeconds: 30 })).toBe(300);
  });

  it("is 0 when nobody waits and unknown while the line cannot move", () => {
    expect(lineEtaSeconds({ ...open, waiting: 0, isPaused: true })).toBe(0);
    expect(lineEtaSeconds({ ...open, isPaused: true })).toBeNull();
    expect(lineEtaSeconds({ ...open, isOpen: false })).toBeNull();
  });
});
