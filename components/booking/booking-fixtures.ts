// Sections and seats shaped as the API answers them, for the booking components' tests.
import type { Seat, VenueSection } from "@/components/booking/booking-queries";

export function section(overrides: Partial<VenueSection> & Pick<VenueSection, "id" | "name">): VenueSection {
  return {
    grade: "R",
    price: 110_000,
    totalSeats: 8,
    availableSeats: 8,
    rowLabels: ["1", "2"],
    rowLengths: [4, 4],
    aislesAfter: [],
    x: 100,
    y: 200,
    width: 300,
    height: 200,
    rotation: 0,
    position: 0,
    ...overrides,
  };
}

/** Every seat of the sections, numbered and labelled as create_performance_seats does, all free. */
export function seatsOf(sections: readonly VenueSection[], firstNumber = 1): Seat[] {
  let number = firstNumber - 1;
  return sections.flatMap((venueSection) =>
    venueSection.rowLabels.flatMap((row, rowIndex) =>
      Array.from({ length: venueSection.rowLengths[rowIndex]! }, (_, index): Seat => {
        number += 1;
        return {
          id: `seat-${number}`,
          number,
          grade: venueSection.grade,
          price: venueSection.price ?? 0,
          status: "AVAILABLE",
          heldByMe: false,
          expiresAt: null,
          sectionId: venueSection.id,
          sectionName: venueSection.name,
          row,
          label: `${venueSection.name} ${row}열 ${index + 1}번`,
        };
      }),
    ),
  );
}
