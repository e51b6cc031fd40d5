-- Venues with sections (docs/decisions/100). A concert plays one venue; a
-- performance's seats are made from the venue's sections and the concert's
-- price per grade, and each seat knows its section, row and label.
--
-- Today's concerts become venues of their own (the venue keeps the concert's
-- id and its venue name): one section per seat grade, in seat-number order,
-- named "<grade>석", with rows of ten labelled A, B, C… across the hall as
-- the seat map drew them. No seat, reservation, payment or ledger entry is
-- touched except to give each seat its section, row and label.

CREATE TABLE venues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name varchar(200) NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE venue_sections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name varchar(50) NOT NULL,
  grade varchar(20) NOT NULL,
  row_labels varchar(10)[] NOT NULL,
  row_lengths integer[] NOT NULL,
  aisles_after integer[] NOT NULL DEFAULT '{}',
  x real NOT NULL,
  y real NOT NULL,
  width real NOT NULL,
  height real NOT NULL,
  rotation real NOT NULL DEFAULT 0,
  CONSTRAINT venue_sections_position_unique UNIQUE (venue_id, position),
  CONSTRAINT venue_sections_name_unique UNIQUE (venue_id, name),
  CONSTRAINT venue_sections_rows CHECK (
    cardinality(row_labels) BETWEEN 1 AND 500
    AND cardinality(row_labels) = cardinality(row_lengths)
    AND 0 < ALL (row_lengths)
  ),
  CONSTRAINT venue_sections_name_present CHECK (length(name) > 0 AND length(grade) > 0)
);

CREATE TABLE concert_prices (
  concert_id uuid NOT NULL REFERENCES concerts (id) ON DELETE CASCADE,
  grade varchar(20) NOT NULL,
  price bigint NOT NULL CHECK (price >= 0),
  PRIMARY KEY (concert_id, grade)
);

ALTER TABLE concerts ADD COLUMN venue_id uuid REFERENCES venues (id);
ALTER TABLE seats
  ADD COLUMN section_id uuid REFERENCES venue_sections (id),
  ADD COLUMN row_label varchar(10),
  ADD COLUMN seat_in_row integer,
  ADD COLUMN label varchar(100);

-- Today's concerts: one venue each, one section per grade.
INSERT INTO venues (id, name, created_at) SELECT id, venue, created_at FROM concerts;
UPDATE concerts SET venue_id = id;

INSERT INTO concert_prices (concert_id, grade, price)
SELECT p.concert_id, s.grade, max(s.price)
FROM seats s JOIN performances p ON p.id = s.performance_id
GROUP BY p.concert_id, s.grade;

CREATE TEMPORARY TABLE legacy_sections ON COMMIT DROP AS
WITH per_performance AS (
  SELECT p.concert_id, s.grade, count(*)::int AS seats, min(s.number) AS first_number
  FROM seats s JOIN performances p ON p.id = s.performance_id
  GROUP BY p.concert_id, s.grade, s.performance_id
), per_concert AS (
  SELECT concert_id, grade, max(seats) AS seats, min(first_number) AS first_number
  FROM per_performance GROUP BY concert_id, grade
), ordered AS (
  SELECT concert_id, grade, seats, ((seats + 9) / 10)::int AS row_count,
         (row_number() OVER (PARTITION BY concert_id ORDER BY first_number, grade) - 1)::int AS position
  FROM per_concert
)
SELECT gen_random_uuid() AS id, concert_id, grade, seats, row_count, position,
       (sum(row_count) OVER (PARTITION BY concert_id ORDER BY position) - row_count)::int AS first_row,
       (sum(row_count) OVER (PARTITION BY concert_id))::int AS hall_rows
FROM ordered;

