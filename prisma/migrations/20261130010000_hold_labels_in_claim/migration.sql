-- hold_seats reads where each claimed seat is in the claim's own statement (docs/benchmarks.md, Booking: the holds A/B of 2026-11-30).
-- Holding seats is the hot write of an on-sale. The guard and the whole claim
-- run as one statement, so the transaction never waits on the network between
-- steps and a stuck app process can never keep a seat or a lock
-- (docs/decisions/020).
--
-- hold_seats(token, user, concert, performance, seats, ttl, max) holds every
-- requested seat for the fan, or none. It answers one row:
--   place_status, place_admitted_until, place_is_live
--                     the queue token's place as claim_queue_place found it
--                     (NULL: no such token for this fan and concert)
--   refusal           NULL when the seats are held, else why not, in the order
--                     API clients see the reasons:
--                     NOT_ADMITTED (the place is not admitted and live; nothing
--                     else was looked at), NO_PERFORMANCE, FOREIGN_SEATS (not
--                     seats of this performance), BOOKING_CLOSED, HOLD_LIMIT,
--                     SEAT_UNAVAILABLE
--   seat_ids          FOREIGN_SEATS / SEAT_UNAVAILABLE: the seats concerned
--   live_holds        the fan's live holds of the performance before this one
--   reservation_ids, held_seat_ids, prices, section_ids, section_names,
--   row_labels, labels
--                     the new holds, in seat-id order, with where each seat is
--   expires_at        when they end (database clock, as stored)
--
-- How it stays correct with any number of app processes:
--   * the fan's own requests for a performance take turns on a transaction
--     advisory lock, and every statement after it reads a fresh snapshot, so
--     the per-fan count is exact;
--   * the claim is one INSERT guarded by reservations_one_live_per_seat: of two
--     fans racing for a seat, the second waits for the first to commit and
--     inserts nothing for it; a claim that got fewer rows than seats deletes
--     its own rows before it commits, so no part of a refused request is ever
--     seen;
--   * stale rows are locked and new rows inserted in seat-id order, so
--     competing multi-seat claims cannot deadlock;
--   * lock_timeout bounds every wait; statement_timeout is set on the app's
--     connections (a statement's own limit cannot change once it runs).
-- Judging the request costs statements only when it is refused: the claim
-- itself checks that the seats belong to the performance and that it is on
-- sale, and the reasons are looked up afterwards.
CREATE OR REPLACE FUNCTION hold_seats(
  p_token_id uuid,
  p_user_id uuid,
  p_concert_id uuid,
  p_performance_id uuid,
  p_seat_ids uuid[],
  p_ttl_seconds integer,
  p_max_holds integer
) RETURNS TABLE (
  place_status text,
  place_admitted_until timestamptz,
  place_is_live boolean,
  refusal text,
  seat_ids text[],
  live_holds integer,
  reservation_ids text[],
  held_seat_ids text[],
  prices bigint[],
  expires_at timestamptz,
  section_ids text[],
  section_names text[],
  row_labels text[],
  labels text[]
)
 LANGUAGE plpgsql
 SET lock_timeout = '1s'
 SET plan_cache_mode = force_generic_plan
AS $function$
#variable_conflict use_column
DECLARE
  v_place_status text;
  v_place_until timestamptz;
  v_place_live boolean;
  v_wanted uuid[] := ARRAY(SELECT DISTINCT unnest(p_seat_ids) ORDER BY 1);
  v_live integer;
  v_ids uuid[];
  v_seats uuid[];
  v_prices bigint[];
  v_expires_at timestamptz;
  v_section_ids text[];
  v_section_names text[];
  v_row_labels text[];
  v_labels text[];
  v_is_on_sale boolean;
  v_foreign text[];
  v_taken text[];
BEGIN
  SELECT q.status, q.admitted_until, q.is_live INTO v_place_status, v_place_until, v_place_live
  FROM claim_queue_place(p_token_id, p_user_id, p_concert_id) AS q;
  IF NOT FOUND OR v_place_status <> 'ADMITTED' OR NOT v_place_live THEN
    RETURN QUERY SELECT v_place_status, v_place_until, v_place_live, 'NOT_ADMITTED',
      NULL::text[], NULL::integer, NULL::text[], NULL::text[], NULL::bigint[], NULL::timestamptz,
      NULL::text[], NULL::text[], NULL::text[], NULL::text[];
    RETURN;
  END IF;

  -- This fan's requests for the performance take turns from here on.
  PERFORM pg_advisory_xact_lock(hashtextextended('hold:' || p_user_id || ':' || p_performance_id, 0));
  SELECT count(*)::integer INTO v_live FROM reservations r
  WHERE r.user_id = p_user_id AND r.performance_id = p_performance_id AND is_live_hold(r.status, r.expires_at);

  IF v_live + cardinality(v_wanted) <= p_max_holds THEN
    -- Holds of these seats whose time ran out give way (the cron may not have run yet).
    -- Looked for first: most claims find none, and a read costs less than an UPDATE.
    PERFORM FROM reservations r WHERE r.seat_id = ANY(v_wanted) AND is_expired_hold(r.status, r.expires_at);
    IF FOUND THEN
      UPDATE reservations SET status = 'EXPIRED', updated_at = now()
      WHERE id IN (SELECT r.id FROM reservations r
                   WHERE r.seat_id = ANY(v_wanted) AND is_expired_hold(r.status, r.expires_at)
                   ORDER BY r.seat_id FOR UPDATE)
        AND status = 'HELD';
    END IF;

    -- The claim: seats of this performance while it is on sale; a seat with a
    -- live reservation conflicts and is skipped. Where each claimed seat is
    -- comes with it: its section's name by one index probe per seat (a join
    -- would let the generic plan scan and hash every section of every venue
    -- on each hold).
    WITH claimed AS (
      INSERT INTO reservations (seat_id, performance_id, user_id, price, status, expires_at)
      SELECT s.id, s.performance_id, p_user_id, s.price, 'HELD', now() + make_interval(secs => p_ttl_seconds)
      FROM seats s JOIN performances p ON p.id = s.performance_id
      WHERE s.id = ANY(v_wanted) AND s.performance_id = p_performance_id
        AND is_booking_open(p.booking_opens_at, p.booking_closes_at, p.starts_at)
      ORDER BY s.id
      ON CONFLICT (seat_id) WHERE status IN ('HELD', 'CONFIRMED') DO NOTHING
      RETURNING reservations.id, reservations.seat_id, reservations.price, reservations.expires_at
    )
    SELECT array_agg(c.id ORDER BY c.seat_id), array_agg(c.seat_id ORDER BY c.seat_id),
           array_agg(c.price ORDER BY c.seat_id), max(c.expires_at),
           array_agg(s.section_id::text ORDER BY c.seat_id),
           array_agg((SELECT vs.name FROM venue_sections vs WHERE vs.id = s.section_id)::text ORDER BY c.seat_id),
           array_agg(s.row_label::text ORDER BY c.seat_id), array_agg(s.label::text ORDER BY c.seat_id)
    INTO v_ids, v_seats, v_prices, v_expires_at, v_section_ids, v_section_names, v_row_labels, v_labels
    FROM claimed c JOIN seats s ON s.id = c.seat_id;

    IF cardinality(v_ids) = cardinality(v_wanted) THEN
      RETURN QUERY SELECT v_place_status, v_place_until, v_place_live, NULL::text,
        NULL::text[], v_live, v_ids::text[], v_seats::text[], v_prices, v_expires_at,
        v_section_ids, v_section_names, v_row_labels, v_labels;
      RETURN;
    END IF;
    -- All or nothing: the seats that were free are let go again.
    DELETE FROM reservations WHERE id = ANY(v_ids);
  END IF;

  -- Refused: the first reason, in the order API clients see them.
  SELECT is_booking_open(p.booking_opens_at, p.booking_closes_at, p.starts_at),
         ARRAY(SELECT wanted::text FROM unnest(v_wanted) AS wanted
               WHERE NOT EXISTS (SELECT 1 FROM seats s WHERE s.id = wanted AND s.performance_id = p.id) ORDER BY 1),
         ARRAY(SELECT r.seat_id::text FROM reservations r
               WHERE r.seat_id = ANY(v_wanted) AND is_live_reservation(r.status, r.expires_at)
               ORDER BY 1)
  INTO v_is_on_sale, v_foreign, v_taken
  FROM performances p WHERE p.id = p_performance_id;
  RETURN QUERY SELECT v_place_status, v_place_until, v_place_live,
    CASE WHEN v_is_on_sale IS NULL THEN 'NO_PERFORMANCE'
         WHEN cardinality(v_foreign) > 0 THEN 'FOREIGN_SEATS'
         WHEN NOT v_is_on_sale THEN 'BOOKING_CLOSED'
         WHEN v_live + cardinality(v_wanted) > p_max_holds THEN 'HOLD_LIMIT'
         ELSE 'SEAT_UNAVAILABLE' END,
    CASE WHEN cardinality(v_foreign) > 0 THEN v_foreign
         -- A seat that was taken and let go again while this claim waited is still named.
         ELSE coalesce(nullif(v_taken, '{}'), ARRAY(SELECT wanted::text FROM unnest(v_wanted) AS wanted
                                                     WHERE wanted <> ALL(coalesce(v_seats, '{}')) ORDER BY 1)) END,
    v_live, NULL::text[], NULL::text[], NULL::bigint[], NULL::timestamptz,
    NULL::text[], NULL::text[], NULL::text[], NULL::text[];
END;
$function$;
