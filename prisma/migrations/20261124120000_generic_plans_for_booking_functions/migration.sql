-- Plan the booking functions' statements once per connection.
--
-- PL/pgSQL caches a plan for each statement of a function, but a statement
-- with parameters is planned afresh for its first five runs and then again on
-- every run for as long as PostgreSQL judges the custom plans cheaper than
-- the generic one; for statements on arrays of ids (seat_id = ANY(...)) it
-- kept replanning. Every statement here finds its rows through a key (token
-- id, fan and performance, seat ids), which a generic plan uses as well as a
-- custom one does (checked with auto_explain on the bench data). Measured on
-- one connection, one seat per call: hold_seats 390-420 µs -> 240-260 µs
-- (docs/benchmarks.md).
-- The setting holds while the function runs, for the statements it calls too.
ALTER FUNCTION claim_queue_place(uuid, uuid, uuid) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION hold_seats(uuid, uuid, uuid, uuid, uuid[], integer, integer) SET plan_cache_mode = force_generic_plan;
