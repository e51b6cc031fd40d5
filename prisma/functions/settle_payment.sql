-- Paying for holds from the wallet. The guard and the whole settlement run as
-- one statement inside the caller's transaction (the idempotency record's), so
-- the transaction never waits on the network between steps
-- (docs/decisions/030, 095).
--
-- settle_payment(user, reservations, token concerts, tokens) pays every
-- requested hold or none. The queue tokens are the request's, verified by the
-- app: p_token_ids[i] is this fan's token for concert p_token_concert_ids[i];
-- the concert of the holds picks the one that counts.
--
-- Refused, it answers one row: `refusal`, in the order API clients see the
-- reasons, and nothing is left written but the admission claim:
--   NOT_PAYABLE       ids that are unknown, another fan's, paid or cancelled
--                     (refused_ids, in request order)
--   SEVERAL_CONCERTS  holds of more than one concert
--   HOLD_EXPIRED      holds the release job marked EXPIRED, or whose time ran
--                     out by now under their locks (refused_ids, in id order)
--   NOT_ADMITTED      no token for the concert, or its place (place_*) is not
--                     admitted and live; nothing after the guard was looked at
--   FREE_SEATS        the holds cost nothing (a payment is never of 0 won)
--   INSUFFICIENT_BALANCE  the balance (`balance`) does not cover `total`
-- Paid, it answers one row per hold, by date and seat number, each with the
-- payment (payment_id, payment_created_at, total, the balance after it) and
-- the queue token it ended (ended_*: no token when it had ended meanwhile).
--
-- How it stays correct:
--   * the holds are locked first, in id order, so two payments of the same
--     holds queue instead of deadlocking; the wallet row is locked after them
--     (by ledger_write) and the queue token last, as by every other writer;
--   * "live" is judged by clock_timestamp() once the holds are locked: from
--     then to commit nobody else can touch them, so a hold that was live when
--     paid stays the fan's, and one that was not is never paid;
--   * the debit is ledger_write's, the one home of the balance rule; when it
--     refuses, the payment row written for it is deleted again before anybody
--     could see it.
CREATE OR REPLACE FUNCTION settle_payment(
  p_user_id uuid,
  p_reservation_ids uuid[],
  p_token_concert_ids uuid[],
  p_token_ids uuid[]
) RETURNS TABLE (
  refusal text,
  refused_ids text[],
  place_status text,
  place_admitted_until timestamptz,
  place_is_live boolean,
  total bigint,
  balance bigint,
  payment_id text,
  payment_created_at timestamptz,
  ended_token_id text,
  ended_ticket bigint,
  ended_admitted_until_ms double precision,
  reservation_id text,
  seat_id text,
  seat_number integer,
  grade text,
  performance_id text,
  concert_id text,
  starts_at timestamptz,
  price bigint,
  expires_at timestamptz,
  section_id text,
  section_name text,
  row_label text,
  label text
)
 LANGUAGE plpgsql
 SET plan_cache_mode = force_generic_plan
AS $function$
#variable_conflict use_column
DECLARE
  v_payable uuid[];
  v_marked_expired text[];
  v_concerts uuid[];
  v_token_id uuid;
  v_payment_id uuid;
  v_confirmed integer;
