-- An operator can pause a waiting room: the admission leader admits nobody
-- while it is paused, and waiting fans keep their tickets (docs/decisions/121).
ALTER TABLE waiting_rooms ADD COLUMN is_paused boolean NOT NULL DEFAULT false;
