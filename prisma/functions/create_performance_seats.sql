-- A performance's seats, made from its concert's venue and prices: the one
-- place where seats are numbered and labelled (docs/decisions/100).
--   number       1…N across the venue: section by section (drawing order),
--                front row first, left to right
--   row_label    the section's label of the row ("3", "B")
--   seat_in_row  1… from the left of the row
--   label        what a fan reads: "<section> <row>열 <seat>번", e.g.
--                "A구역 3열 12번"
--   price        the concert's price of the section's grade
-- Answers the number of seats made. Refuses a performance that has seats
-- already, and a grade of the venue without a price. Each section's seat
-- count is stored with them (performance_section_seats, docs/decisions/111),
-- so the catalogue and the section overview never count seats.
CREATE OR REPLACE FUNCTION create_performance_seats(p_performance_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_unpriced text;
  v_made integer;
BEGIN
  IF EXISTS (SELECT 1 FROM seats WHERE performance_id = p_performance_id) THEN
    RAISE EXCEPTION 'performance % has seats already', p_performance_id USING ERRCODE = 'unique_violation';
  END IF;
  SELECT vs.grade INTO v_unpriced
  FROM performances p
  JOIN concerts c ON c.id = p.concert_id
  JOIN venue_sections vs ON vs.venue_id = c.venue_id
  LEFT JOIN concert_prices cp ON cp.concert_id = c.id AND cp.grade = vs.grade
  WHERE p.id = p_performance_id AND cp.price IS NULL
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'grade % has no price', v_unpriced USING ERRCODE = 'not_null_violation';
  END IF;
  INSERT INTO seats (performance_id, section_id, number, row_label, seat_in_row, label, grade, price)
  SELECT p.id, vs.id,
         row_number() OVER (ORDER BY vs.position, seat_row.n, seat.n)::int,
         seat_row.label, seat.n, vs.name || ' ' || seat_row.label || '열 ' || seat.n || '번',
         vs.grade, cp.price
  FROM performances p
  JOIN concerts c ON c.id = p.concert_id
  JOIN venue_sections vs ON vs.venue_id = c.venue_id
  JOIN concert_prices cp ON cp.concert_id = c.id AND cp.grade = vs.grade
  CROSS JOIN LATERAL unnest(vs.row_labels, vs.row_lengths) WITH ORDINALITY AS seat_row(label, length, n)
  CROSS JOIN LATERAL generate_series(1, seat_row.length) AS seat(n)
  WHERE p.id = p_performance_id;
  GET DIAGNOSTICS v_made = ROW_COUNT;
  INSERT INTO performance_section_seats (performance_id, section_id, total_seats)
  SELECT s.performance_id, s.section_id, count(*)::integer
  FROM seats s WHERE s.performance_id = p_performance_id
  GROUP BY s.performance_id, s.section_id;
  RETURN v_made;
END
$function$;