-- Row i of the hall (0-based) is labelled A…Z, then 27, 28…
INSERT INTO venue_sections (id, venue_id, position, name, grade, row_labels, row_lengths, x, y, width, height)
SELECT ls.id, ls.concert_id, ls.position, ls.grade || '석', ls.grade,
       ARRAY(SELECT CASE WHEN ls.first_row + r < 26 THEN chr(65 + ls.first_row + r) ELSE (ls.first_row + r + 1)::text END
             FROM generate_series(0, ls.row_count - 1) AS r ORDER BY r),
       ARRAY(SELECT least(10, ls.seats - r * 10) FROM generate_series(0, ls.row_count - 1) AS r ORDER BY r),
       100, 150 + 800.0 * ls.first_row / ls.hall_rows, 800, 800.0 * ls.row_count / ls.hall_rows - 10
FROM legacy_sections ls;

UPDATE seats s
SET section_id = placed.section_id,
    row_label = vs.row_labels[placed.rank / 10 + 1],
    seat_in_row = placed.rank % 10 + 1,
    label = vs.name || ' ' || vs.row_labels[placed.rank / 10 + 1] || '열 ' || (placed.rank % 10 + 1) || '번'
FROM (
  SELECT s2.id, ls.id AS section_id,
         (row_number() OVER (PARTITION BY s2.performance_id, s2.grade ORDER BY s2.number) - 1)::int AS rank
  FROM seats s2
  JOIN performances p ON p.id = s2.performance_id
  JOIN legacy_sections ls ON ls.concert_id = p.concert_id AND ls.grade = s2.grade
) placed
JOIN venue_sections vs ON vs.id = placed.section_id
WHERE s.id = placed.id;

ALTER TABLE concerts ALTER COLUMN venue_id SET NOT NULL, DROP COLUMN venue;
ALTER TABLE seats
  ALTER COLUMN section_id SET NOT NULL,
  ALTER COLUMN row_label SET NOT NULL,
  ALTER COLUMN seat_in_row SET NOT NULL,
  ALTER COLUMN label SET NOT NULL;

CREATE INDEX concerts_venue_id_idx ON concerts (venue_id);
CREATE INDEX seats_section_id_number_idx ON seats (section_id, performance_id, number);

-- Copies of prisma/functions/create_venue.sql and create_performance_seats.sql
-- as of this migration.
-- A venue and its sections, from the validated layout (lib/venues/venue-input.ts
-- checks it first; the table constraints check it again). p_sections is a JSON
-- array, in drawing order, of
--   {"name", "grade", "rowLabels": [text], "rowLengths": [int],
--    "aislesAfter": [int], "x", "y", "width", "height", "rotation"}
-- where rowLabels and rowLengths run front to back, aislesAfter lists the seat
-- positions in a row after which an aisle is drawn, and the box is in the
-- venue drawing's 1000 × 1000 view box (docs/decisions/100).
CREATE OR REPLACE FUNCTION create_venue(p_name text, p_sections jsonb)
 RETURNS uuid
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_venue_id uuid;
BEGIN
  INSERT INTO venues (name) VALUES (p_name) RETURNING id INTO v_venue_id;
  INSERT INTO venue_sections (venue_id, position, name, grade, row_labels, row_lengths, aisles_after, x, y, width, height, rotation)
  SELECT v_venue_id, (section.position - 1)::int, section.spec->>'name', section.spec->>'grade',
         ARRAY(SELECT label FROM jsonb_array_elements_text(section.spec->'rowLabels') WITH ORDINALITY AS l(label, n) ORDER BY n),
         ARRAY(SELECT length::int FROM jsonb_array_elements_text(section.spec->'rowLengths') WITH ORDINALITY AS l(length, n) ORDER BY n),
         ARRAY(SELECT seat::int FROM jsonb_array_elements_text(coalesce(section.spec->'aislesAfter', '[]')) WITH ORDINALITY AS a(seat, n) ORDER BY n),
         (section.spec->>'x')::real, (section.spec->>'y')::real, (section.spec->>'width')::real, (section.spec->>'height')::real,
         coalesce((section.spec->>'rotation')::real, 0)
  FROM jsonb_array_elements(p_sections) WITH ORDINALITY AS section(spec, position);
  RETURN v_venue_id;
END
$function$;

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
-- already, and a grade of the venue without a price.
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
  RETURN v_made;
END
$function$;
