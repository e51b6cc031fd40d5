-- A live hold: a HELD reservation with time left, by the database clock (or
-- the moment given). A HELD row whose time ran out frees its seat at once,
-- whether or not the cron has marked it EXPIRED (docs/decisions/020, 050).
-- Plain SQL, STABLE, not STRICT: inlined into the calling query, so the
-- (status, expires_at) indexes still apply.
CREATE OR REPLACE FUNCTION is_live_hold(p_status "ReservationStatus", p_expires_at timestamptz, p_at timestamptz DEFAULT now())
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT p_status = 'HELD' AND p_expires_at > p_at $function$;
