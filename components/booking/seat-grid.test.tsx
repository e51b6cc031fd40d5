// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { section, seatsOf } from "@/components/booking/booking-fixtures";
import { SeatGrid } from "@/components/booking/seat-grid";
import { click, focus, pressKey, render, type Rendered } from "@/components/testing/render";

const FLOOR = section({ id: "floor", name: "A구역", rowLabels: ["1", "2"], rowLengths: [4, 6], aislesAfter: [2] });
const seats = seatsOf([FLOOR]);

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

function seatButton(label: string): HTMLButtonElement {
  const button = [...document.querySelectorAll<HTMLButtonElement>("button[data-seat-id]")].find((candidate) =>
    candidate.getAttribute("aria-label")!.startsWith(`${label},`),
  );
  if (!button) throw new Error(`no seat ${label}`);
  return button;
}

describe("SeatGrid", () => {
  it("draws labelled rows of seats named by their label, with the section's aisles", () => {
    rendered = render(<SeatGrid sections={[FLOOR]} seats={seats} selectedSeatIds={["seat-2"]} caption="좌석" onToggle={() => {}} />);
    const rows = [...document.querySelectorAll('[role="group"][aria-label$="열"]')];
    expect(rows.map((row) => row.getAttribute("aria-label"))).toEqual(["1열", "2열"]);
    expect(seatButton("A구역 1열 1번").getAttribute("aria-label")).toBe("A구역 1열 1번, 110,000원, 선택 가능");
    expect(seatButton("A구역 1열 2번").getAttribute("aria-pressed")).toBe("true");
    expect(seatButton("A구역 2열 3번").dataset.aisleBefore).toBe("true");
    expect(seatButton("A구역 2열 2번").dataset.aisleBefore).toBeUndefined();
    expect(seatButton("A구역 2열 6번").textContent).toBe("6");
  });

  it("is one tab stop; the arrow keys move the focus between seats and rows", () => {
    rendered = render(<SeatGrid sections={[FLOOR]} seats={seats} selectedSeatIds={[]} caption="좌석" onToggle={() => {}} />);
    const tabStops = [...document.querySelectorAll("button[data-seat-id]")].filter((button) => button.getAttribute("tabindex") === "0");
    expect(tabStops).toEqual([seatButton("A구역 1열 1번")]);

    focus(seatButton("A구역 1열 1번"));
    pressKey(document.activeElement!, "ArrowRight");
    expect(document.activeElement).toBe(seatButton("A구역 1열 2번"));
    // Row 1 is centred over row 2, so its second seat sits above row 2's third.
    pressKey(document.activeElement!, "ArrowDown");
    expect(document.activeElement).toBe(seatButton("A구역 2열 3번"));
    pressKey(document.activeElement!, "End");
    expect(document.activeElement).toBe(seatButton("A구역 2열 6번"));
    expect(seatButton("A구역 2열 6번").getAttribute("tabindex")).toBe("0");
    expect(seatButton("A구역 1열 1번").getAttribute("tabindex")).toBe("-1");
  });

  it("toggles free seats and only reads out taken ones", () => {
    const onToggle = vi.fn();
    const taken = seats.map((seat) => (seat.number === 1 ? { ...seat, status: "SOLD" as const } : seat));
    rendered = render(<SeatGrid sections={[FLOOR]} seats={taken} selectedSeatIds={[]} caption="좌석" onToggle={onToggle} />);
    click(seatButton("A구역 1열 1번"));
    expect(onToggle).not.toHaveBeenCalled();
    expect(seatButton("A구역 1열 1번").getAttribute("aria-disabled")).toBe("true");
    expect(seatButton("A구역 1열 1번").getAttribute("aria-label")).toMatch(/판매 완료$/);
    click(seatButton("A구역 1열 2번"));
    expect(onToggle).toHaveBeenCalledWith(taken[1]);
  });

  it("keeps the rows' places while the seats load", () => {
    rendered = render(<SeatGrid sections={[FLOOR]} seats={null} selectedSeatIds={[]} caption="불러오는 중" onToggle={() => {}} />);
    expect(document.querySelector('[role="status"]')!.getAttribute("aria-label")).toBe("불러오는 중");
    expect(document.querySelectorAll("button")).toHaveLength(0);
    expect([...document.querySelectorAll("[style*='--row-seats']")].map((bar) => (bar as HTMLElement).style.getPropertyValue("--row-seats"))).toEqual(["4", "6"]);
  });
});
