-- The operator console's per-minute counts of the last hour read time ranges
-- of one concert's joins, admissions and holds (docs/decisions/122): without
-- these, each refresh would read every token of the concert.
CREATE INDEX queue_tokens_concert_id_created_at_idx ON queue_tokens (concert_id, created_at);
CREATE INDEX queue_tokens_concert_id_admitted_at_idx ON queue_tokens (concert_id, admitted_at) WHERE admitted_at IS NOT NULL;
CREATE INDEX reservations_performance_id_created_at_idx ON reservations (performance_id, created_at);
