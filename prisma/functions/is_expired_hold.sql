-- An expired hold: a HELD reservation whose time ran out, by the database
-- clock (or the moment given): the complement of is_live_hold among HELD rows.
-- Reads treat it as free; hold_seats and the cron mark it EXPIRED
-- (docs/decisions/020, 050). Inlined into the calling query like is_live_hold.
CREATE OR REPLACE FUNCTION is_expired_hold(p_status "ReservationStatus", p_expires_at timestamptz, p_at timestamptz DEFAULT now())
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT p_status = 'HELD' AND p_expires_at <= p_at $function$;
