-- Moves performance_section_seats.prices_version of every (performance,
-- section) whose seats' prices an UPDATE of seats changed (docs/decisions/165):
-- a section's seat map keeps the section's seats in memory and reads them
-- again only when this version moves, so its refresh reads the live
-- reservations alone, never the seats. Statement-level with transition
-- tables: re-pricing a stadium's 70,000 seats moves each section once, in
-- (performance, section) order like count_sold_seats. Seats are otherwise
-- never updated (numbers, labels and sections are made once).
CREATE OR REPLACE FUNCTION count_seat_price_changes()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_changed record;
BEGIN
  FOR v_changed IN
    SELECT DISTINCT n.performance_id, n.section_id
    FROM new_seats n JOIN old_seats o ON o.id = n.id
    WHERE n.price IS DISTINCT FROM o.price
    ORDER BY n.performance_id, n.section_id
  LOOP
    UPDATE performance_section_seats SET prices_version = prices_version + 1
    WHERE performance_id = v_changed.performance_id AND section_id = v_changed.section_id;
  END LOOP;
  RETURN NULL;
END
$function$;
