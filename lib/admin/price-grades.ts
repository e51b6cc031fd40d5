import { AppError } from "@/lib/errors";

/**
 * Checks a concert's prices against its venue's grades: every grade needs a
 * price when `mustPriceEvery`, and no other grade may be priced. Refuses with
 * 422 VALIDATION_FAILED and a field error per grade, as a form shows them.
 */
export function assertPricesFitGrades(prices: Readonly<Record<string, number>>, venueGrades: readonly string[], mustPriceEvery: boolean): void {
  const fields: Record<string, string[]> = {};
  if (mustPriceEvery) {
    for (const grade of venueGrades) if (!(grade in prices)) fields[`prices.${grade}`] = ["Price every grade of the venue."];
  }
  for (const grade of Object.keys(prices)) if (!venueGrades.includes(grade)) fields[`prices.${grade}`] = ["The venue has no such grade."];
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", { details: { fields } });
}
