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
