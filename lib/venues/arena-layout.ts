// Arena venues drawn as a fan sees them: a stage at the top of the 1000 × 1000
// view box, floor blocks in front of it, and tiers of stand sections around
// the floor, each a box turned to face the middle. The seed's KSPO DOME-like
// venue, the tests, the bench and the operator console's preview use it.
// Plain data: no server-only import, so e2e fixtures and scripts use it too.
import type { VenueSectionSpec } from "@/lib/venues/hall-layout";

/** Floor blocks in a grid in front of the stage, named F1, F2… row by row. */
export type FloorPlan = {
  columns: number;
  rows: number;
  rowsPerBlock: number;
  seatsPerRow: number;
  /** Grade of each row of blocks, front first; the last one repeats. */
  grades: readonly string[];
};

/** One ring of stand sections around the floor, numbered on from the previous ring. */
export type TierPlan = {
  sections: number;
  rows: number;
  seatsPerRow: number;
  grade: string;
  /** The sections farthest from the stage (this many at the back) take this grade instead. */
  back?: { sections: number; grade: string };
};

export type ArenaPlan = { floor: FloorPlan; tiers: readonly TierPlan[] };

/** The stage's box (the drawing's, not a section). */
export const ARENA_STAGE = { x: 380, y: 40, width: 240, height: 90 } as const;

const CENTRE = { x: 500, y: 430 };
const FLOOR_BOX = { x: 300, y: 200, width: 400, height: 330 };
/** Stands run round from beside the stage on the right, behind the floor, to beside it on the left (degrees, 0 = right, clockwise). */
const STAND_ARC = { from: -40, to: 220 };
/** The rings of stands fill the band between these radii, so any number of them stays inside the view box. */
const FIRST_RING_RADIUS = 330;
const LAST_RING_RADIUS = 470;
const GAP = 6;

function numbered(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(index + 1));
}

function floorSections(floor: FloorPlan): VenueSectionSpec[] {
  const width = (FLOOR_BOX.width - GAP * (floor.columns - 1)) / floor.columns;
  const height = (FLOOR_BOX.height - GAP * (floor.rows - 1)) / floor.rows;
  const middleAisle = floor.seatsPerRow >= 12 ? [Math.floor(floor.seatsPerRow / 2)] : [];
  return Array.from({ length: floor.rows * floor.columns }, (_, index) => {
    const blockRow = Math.floor(index / floor.columns);
    return {
      name: `F${index + 1}`,
      grade: floor.grades[Math.min(blockRow, floor.grades.length - 1)]!,
      rowLabels: numbered(floor.rowsPerBlock),
      rowLengths: Array(floor.rowsPerBlock).fill(floor.seatsPerRow),
      aislesAfter: middleAisle,
      x: round(FLOOR_BOX.x + (index % floor.columns) * (width + GAP)),
      y: round(FLOOR_BOX.y + blockRow * (height + GAP)),
      width: round(width),
      height: round(height),
      rotation: 0,
    };
  });
}

function tierSections(tier: TierPlan, ring: { index: number; depth: number }, firstNumber: number): VenueSectionSpec[] {
  const radius = FIRST_RING_RADIUS + ring.index * (ring.depth + GAP) + ring.depth / 2;
  const step = (STAND_ARC.to - STAND_ARC.from) / tier.sections;
  const width = (2 * Math.PI * radius * step) / 360 - GAP;
  const backSections = tier.back?.sections ?? 0;
  const firstBack = Math.floor((tier.sections - backSections) / 2);
  return Array.from({ length: tier.sections }, (_, index) => {
    const angle = STAND_ARC.from + step * (index + 0.5);
    const radians = (angle * Math.PI) / 180;
    const isBack = tier.back !== undefined && index >= firstBack && index < firstBack + backSections;
    return {
      name: String(firstNumber + index),
      grade: isBack ? tier.back!.grade : tier.grade,
      rowLabels: numbered(tier.rows),
      rowLengths: Array(tier.rows).fill(tier.seatsPerRow),
      aislesAfter: [],
      x: round(CENTRE.x + radius * Math.cos(radians) - width / 2),
      y: round(CENTRE.y + radius * Math.sin(radians) - ring.depth / 2),
      width: round(width),
      height: round(ring.depth),
      // The box's top edge (the front row) turned to face the middle.
      rotation: round(angle - 90),
    };
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The sections of an arena in drawing order (floor blocks front to back, then
 * each ring of stands round from the stage's right). Every box is given
 * unrotated (x, y = its top-left corner) with `rotation` in degrees clockwise
 * about its centre; its top edge is the front row.
 */
export function arenaSections(plan: ArenaPlan): VenueSectionSpec[] {
  const sections = floorSections(plan.floor);
  const depth = (LAST_RING_RADIUS - FIRST_RING_RADIUS) / plan.tiers.length - GAP;
  let nextNumber = 1;
  plan.tiers.forEach((tier, index) => {
    sections.push(...tierSections(tier, { index, depth }, nextNumber));
    nextNumber += tier.sections;
  });
  return sections.map((section) => ({ ...section, name: `${section.name}구역` }));
}

export function arenaSeatCount(plan: ArenaPlan): number {
  const floor = plan.floor.columns * plan.floor.rows * plan.floor.rowsPerBlock * plan.floor.seatsPerRow;
  return plan.tiers.reduce((sum, tier) => sum + tier.sections * tier.rows * tier.seatsPerRow, floor);
}

/**
 * About 15,000 seats in 62 sections like KSPO DOME: 12 floor blocks (VIP in
 * front, R behind), a lower ring of 24 R sections and an upper ring of 26 S
 * sections with A at the back. No section has more than 242 seats, so one
 * section's seat list stays under 64 KB.
 */
export const KSPO_DOME_LIKE: ArenaPlan = {
  floor: { columns: 4, rows: 3, rowsPerBlock: 12, seatsPerRow: 20, grades: ["VIP", "R"] },
  tiers: [
    { sections: 24, rows: 10, seatsPerRow: 24, grade: "R" },
    { sections: 26, rows: 11, seatsPerRow: 22, grade: "S", back: { sections: 8, grade: "A" } },
  ],
};

/** About 70,000 seats like the Olympic Stadium: the same shape with more, smaller-drawn sections. */
export const STADIUM_LIKE: ArenaPlan = {
  floor: { columns: 6, rows: 5, rowsPerBlock: 12, seatsPerRow: 20, grades: ["VIP", "VIP", "R"] },
  tiers: [
    { sections: 80, rows: 10, seatsPerRow: 24, grade: "R" },
    { sections: 90, rows: 10, seatsPerRow: 24, grade: "S" },
    { sections: 100, rows: 10, seatsPerRow: 22, grade: "S", back: { sections: 30, grade: "A" } },
  ],
};

/** The grades an arena plan uses, each with the price a seed or bench gives it. */
export const ARENA_PRICES: Readonly<Record<string, number>> = { VIP: 198_000, R: 165_000, S: 143_000, A: 110_000 };
