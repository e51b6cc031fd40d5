-- "Room open": a concert's waiting room admits from opens_at on, by the
-- database clock; a join before it goes into the pre-queue, drawn at the
-- opening (docs/decisions/010). The one definition used by the joins, the
-- admission steps, the room's state, the catalogue and the console.
-- Plain SQL, STABLE, not STRICT: PostgreSQL inlines it into the calling query.
CREATE OR REPLACE FUNCTION is_room_open(p_opens_at timestamptz)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT p_opens_at <= now() $function$;
