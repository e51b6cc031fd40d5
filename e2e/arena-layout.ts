// A grid of equal sections named A구역, B구역, … for e2e/console-live.spec.ts,
// whose figures count seats section by section in that order. The arena specs
// use the venues of lib/venues/arena-layout.ts (the seed's, the bench's).
// Plain data, as create_venue takes it.
import type { VenueSectionSpec } from "../lib/venues/hall-layout.ts";

export type ArenaSize = { sections: number; rowsPerSection: number; seatsPerRow: number };

export const ARENA_PRICES = { VIP: 165_000, R: 143_000, S: 121_000 };

function gradeOfLine(line: number): keyof typeof ARENA_PRICES {
  return line === 0 ? "VIP" : line === 1 ? "R" : "S";
}

/** Section names A구역, B구역, … Z구역, then AA구역, … */
function sectionName(index: number): string {
  const letter = (n: number) => String.fromCharCode(65 + n);
  return `${index < 26 ? letter(index) : letter(Math.floor(index / 26) - 1) + letter(index % 26)}구역`;
}

export function arenaSections({ sections, rowsPerSection, seatsPerRow }: ArenaSize): VenueSectionSpec[] {
  const columns = Math.ceil(Math.sqrt(sections));
  const lines = Math.ceil(sections / columns);
  const [left, top, width, height, gap] = [40, 140, 920, 820, 16];
  const boxWidth = (width - gap * (columns - 1)) / columns;
  const boxHeight = (height - gap * (lines - 1)) / lines;
  return Array.from({ length: sections }, (_, index) => {
    const line = Math.floor(index / columns);
    const column = index % columns;
    return {
      name: sectionName(index),
      grade: gradeOfLine(line),
      rowLabels: Array.from({ length: rowsPerSection }, (_, row) => String(row + 1)),
      rowLengths: Array.from({ length: rowsPerSection }, () => seatsPerRow),
      aislesAfter: seatsPerRow >= 8 ? [Math.floor(seatsPerRow / 2)] : [],
      x: left + column * (boxWidth + gap),
      y: top + line * (boxHeight + gap),
      width: boxWidth,
      height: boxHeight,
      rotation: 0,
    };
  });
}
