-- Encore initial schema. Hand-written: Prisma's schema engine cannot run
-- offline, and the invariants below need SQL that Prisma cannot express.

CREATE TYPE "Role" AS ENUM ('FAN', 'ADMIN');
CREATE TYPE "ReservationStatus" AS ENUM ('HELD', 'CONFIRMED', 'EXPIRED', 'CANCELLED');
CREATE TYPE "WalletEntryType" AS ENUM ('CHARGE', 'PAYMENT');
CREATE TYPE "QueueTokenStatus" AS ENUM ('WAITING', 'ADMITTED', 'ENDED');
CREATE TYPE "QueueEndReason" AS ENUM ('LEFT', 'PAID', 'EXPIRED', 'ABANDONED');

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         varchar(254) NOT NULL,
  name          varchar(100) NOT NULL,
  password_hash text NOT NULL,
  role          "Role" NOT NULL DEFAULT 'FAN',
  created_at    timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE sessions (
  id         varchar(64) PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE sign_in_throttles (
  email             varchar(254) PRIMARY KEY,
  failures          integer NOT NULL,
  window_started_at timestamptz(3) NOT NULL
);

CREATE TABLE concerts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title       varchar(200) NOT NULL,
  artist      varchar(200) NOT NULL,
  venue       varchar(200) NOT NULL,
  description text NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE performances (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  concert_id        uuid NOT NULL REFERENCES concerts (id) ON DELETE CASCADE,
  starts_at         timestamptz(3) NOT NULL,
  booking_opens_at  timestamptz(3) NOT NULL,
  booking_closes_at timestamptz(3) NOT NULL,
  CONSTRAINT performances_booking_window_check CHECK (booking_opens_at < booking_closes_at)
);
CREATE INDEX performances_concert_id_starts_at_idx ON performances (concert_id, starts_at);

CREATE TABLE seats (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  performance_id uuid NOT NULL REFERENCES performances (id) ON DELETE CASCADE,
  number         integer NOT NULL,
  grade          varchar(20) NOT NULL,
  price          bigint NOT NULL,
  CONSTRAINT seats_number_check CHECK (number >= 1),
  CONSTRAINT seats_price_check CHECK (price >= 0)
);
CREATE UNIQUE INDEX seats_performance_id_number_key ON seats (performance_id, number);

CREATE TABLE payments (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  amount     bigint NOT NULL,
  status     varchar(20) NOT NULL DEFAULT 'COMPLETED',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT payments_amount_check CHECK (amount > 0)
);
CREATE INDEX payments_user_id_created_at_idx ON payments (user_id, created_at);

CREATE TABLE reservations (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seat_id        uuid NOT NULL REFERENCES seats (id) ON DELETE CASCADE,
  performance_id uuid NOT NULL REFERENCES performances (id) ON DELETE CASCADE,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  price          bigint NOT NULL,
  status         "ReservationStatus" NOT NULL DEFAULT 'HELD',
  expires_at     timestamptz(3) NOT NULL,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  updated_at     timestamptz(3) NOT NULL DEFAULT now(),
  payment_id     uuid REFERENCES payments (id),
  CONSTRAINT reservations_confirmed_has_payment CHECK ((status = 'CONFIRMED') = (payment_id IS NOT NULL))
);
-- Invariant: a seat has at most one live hold or sale. An expired HELD row is
-- turned EXPIRED (lazily by the next claim of that seat, or by the cron)
-- before a new hold of the seat is inserted.
CREATE UNIQUE INDEX reservations_one_live_per_seat ON reservations (seat_id)
  WHERE status IN ('HELD', 'CONFIRMED');
CREATE INDEX reservations_user_id_performance_id_status_idx ON reservations (user_id, performance_id, status);
CREATE INDEX reservations_performance_id_status_idx ON reservations (performance_id, status);
CREATE INDEX reservations_status_expires_at_idx ON reservations (status, expires_at);

CREATE TABLE wallets (
  user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  balance    bigint NOT NULL DEFAULT 0,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT wallets_balance_check CHECK (balance >= 0)
);

CREATE TABLE wallet_entries (
  id            bigserial PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type          "WalletEntryType" NOT NULL,
  amount        bigint NOT NULL,
  balance_after bigint NOT NULL,
  payment_id    uuid REFERENCES payments (id),
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT wallet_entries_sign_check CHECK (
    (type = 'CHARGE' AND amount > 0 AND payment_id IS NULL)
    OR (type = 'PAYMENT' AND amount < 0 AND payment_id IS NOT NULL)
  ),
  CONSTRAINT wallet_entries_balance_after_check CHECK (balance_after >= 0)
);
CREATE UNIQUE INDEX wallet_entries_payment_id_key ON wallet_entries (payment_id);
CREATE INDEX wallet_entries_user_id_id_idx ON wallet_entries (user_id, id DESC);

-- The ledger is append-only. Deleting a user (cascade) is the one way out.
CREATE FUNCTION wallet_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'wallet_entries is append-only';
END;
$$;
CREATE TRIGGER wallet_entries_append_only
  BEFORE UPDATE ON wallet_entries
  FOR EACH ROW EXECUTE FUNCTION wallet_entries_refuse_change();

CREATE TABLE idempotency_records (
  id              bigserial PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key             varchar(255) NOT NULL,
  request_hash    varchar(64) NOT NULL,
  response_status integer NOT NULL,
  response_body   jsonb NOT NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX idempotency_records_user_id_key_key ON idempotency_records (user_id, key);

CREATE TABLE waiting_rooms (
  concert_id                uuid PRIMARY KEY REFERENCES concerts (id) ON DELETE CASCADE,
  capacity                  integer NOT NULL,
  admission_rate_per_minute integer NOT NULL,
  admission_window_seconds  integer NOT NULL,
  claim_window_seconds      integer NOT NULL,
  opens_at                  timestamptz(3) NOT NULL,
  last_ticket               bigint NOT NULL DEFAULT 0,
  serving_counter           bigint NOT NULL DEFAULT 0,
  last_advanced_at          timestamptz(3) NOT NULL DEFAULT now(),
  is_prequeue_ordered       boolean NOT NULL DEFAULT false,
  CONSTRAINT waiting_rooms_capacity_check CHECK (capacity >= 1),
  CONSTRAINT waiting_rooms_rate_check CHECK (admission_rate_per_minute >= 1),
  CONSTRAINT waiting_rooms_window_check CHECK (admission_window_seconds >= 60),
  CONSTRAINT waiting_rooms_claim_check CHECK (claim_window_seconds >= 10),
  CONSTRAINT waiting_rooms_counter_check CHECK (serving_counter <= last_ticket)
);

CREATE TABLE queue_tokens (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  concert_id     uuid NOT NULL REFERENCES concerts (id) ON DELETE CASCADE,
  ticket         bigint,
  status         "QueueTokenStatus" NOT NULL DEFAULT 'WAITING',
  end_reason     "QueueEndReason",
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  admitted_at    timestamptz(3),
  admitted_until timestamptz(3),
  claim_by       timestamptz(3),
  claimed_at     timestamptz(3),
  ended_at       timestamptz(3),
  CONSTRAINT queue_tokens_ended_check CHECK ((status = 'ENDED') = (ended_at IS NOT NULL AND end_reason IS NOT NULL)),
  CONSTRAINT queue_tokens_admitted_check CHECK (status <> 'ADMITTED' OR (admitted_at IS NOT NULL AND admitted_until IS NOT NULL AND claim_by IS NOT NULL AND ticket IS NOT NULL))
);
-- Invariant: one live place in line per fan and concert.
CREATE UNIQUE INDEX queue_tokens_one_live_per_fan ON queue_tokens (user_id, concert_id)
  WHERE status IN ('WAITING', 'ADMITTED');
CREATE UNIQUE INDEX queue_tokens_concert_id_ticket_key ON queue_tokens (concert_id, ticket);
CREATE INDEX queue_tokens_concert_id_status_ticket_idx ON queue_tokens (concert_id, status, ticket);
CREATE INDEX queue_tokens_concert_id_ended_at_idx ON queue_tokens (concert_id, ended_at);
