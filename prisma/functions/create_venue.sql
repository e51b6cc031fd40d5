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
