import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { wonSchema } from "@/lib/validation/bounded-integers";

export const ORDERS_PAGE_SIZE = 50;

/** nextCursor of the previous page: "<created at, ms>_<payment id>". */
const ORDER_CURSOR = /^[0-9]{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const ordersQuery = z.object({
  cursor: z.string().regex(ORDER_CURSOR, "Not a cursor from a previous page.").optional(),
  q: safeText().trim().max(100, "Keep the search to 100 characters.").optional()
    .describe("An addition: only orders whose fan's email or one of whose seat labels contains this text (any case)."),
});

export const orderSeatSchema = z
  .object({
    reservationId: z.string(),
    label: z.string(),
    performanceId: z.string(),
    startsAt: z.iso.datetime(),
    price: wonSchema,
    status: z.enum(["CONFIRMED", "CANCELLED"]).describe("CANCELLED once refunded."),
  })
  .meta({ id: "OrderSeat" });

export const orderSchema = z
  .object({
    paymentId: z.string(),
    userEmail: z.string(),
    amount: wonSchema,
    status: z.string().describe("COMPLETED, PARTIALLY_REFUNDED or REFUNDED."),
    createdAt: z.iso.datetime(),
    seats: z.array(orderSeatSchema),
  })
  .meta({ id: "Order" });

export const ordersResponse = z
  .object({ orders: z.array(orderSchema), nextCursor: z.string().nullable() })
  .meta({ id: "Orders" });

export type OrdersQuery = z.infer<typeof ordersQuery>;
export type OrdersPage = z.infer<typeof ordersResponse>;
