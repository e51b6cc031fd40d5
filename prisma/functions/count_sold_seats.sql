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
