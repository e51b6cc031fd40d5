-- The operators' audit log: who changed what, when, why, with the values
-- before and after. Each entry is written in the transaction of the change it
-- records (lib/audit/record-audit.ts), so a refused change leaves none.
-- Entries are never changed or deleted: an operator deleted later keeps their
-- entries (no cascade), and a trigger refuses UPDATE.
CREATE TABLE audit_entries (
  id         bigserial PRIMARY KEY,
  actor_id   uuid NOT NULL REFERENCES users (id),
  action     varchar(64) NOT NULL,
  target     varchar(200) NOT NULL,
  concert_id uuid REFERENCES concerts (id) ON DELETE SET NULL,
  reason     varchar(500) NOT NULL,
  before     jsonb,
  after      jsonb,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT audit_entries_reason_check CHECK (char_length(btrim(reason)) BETWEEN 1 AND 500),
  CONSTRAINT audit_entries_action_check CHECK (action ~ '^[a-z]+(\.[a-z_]+)+$')
);
-- Newest first is "id descending": ids are taken in commit-ish order and the
-- listing pages by id, so the primary key serves the unfiltered log.
CREATE INDEX audit_entries_concert_id_id_idx ON audit_entries (concert_id, id DESC) WHERE concert_id IS NOT NULL;
CREATE INDEX audit_entries_actor_id_idx ON audit_entries (actor_id);

CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;
CREATE TRIGGER audit_entries_append_only
  BEFORE UPDATE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
