-- Keeps performance_section_seats.sold_seats in step with the reservations
-- (docs/decisions/111): a statement-level trigger on reservations, so every
-- writer (payment, refund, cancellation, the release job, a test kit) counts
-- the same way, in the writer's own transaction. Only a reservation entering
-- or leaving CONFIRMED changes a count; holds are never counted here (they
-- run out without any write, so their count is read live, bounded by the
-- live holds).
--
-- The three triggers each pass the transition tables their event has
-- (new_rows for INSERT, old_rows for DELETE, both for UPDATE). Counts rows
-- are updated in (performance, section) order, so two payments touching the
-- same sections queue instead of deadlocking.
CREATE OR REPLACE FUNCTION count_sold_seats()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_sold uuid[] := '{}';
  v_unsold uuid[] := '{}';
  v_change record;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT coalesce(array_agg(n.seat_id), '{}') INTO v_sold FROM new_rows n WHERE n.status = 'CONFIRMED';
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT coalesce(array_agg(o.seat_id), '{}') INTO v_unsold FROM old_rows o WHERE o.status = 'CONFIRMED';
  END IF;
  IF cardinality(v_sold) = 0 AND cardinality(v_unsold) = 0 THEN
    RETURN NULL;
  END IF;
  FOR v_change IN
    SELECT s.performance_id, s.section_id, sum(c.delta)::integer AS delta
    FROM (SELECT seat_id, 1 AS delta FROM unnest(v_sold) AS seat_id
          UNION ALL
          SELECT seat_id, -1 FROM unnest(v_unsold) AS seat_id) c
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
