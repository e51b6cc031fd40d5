-- "On sale": the performance's booking has not closed, and it has not started,
-- by the database clock. Before booking_opens_at a performance is on sale but
-- does not take holds yet (is_booking_open). The one definition used by the
-- catalogue, the dates list, the waiting room and hold_seats
-- (lib/catalog/performance-facts.ts, docs/decisions/050).
-- Plain SQL, STABLE, not STRICT: PostgreSQL inlines it into the calling query.
CREATE OR REPLACE FUNCTION is_on_sale(p_booking_closes_at timestamptz, p_starts_at timestamptz)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT now() < p_booking_closes_at AND now() < p_starts_at $function$;
