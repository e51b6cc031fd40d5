import { z } from "zod";
import { MAX_SEATS_PER_PERFORMANCE, seatCountSchema } from "@/lib/validation/bounded-integers";
import { reasonSchema } from "@/lib/audit/schemas";
import { safeText } from "@/lib/validation/safe-text";
import { stackedBoxes, type VenueSectionSpec } from "@/lib/venues/hall-layout";

// What an operator sends to build a venue (POST /api/admin/venues and the
// console's venue form), and how it becomes the sections create_venue takes.
// The table constraints check the same bounds again (docs/decisions/120).

/** An arena has a few dozen sections; this keeps a request (and its drawing) sane. */
export const MAX_SECTIONS_PER_VENUE = 200;
/** The database refuses more rows per section (venue_sections_rows). */
export const MAX_ROWS_PER_SECTION = 500;
export const MAX_SEATS_PER_ROW = 1_000;
/** The drawing's view box is 1000 × 1000. */
const VIEW_BOX = 1_000;

const rowLabelSchema = safeText().trim().min(1, "A row label cannot be blank.").max(10, "Keep a row label to 10 characters.");

export const venueSectionInput = z
  .object({
    name: safeText().trim().min(1, "Name the section.").max(50, "Keep the section name to 50 characters."),
    grade: safeText().trim().min(1, "Give the section a grade.").max(20, "Keep the grade to 20 characters."),
    rows: z.number().int().min(1).max(MAX_ROWS_PER_SECTION),
    /** Seats in the widest row (every row, unless rowLengths says otherwise). */
    seatsPerRow: z.number().int().min(1).max(MAX_SEATS_PER_ROW),
    /** Front to back; "1", "2"… when absent. */
    rowLabels: z.array(rowLabelSchema).max(MAX_ROWS_PER_SECTION).optional(),
    /** Seats in each row, front to back, when rows differ; each at most seatsPerRow. */
    rowLengths: z.array(z.number().int().min(1).max(MAX_SEATS_PER_ROW)).max(MAX_ROWS_PER_SECTION).optional(),
    /** Seat positions in a row after which an aisle is drawn. */
    aislesAfter: z.array(z.number().int().min(1).max(MAX_SEATS_PER_ROW - 1)).max(MAX_SEATS_PER_ROW).optional(),
    /** The section's box in the 1000 × 1000 drawing; stacked below the stage when absent (all four or none). */
    x: z.number().min(0).max(VIEW_BOX).optional(),
    y: z.number().min(0).max(VIEW_BOX).optional(),
    width: z.number().gt(0).max(VIEW_BOX).optional(),
    height: z.number().gt(0).max(VIEW_BOX).optional(),
    rotation: z.number().min(-180).max(180).optional(),
  })
  .superRefine((section, context) => {
    if (section.rowLabels && section.rowLabels.length !== section.rows) {
      context.addIssue({ code: "custom", path: ["rowLabels"], message: "Give one label per row." });
    }
    if (section.rowLabels && new Set(section.rowLabels).size !== section.rowLabels.length) {
      context.addIssue({ code: "custom", path: ["rowLabels"], message: "Row labels must differ." });
    }
    if (section.rowLengths && section.rowLengths.length !== section.rows) {
      context.addIssue({ code: "custom", path: ["rowLengths"], message: "Give one length per row." });
    }
    if (section.rowLengths?.some((length) => length > section.seatsPerRow)) {
      context.addIssue({ code: "custom", path: ["rowLengths"], message: "No row can be longer than seatsPerRow." });
    }
    if (section.aislesAfter?.some((seat) => seat >= section.seatsPerRow)) {
      context.addIssue({ code: "custom", path: ["aislesAfter"], message: "An aisle must fall inside the row." });
    }
    const box = [section.x, section.y, section.width, section.height];
    if (box.some((value) => value === undefined) && box.some((value) => value !== undefined)) {
      context.addIssue({ code: "custom", path: ["x"], message: "Give x, y, width and height together, or none of them." });
    }
  })
  .meta({ id: "VenueSectionInput" });

export const venueInput = z
  .object({
    name: safeText().trim().min(1, "Name the venue.").max(200, "Keep the venue name to 200 characters."),
    sections: z.array(venueSectionInput).min(1, "A venue needs at least one section.").max(MAX_SECTIONS_PER_VENUE),
    reason: reasonSchema,
  })
  .superRefine((venue, context) => {
    const seen = new Set<string>();
    venue.sections.forEach((section, index) => {
      if (seen.has(section.name)) context.addIssue({ code: "custom", path: ["sections", index, "name"], message: "Section names must differ." });
      seen.add(section.name);
    });
    const seats = venue.sections.reduce((sum, section) => sum + seatsOf(section), 0);
    if (seats > MAX_SEATS_PER_PERFORMANCE) {
      context.addIssue({
        code: "custom", path: ["sections"],
        message: `A venue holds at most ${MAX_SEATS_PER_PERFORMANCE.toLocaleString("en")} seats; these sections hold ${seats.toLocaleString("en")}.`,
      });
    }
  })
  .meta({ id: "VenueInput" });

export type VenueSectionInput = z.infer<typeof venueSectionInput>;
export type VenueInput = z.infer<typeof venueInput>;

/** The seats a section holds. */
export function seatsOf(section: Pick<VenueSectionInput, "rows" | "seatsPerRow" | "rowLengths">): number {
  return section.rowLengths ? section.rowLengths.reduce((sum, length) => sum + length, 0) : section.rows * section.seatsPerRow;
}

/** The sections as create_venue takes them: row labels and lengths filled in, and unplaced sections stacked below the stage. */
export function toSectionSpecs(sections: readonly VenueSectionInput[]): VenueSectionSpec[] {
  const unplaced = sections.filter((section) => section.x === undefined);
  const boxes = stackedBoxes(unplaced.map((section) => section.rows));
  return sections.map((section) => ({
    name: section.name,
    grade: section.grade,
    rowLabels: section.rowLabels ?? Array.from({ length: section.rows }, (_, row) => String(row + 1)),
    rowLengths: section.rowLengths ?? Array.from({ length: section.rows }, () => section.seatsPerRow),
    aislesAfter: [...new Set(section.aislesAfter ?? [])].sort((a, b) => a - b),
    ...(section.x === undefined
      ? boxes[unplaced.indexOf(section)]!
      : { x: section.x, y: section.y!, width: section.width!, height: section.height!, rotation: section.rotation ?? 0 }),
  }));
}

export const venueSectionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    grade: z.string(),
    rows: z.number().int().min(1),
    seatsPerRow: z.number().int().min(1).describe("Seats in the widest row."),
    totalSeats: seatCountSchema,
    rowLabels: z.array(z.string()),
    rowLengths: z.array(z.number().int().min(1)),
    aislesAfter: z.array(z.number().int().min(1)),
    x: z.number(),
    y: z.number(),
    width: z.number(),
    height: z.number(),
    rotation: z.number(),
  })
  .meta({ id: "VenueSection" });

export const venueSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    totalSeats: seatCountSchema,
    grades: z.array(z.string()).describe("The grades of its sections, in drawing order: a concert prices each."),
    sections: z.array(venueSectionSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Venue" });

export const venueResponse = z.object({ venue: venueSchema }).meta({ id: "VenueAnswer" });
export const venueListResponse = z.object({ venues: z.array(venueSchema) }).meta({ id: "VenueList" });

export type Venue = z.infer<typeof venueSchema>;
