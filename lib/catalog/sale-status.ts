import type { SaleStatus } from "@/lib/catalog/schemas";

export type SaleFacts = {
  /** The concert's waiting room has opened (false when it has none yet). */
  isRoomOpen: boolean;
  /** Performances whose booking has not closed. */
  bookablePerformances: number;
  /** Of those, the ones with every seat sold. */
  soldOutBookablePerformances: number;
};

/**
 * One status per concert for badges and the call to action. "Sold out" wins
 * over "opens soon": a fan cannot buy either way, and sold out is the news.
 */
export function deriveSaleStatus(facts: SaleFacts): SaleStatus {
  if (facts.bookablePerformances === 0) return "ENDED";
  if (facts.soldOutBookablePerformances >= facts.bookablePerformances) return "SOLD_OUT";
  if (!facts.isRoomOpen) return "OPENS_SOON";
  return "ON_SALE";
}
