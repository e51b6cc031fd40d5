// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { section } from "@/components/booking/booking-fixtures";
import { VenueMap } from "@/components/booking/venue-map";
import { click, pressKey, render, type Rendered } from "@/components/testing/render";

const SECTIONS = [
  section({ id: "a", name: "A구역", grade: "VIP", totalSeats: 200, availableSeats: 120 }),
  section({ id: "b", name: "B구역", grade: "R", totalSeats: 200, availableSeats: 30, x: 500 }),
  section({ id: "c", name: "C구역", grade: "S", totalSeats: 200, availableSeats: 0, y: 600, rotation: 30 }),
];

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

const sectionButtons = () => [...document.querySelectorAll<SVGGElement>('[role="button"]')];

describe("VenueMap", () => {
  it("makes each section a focusable button named by its name, grade and seats left", () => {
    rendered = render(<VenueMap sections={SECTIONS} caption="배치도" chosenBySection={new Map([["b", 2]])} onChoose={() => {}} />);
    expect(sectionButtons().map((button) => button.getAttribute("aria-label"))).toEqual([
      "A구역, VIP석, 남은 좌석 120석",
      "B구역, R석, 남은 좌석 30석, 고른 좌석 2석",
      "C구역, S석, 매진",
    ]);
    expect(sectionButtons().map((button) => button.getAttribute("tabindex"))).toEqual(["0", "0", "0"]);
    expect(sectionButtons().map((button) => button.dataset.availability)).toEqual(["plenty", "few", "none"]);
    expect(sectionButtons()[2]!.querySelector("rect")!.getAttribute("transform")).toBe("rotate(30 250 700)");
  });

  it("opens a section on click, Enter or Space", () => {
    const onChoose = vi.fn();
    rendered = render(<VenueMap sections={SECTIONS} caption="배치도" chosenBySection={new Map()} onChoose={onChoose} />);
    click(sectionButtons()[0]!);
    pressKey(sectionButtons()[1]!, "Enter");
    pressKey(sectionButtons()[2]!, " ");
    pressKey(sectionButtons()[2]!, "a");
    expect(onChoose.mock.calls.map(([chosen]) => chosen.id)).toEqual(["a", "b", "c"]);
  });
});
