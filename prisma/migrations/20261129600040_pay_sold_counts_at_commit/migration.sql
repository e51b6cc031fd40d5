-- The sold counts per section are applied as the writer commits instead of
-- when its seats change (docs/decisions/145): a payment no longer holds its
-- sections' counts rows locked across its last round trips.
DROP TRIGGER reservations_count_sold_on_insert ON reservations;
DROP TRIGGER reservations_count_sold_on_update ON reservations;
DROP TRIGGER reservations_count_sold_on_delete ON reservations;

-- Notes, for count_sold_seats at commit, a reservation entering or leaving
-- CONFIRMED (docs/decisions/111, 145): a row-level trigger on reservations
-- whose WHEN clauses leave every other change (holds, releases, the release
-- job) without even a call. It only appends "<seat id> <+1|-1>;" to the
-- transaction's setting encore.sold_seat_changes and touches no table, so the
-- writer locks no counts row before it commits. The setting is local to the
-- transaction and goes back with a rolled-back savepoint, exactly as the
-- change it notes does.
CREATE OR REPLACE FUNCTION note_sold_seat_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_note text := '';
BEGIN
  IF TG_OP <> 'DELETE' AND NEW.status = 'CONFIRMED' THEN
    v_note := NEW.seat_id::text || ' 1;';
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status = 'CONFIRMED' THEN
    v_note := v_note || OLD.seat_id::text || ' -1;';
  END IF;
  PERFORM set_config('encore.sold_seat_changes', coalesce(current_setting('encore.sold_seat_changes', true), '') || v_note, true);
  RETURN NULL;
END
$function$;

-- Keeps performance_section_seats.sold_seats in step with the reservations
-- (docs/decisions/111, 145), in the writer's own transaction, whoever the
-- writer is (payment, refund, cancellation, a test kit, anything later), but
-- only as that transaction commits: a deferred constraint trigger on
-- reservations. A counts row is a hot row (every payment of a section
-- updates it); updated at commit, its lock is held for the commit alone,
-- not from the seats' UPDATE across the writer's remaining round trips.
--
-- note_sold_seat_change has appended each change to encore.sold_seat_changes;
-- the first firing of the commit applies them all, per (performance, section)
-- in that order, so two writers touching the same sections queue instead of
-- deadlocking, and empties the list; the transaction's later firings find it
-- empty. A seat deleted in the same transaction went with its performance,
-- and so did its counts row: nothing to count.
CREATE OR REPLACE FUNCTION count_sold_seats()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_changes text := rtrim(coalesce(current_setting('encore.sold_seat_changes', true), ''), ';');
  v_seat_ids uuid[];
  v_deltas integer[];
  v_change record;
BEGIN
  IF v_changes = '' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('encore.sold_seat_changes', '', true);
  -- Arrays first: joined to seats straight from string_to_table (planned for
  -- 1,000 rows), the seats would be read whole instead of by id.
  SELECT array_agg(split_part(note, ' ', 1)::uuid), array_agg(split_part(note, ' ', 2)::integer)
  INTO v_seat_ids, v_deltas
  FROM string_to_table(v_changes, ';') AS note;
  FOR v_change IN
    SELECT s.performance_id, s.section_id, sum(c.delta)::integer AS delta
    FROM unnest(v_seat_ids, v_deltas) AS c(seat_id, delta)
    JOIN seats s ON s.id = c.seat_id
    GROUP BY s.performance_id, s.section_id
    HAVING sum(c.delta) <> 0
    ORDER BY s.performance_id, s.section_id
  LOOP
    UPDATE performance_section_seats SET sold_seats = sold_seats + v_change.delta
    WHERE performance_id = v_change.performance_id AND section_id = v_change.section_id;
  END LOOP;
  RETURN NULL;
END
$function$;

-- Noted at once, only for rows entering or leaving CONFIRMED.
CREATE TRIGGER reservations_note_sold_on_insert AFTER INSERT ON reservations
  FOR EACH ROW WHEN (NEW.status = 'CONFIRMED') EXECUTE FUNCTION note_sold_seat_change();
CREATE TRIGGER reservations_note_sold_on_update AFTER UPDATE ON reservations
  FOR EACH ROW WHEN (OLD.status = 'CONFIRMED' OR NEW.status = 'CONFIRMED') EXECUTE FUNCTION note_sold_seat_change();
CREATE TRIGGER reservations_note_sold_on_delete AFTER DELETE ON reservations
  FOR EACH ROW WHEN (OLD.status = 'CONFIRMED') EXECUTE FUNCTION note_sold_seat_change();

-- Counted at commit, for the same rows (created after the noting triggers,
-- which PostgreSQL would fire first anyway: immediate before deferred).
CREATE CONSTRAINT TRIGGER reservations_count_sold_on_insert AFTER INSERT ON reservations
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.status = 'CONFIRMED') EXECUTE FUNCTION count_sold_seats();
CREATE CONSTRAINT TRIGGER reservations_count_sold_on_update AFTER UPDATE ON reservations
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.status = 'CONFIRMED' OR NEW.status = 'CONFIRMED') EXECUTE FUNCTION count_sold_seats();
CREATE CONSTRAINT TRIGGER reservations_count_sold_on_delete AFTER DELETE ON reservations
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.status = 'CONFIRMED') EXECUTE FUNCTION count_sold_seats();
