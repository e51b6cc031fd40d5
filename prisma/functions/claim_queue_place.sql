-- The admission guard's statement (lib/queue/claim-queue-place.ts), shared by
-- the guard itself and by hold_seats (hold_seats.sql): the queue token's row, claiming an
-- admitted turn the first time its holder shows up while the claim window is
-- open. The claim is conditional on that window, so it can never revive a turn
-- the admission leader has already given away. No row for an unknown token.
--   is_live: WAITING, or ADMITTED with the window open and the turn claimed
--            (now or before) in time.
CREATE OR REPLACE FUNCTION claim_queue_place(p_token_id uuid, p_user_id uuid, p_concert_id uuid)
 RETURNS TABLE (status text, ticket bigint, admitted_until timestamptz, is_live boolean)
 LANGUAGE plpgsql
 SET plan_cache_mode = force_generic_plan
AS $function$
#variable_conflict use_column
DECLARE
  v_status text;
  v_ticket bigint;
  v_admitted_until timestamptz;
  v_is_claimed boolean;
  v_claim_by timestamptz;
BEGIN
  SELECT t.status::text, t.ticket, t.admitted_until, t.claimed_at IS NOT NULL, t.claim_by
  INTO v_status, v_ticket, v_admitted_until, v_is_claimed, v_claim_by
  FROM queue_tokens t
  WHERE t.id = p_token_id AND t.user_id = p_user_id AND t.concert_id = p_concert_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- Only an unclaimed turn is written to, once; every later use only reads.
  IF v_status = 'ADMITTED' AND NOT v_is_claimed AND v_claim_by > now() AND v_admitted_until > now() THEN
    -- Conditional again: the admission leader may have ended the turn since the read.
    UPDATE queue_tokens SET claimed_at = now()
    WHERE id = p_token_id AND status = 'ADMITTED' AND claimed_at IS NULL AND claim_by > now() AND admitted_until > now();
    v_is_claimed := FOUND;
  END IF;
  RETURN QUERY SELECT v_status, v_ticket, v_admitted_until,
    v_status = 'WAITING' OR (v_status = 'ADMITTED' AND v_is_claimed AND v_admitted_until > now());
END;
$function$;
