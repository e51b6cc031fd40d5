-- A live reservation keeps its seat right now: sold (CONFIRMED), or a live
-- hold (is_live_hold). At most one row per seat matches
-- (reservations_one_live_per_seat), so a LEFT JOIN on it yields one row per
-- seat (docs/decisions/050). Inlined into the calling query like is_live_hold.
CREATE OR REPLACE FUNCTION is_live_reservation(p_status "ReservationStatus", p_expires_at timestamptz)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT p_status = 'CONFIRMED' OR is_live_hold(p_status, p_expires_at) $function$;