BEGIN
  -- The output columns are this function's variables: a refusal sets the ones
  -- it reports and answers them as one row (RETURN NEXT), the others NULL.

  -- The fan's holds among the requested ones, locked in id order.
  SELECT array_agg(l.id ORDER BY l.id) FILTER (WHERE l.status IN ('HELD', 'EXPIRED')),
         array_agg(l.id::text ORDER BY l.id) FILTER (WHERE l.status = 'EXPIRED'),
         array_agg(DISTINCT l.concert_id),
         sum(l.price)
  INTO v_payable, v_marked_expired, v_concerts, total
  FROM (SELECT r.id, r.status::text AS status, p.concert_id, r.price
        FROM reservations r JOIN performances p ON p.id = r.performance_id
        WHERE r.id = ANY(p_reservation_ids) AND r.user_id = p_user_id
        ORDER BY r.id
        FOR UPDATE OF r) AS l;

  refused_ids := ARRAY(SELECT wanted.id::text FROM unnest(p_reservation_ids) WITH ORDINALITY AS wanted(id, n)
                       WHERE wanted.id <> ALL(coalesce(v_payable, '{}')) ORDER BY wanted.n);
  IF cardinality(refused_ids) > 0 THEN
    refusal := 'NOT_PAYABLE';
    RETURN NEXT;
    RETURN;
  END IF;
  refused_ids := NULL;
  IF cardinality(v_concerts) > 1 THEN
    refusal := 'SEVERAL_CONCERTS';
    RETURN NEXT;
    RETURN;
  END IF;
  IF cardinality(v_marked_expired) > 0 THEN
    refusal := 'HOLD_EXPIRED';
    refused_ids := v_marked_expired;
    RETURN NEXT;
    RETURN;
  END IF;

  -- The admission guard for the concert of the holds (the guard's own SQL).
  v_token_id := p_token_ids[array_position(p_token_concert_ids, v_concerts[1])];
  IF v_token_id IS NOT NULL THEN
    SELECT q.status, q.admitted_until, q.is_live INTO place_status, place_admitted_until, place_is_live
    FROM claim_queue_place(v_token_id, p_user_id, v_concerts[1]) AS q;
  END IF;
  IF place_status IS DISTINCT FROM 'ADMITTED' OR NOT place_is_live THEN
    refusal := 'NOT_ADMITTED';
    RETURN NEXT;
    RETURN;
  END IF;

  IF total <= 0 THEN
    refusal := 'FREE_SEATS';
    RETURN NEXT;
    RETURN;
  END IF;

  -- Still live now, under the locks.
  refused_ids := ARRAY(SELECT r.id::text FROM reservations r
                       WHERE r.id = ANY(p_reservation_ids) AND is_expired_hold(r.status, r.expires_at, clock_timestamp())
                       ORDER BY r.id);
  IF cardinality(refused_ids) > 0 THEN
    refusal := 'HOLD_EXPIRED';
    RETURN NEXT;
    RETURN;
  END IF;
  refused_ids := NULL;

  -- The payment and its debit: both or neither.
  INSERT INTO payments AS pay (user_id, amount) VALUES (p_user_id, total)
  RETURNING pay.id, pay.created_at INTO v_payment_id, payment_created_at;
  SELECT w.balance_after INTO balance FROM ledger_write(p_user_id, 'PAYMENT', -total, v_payment_id) AS w;
  IF NOT FOUND THEN
    DELETE FROM payments AS pay WHERE pay.id = v_payment_id;
    refusal := 'INSUFFICIENT_BALANCE';
    balance := coalesce((SELECT w.balance FROM wallets w WHERE w.user_id = p_user_id), 0);
    payment_created_at := NULL;
    RETURN NEXT;
    RETURN;
  END IF;

  UPDATE reservations AS r SET status = 'CONFIRMED', payment_id = v_payment_id, updated_at = now()
  WHERE r.id = ANY(p_reservation_ids) AND r.status = 'HELD';
  GET DIAGNOSTICS v_confirmed = ROW_COUNT;
  IF v_confirmed <> cardinality(p_reservation_ids) THEN
    RAISE EXCEPTION 'settle_payment confirmed % holds of %', v_confirmed, cardinality(p_reservation_ids);
  END IF;

  SELECT e.id, e.ticket, e.admitted_until_ms INTO ended_token_id, ended_ticket, ended_admitted_until_ms
  FROM end_queue_token(v_token_id, 'PAID') AS e;
  RETURN QUERY
    SELECT refusal, refused_ids, place_status, place_admitted_until, place_is_live, total, balance,
      v_payment_id::text, payment_created_at, ended_token_id, ended_ticket, ended_admitted_until_ms,
      r.id::text, r.seat_id::text, s.number, s.grade::text, r.performance_id::text, p.concert_id::text, p.starts_at, r.price, r.expires_at,
      s.section_id::text, vs.name::text, s.row_label::text, s.label::text
    FROM reservations r
    JOIN seats s ON s.id = r.seat_id
    JOIN venue_sections vs ON vs.id = s.section_id
    JOIN performances p ON p.id = r.performance_id
    WHERE r.id = ANY(p_reservation_ids)
    ORDER BY p.starts_at, s.number, r.id;
END;
$function$;
