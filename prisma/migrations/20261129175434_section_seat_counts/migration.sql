-- Seat counts per (performance, section) that cost the same whatever the size
-- of the venue (docs/decisions/111). total_seats is written with the seats
-- and never changes; sold_seats is kept by the trigger count_sold_seats in
-- the same transaction as every reservation write; live holds are counted
-- from the reservations, bounded by the holds that are live.
-- Hold and payment answers also name each seat's section, row and label.

CREATE TABLE performance_section_seats (
  performance_id uuid NOT NULL REFERENCES performances (id) ON DELETE CASCADE,
  section_id uuid NOT NULL REFERENCES venue_sections (id),
  total_seats integer NOT NULL CHECK (total_seats > 0),
  sold_seats integer NOT NULL DEFAULT 0 CHECK (sold_seats >= 0 AND sold_seats <= total_seats),
  PRIMARY KEY (performance_id, section_id)
);

INSERT INTO performance_section_seats (performance_id, section_id, total_seats, sold_seats)
SELECT s.performance_id, s.section_id, count(*)::integer, count(r.id)::integer
FROM seats s
LEFT JOIN reservations r ON r.seat_id = s.id AND r.status = 'CONFIRMED'
GROUP BY s.performance_id, s.section_id;

-- Copies of prisma/functions/count_sold_seats.sql, create_performance_seats.sql,
-- hold_seats.sql and settle_payment.sql as of this migration.
-- Keeps performance_section_seats.sold_seats in step with the reservations
-- (docs/decisions/111): a statement-level trigger on reservations, so every
-- writer (payment, refund, cancellation, the release job, a test kit) counts
-- the same way, in the writer's own transaction. Only a reservation entering
-- or leaving CONFIRMED changes a count; holds are never counted here (they
-- run out without any write, so their count is read live, bounded by the
-- live holds).
--
-- The three triggers each pass the transition tables their event has
-- (new_rows for INSERT, old_rows for DELETE, both for UPDATE). Counts rows
-- are updated in (performance, section) order, so two payments touching the
-- same sections queue instead of deadlocking.
CREATE OR REPLACE FUNCTION count_sold_seats()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_sold uuid[] := '{}';
  v_unsold uuid[] := '{}';
  v_change record;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT coalesce(array_agg(n.seat_id), '{}') INTO v_sold FROM new_rows n WHERE n.status = 'CONFIRMED';
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT coalesce(array_agg(o.seat_id), '{}') INTO v_unsold FROM old_rows o WHERE o.status = 'CONFIRMED';
  END IF;
  IF cardinality(v_sold) = 0 AND cardinality(v_unsold) = 0 THEN
    RETURN NULL;
  END IF;
  FOR v_change IN
    SELECT s.performance_id, s.section_id, sum(c.delta)::integer AS delta
    FROM (SELECT seat_id, 1 AS delta FROM unnest(v_sold) AS seat_id
          UNION ALL
          SELECT seat_id, -1 FROM unnest(v_unsold) AS seat_id) c
    JOIN seats s ON s.id = c.seat_id
    GROUP BY s.performance_id, s.section_id
    HAVING sum(c.delta) <> 0
    ORDER BY s.performance_id, s.section_id
  LOOP
    UPDATE performance_section_seats SET sold_seats = sold_seats + v_change.delta
    WHERE performance_id = v_change.performance_id AND section_id = v_change.section_id;
  END LOOP;
  RETURN NULL;
END
$function$;

CREATE TRIGGER reservations_count_sold_on_insert AFTER INSERT ON reservations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_sold_seats();
CREATE TRIGGER reservations_count_sold_on_update AFTER UPDATE ON reservations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_sold_seats();
CREATE TRIGGER reservations_count_sold_on_delete AFTER DELETE ON reservations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_sold_seats();

-- A performance's seats, made from its concert's venue and prices: the one
-- place where seats are numbered and labelled (docs/decisions/100).
--   number       1…N across the venue: section by section (drawing order),
--                front row first, left to right
--   row_label    the section's label of the row ("3", "B")
--   seat_in_row  1… from the left of the row
--   label        what a fan reads: "<section> <row>열 <seat>번", e.g.
--                "A구역 3열 12번"
--   price        the concert's price of the section's grade
-- Answers the number of seats made. Refuses a performance that has seats
-- already, and a grade of the venue without a price. Each section's seat
-- count is stored with them (performance_section_seats, docs/decisions/111),
-- so the catalogue and the section overview never count seats.
CREATE OR REPLACE FUNCTION create_performance_seats(p_performance_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_unpriced text;
  v_made integer;
BEGIN
  IF EXISTS (SELECT 1 FROM seats WHERE performance_id = p_performance_id) THEN
    RAISE EXCEPTION 'performance % has seats already', p_performance_id USING ERRCODE = 'unique_violation';
  END IF;
  SELECT vs.grade INTO v_unpriced
  FROM performances p
  JOIN concerts c ON c.id = p.concert_id
  JOIN venue_sections vs ON vs.venue_id = c.venue_id
  LEFT JOIN concert_prices cp ON cp.concert_id = c.id AND cp.grade = vs.grade
  WHERE p.id = p_performance_id AND cp.price IS NULL
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'grade % has no price', v_unpriced USING ERRCODE = 'not_null_violation';
  END IF;
  INSERT INTO seats (performance_id, section_id, number, row_label, seat_in_row, label, grade, price)
  SELECT p.id, vs.id,
         row_number() OVER (ORDER BY vs.position, seat_row.n, seat.n)::int,
         seat_row.label, seat.n, vs.name || ' ' || seat_row.label || '열 ' || seat.n || '번',
         vs.grade, cp.price
  FROM performances p
  JOIN concerts c ON c.id = p.concert_id
  JOIN venue_sections vs ON vs.venue_id = c.venue_id
  JOIN concert_prices cp ON cp.concert_id = c.id AND cp.grade = vs.grade
  CROSS JOIN LATERAL unnest(vs.row_labels, vs.row_lengths) WITH ORDINALITY AS seat_row(label, length, n)
  CROSS JOIN LATERAL generate_series(1, seat_row.length) AS seat(n)
  WHERE p.id = p_performance_id;
  GET DIAGNOSTICS v_made = ROW_COUNT;
  INSERT INTO performance_section_seats (performance_id, section_id, total_seats)
  SELECT s.performance_id, s.section_id, count(*)::integer
  FROM seats s WHERE s.performance_id = p_performance_id
  GROUP BY s.performance_id, s.section_id;
  RETURN v_made;
END
$function$;

DROP FUNCTION hold_seats(uuid, uuid, uuid, uuid, uuid[], integer, integer);

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
    -- live reservation conflicts and is skipped.
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
           array_agg(c.price ORDER BY c.seat_id), max(c.expires_at)
    INTO v_ids, v_seats, v_prices, v_expires_at
    FROM claimed c;

    IF cardinality(v_ids) = cardinality(v_wanted) THEN
      SELECT array_agg(s.section_id::text ORDER BY s.id), array_agg(vs.name::text ORDER BY s.id),
             array_agg(s.row_label::text ORDER BY s.id), array_agg(s.label::text ORDER BY s.id)
      INTO v_section_ids, v_section_names, v_row_labels, v_labels
      FROM seats s JOIN venue_sections vs ON vs.id = s.section_id
      WHERE s.id = ANY(v_seats);
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

DROP FUNCTION settle_payment(uuid, uuid[], uuid[], uuid[]);

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
