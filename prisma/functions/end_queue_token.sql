-- Ends a live queue token (WAITING or ADMITTED), freeing its place at once:
-- leaving the line (lib/queue/end-queue-token.ts) and paying (settle_payment).
-- Answers the token as an app process must remember it (id, ticket, the end
-- of the turn in epoch ms), or no row when no live token ended.
CREATE OR REPLACE FUNCTION end_queue_token(p_token_id uuid, p_reason "QueueEndReason")
RETURNS TABLE (id text, ticket bigint, admitted_until_ms double precision)
 LANGUAGE sql
AS $function$
  UPDATE queue_tokens AS t
  SET status = 'ENDED', end_reason = p_reason, ended_at = now()
  WHERE t.id = p_token_id AND t.status IN ('WAITING', 'ADMITTED')
  RETURNING t.id::text, t.ticket, (extract(epoch FROM t.admitted_until) * 1000)::double precision;
$function$;
