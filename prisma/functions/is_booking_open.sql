-- "Booking open": the performance takes holds right now, from booking_opens_at
-- for as long as it is on sale (is_on_sale), by the database clock
-- (docs/decisions/050). Inlined into the calling query like is_on_sale.
CREATE OR REPLACE FUNCTION is_booking_open(p_booking_opens_at timestamptz, p_booking_closes_at timestamptz, p_starts_at timestamptz)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT p_booking_opens_at <= now() AND is_on_sale(p_booking_closes_at, p_starts_at) $function$;
