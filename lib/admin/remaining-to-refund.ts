import type { OrdersPage } from "@/lib/admin/order-schemas";

type OrderSeats = Pick<OrdersPage["orders"][number], "seats">;

/**
 * What an operator's refund of the order would give back: its seats still sold, the ones
 * refundPayment refunds (a fan's own cancellations are refunded already).
 */
export function remainingToRefund(order: OrderSeats): { seatCount: number; amount: number } {
  const sold = order.seats.filter((seat) => seat.status === "CONFIRMED");
  return { seatCount: sold.length, amount: sold.reduce((sum, seat) => sum + seat.price, 0) };
}
