-- Indexes for the retention purge (lib/retention): each batch takes the oldest
-- rows past their window straight from an index range, so a batch costs the
-- rows it removes, not the size of the table, and a run with nothing to remove
-- costs one index probe per kind.
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
CREATE INDEX idempotency_records_created_at_idx ON idempotency_records (created_at);
-- Partial: live tokens (the hot rows of every poll and hold) stay out of it.
CREATE INDEX queue_tokens_ended_at_idx ON queue_tokens (ended_at) WHERE status = 'ENDED';
CREATE INDEX sign_in_throttles_window_started_at_idx ON sign_in_throttles (window_started_at);
