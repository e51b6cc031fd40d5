/** The columns of GET /api/admin/concerts/{id}/orders.csv, in order. */
export const SOLD_SEATS_CSV_HEADER = [
  "paymentId", "reservationId", "paidAt", "userEmail", "concert", "performanceStartsAt", "seat", "section", "row", "seatInRow", "grade", "price",
] as const;
