-- A reservation's date is checked through its seat: one foreign key on
-- (seat_id, performance_id) to the seat's own (id, performance_id) replaces
-- the keys on seat_id and on performance_id. It says more (the date is the
-- seat's date), and a hold's check locks only the seat's row FOR KEY SHARE,
-- not its date's row, which every concurrent hold of an on-sale shared
-- (docs/benchmarks.md, Arena seat maps: holds in the stadium 0.48× with the
-- key on the date, 0.51× without). Deleting a date still deletes its
-- reservations: through its seats.
CREATE UNIQUE INDEX seats_id_performance_id_key ON seats (id, performance_id);
ALTER TABLE reservations
  ADD CONSTRAINT reservations_seat_id_performance_id_fkey FOREIGN KEY (seat_id, performance_id)
    REFERENCES seats (id, performance_id) ON DELETE CASCADE,
  DROP CONSTRAINT reservations_seat_id_fkey,
  DROP CONSTRAINT reservations_performance_id_fkey;
