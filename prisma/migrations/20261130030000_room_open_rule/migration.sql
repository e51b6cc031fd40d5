-- The waiting room's "open" rule gets one home, as the sale's rules have
-- (is_on_sale, is_booking_open): prisma/functions/is_room_open.sql, copied
-- here (docs/decisions/051).
CREATE OR REPLACE FUNCTION is_room_open(p_opens_at timestamptz)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT p_opens_at <= now() $function$;
